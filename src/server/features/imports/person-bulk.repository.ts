/**
 * SQL of the person import into an EMPTY registry on SQLite (no person and no household yet: the
 * first load of a city's data, and the 1,000,000-row benchmark). Nothing can match an existing
 * record, so there are no per-row lookups, and the work that an ordinary insert does row by row
 * is done by set:
 * - every index of persons and households but their primary keys is dropped inside the import's
 *   transaction and built again from its own stored definition at the end, read from the schema,
 *   so an index added by a later migration is handled the same way. That includes the unique NIK
 *   and KK indexes (named indexes since migration 013): building an index from sorted keys is far
 *   cheaper than a million random insertions into it once it outgrows the page cache, and the
 *   unique build checks every number at once (a repeat fails the import; the reader has already
 *   rejected any repeat within the file, and the registry was empty). The primary keys are
 *   time-ordered ids, appended to;
 * - the FTS5 search trigger is dropped and each batch of new persons is indexed by two set-based
 *   statements (about 2.5 µs a row instead of about 15 through the trigger); the name-word index's
 *   trigger is dropped too and that table filled in key order at the end;
 * - persons and households go in 64 rows per prepared INSERT, `OR FAIL`: a conflict (which the
 *   reader's checks rule out) still fails the import, but the statement keeps no journal to undo
 *   itself alone (with foreign keys off for the load, see `bulkSettings` in
 *   person-import.service.ts).
 * All of it happens in the caller's transaction, so a failed or killed import rolls the dropped
 * indexes and trigger back with the rows.
 */
import type SqliteDatabase from "better-sqlite3";
import { rebuildPersonNameWords } from "../persons/person-search.repository.ts";
import { PERSON_COLUMNS } from "./person-columns.ts";

/** Values bound per person, in `PERSON_COLUMNS` order. */
export const PERSON_WIDTH = PERSON_COLUMNS.length;

export const HOUSEHOLD_COLUMNS = [
  "id",
  "kk_number",
  "region_code",
  "rw",
  "rt",
  "address",
  "latitude",
  "longitude",
  "seq",
] as const;
/** Values bound per household, in `HOUSEHOLD_COLUMNS` order. */
export const HOUSEHOLD_WIDTH = HOUSEHOLD_COLUMNS.length;

/** Page cache while the indexes are built at the end of a load, in KiB. */
const FINISH_CACHE_KIB = 2 * 1024;

/** Rows bound by one INSERT statement. */
export const BULK_ROWS = 64;

/** Writes the values of row `i` into `to`, starting at `at`. */
export type RowFill = (to: unknown[], at: number, i: number) => void;

/**
 * The SQL side of the bulk path, one per engine (this file for SQLite, person-bulk.pg.repository.ts
 * for PostgreSQL). The insert calls may only collect the rows; `flush` (when there is one) writes
 * what a batch collected before the writer goes on.
 */
export interface BulkStore {
  allocateSeq(count: number): number;
  /** Inserts `count` households; `fill` writes the i-th one's `HOUSEHOLD_WIDTH` values at `to[at…]`. */
  insertHouseholds(count: number, fill: RowFill): void;
  /** Inserts `count` persons (`PERSON_WIDTH` values each) and indexes them for search. */
  insertPersons(count: number, fill: RowFill): void;
  insertClassification(c: unknown[]): void;
  /** Writes what the batch's insert calls collected (households, then persons, then PPKS). */
  flush?(): Promise<void>;
  /** Writes the change counter back, rebuilds the dropped indexes and restores the search trigger. */
  finish(): void | Promise<void>;
  /** Pairs of new persons with the same normalised name and birth date (after `finish`). */
  sameNameBirthPairs():
    | { id: string; other: string; region: string }[]
    | Promise<{ id: string; other: string; region: string }[]>;
  queueDuplicate(d: unknown[]): void;
  /** Writes the queued duplicates, when `queueDuplicate` only collects them. */
  flushDuplicates?(): Promise<void>;
}

/** True when the registry holds no person and no household (the bulk path applies). */
export function registryIsEmpty(sqlite: SqliteDatabase.Database): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM persons LIMIT 1").get() === undefined &&
    sqlite.prepare("SELECT 1 FROM households LIMIT 1").get() === undefined
  );
}

function multiRow(sqlite: SqliteDatabase.Database, head: string, row: string, count: number) {
  return sqlite.prepare(`${head} VALUES ${Array(count).fill(row).join(", ")}`);
}

/** The bulk store on a raw SQLite connection; call inside a transaction on that connection. */
export function sqliteBulkStore(sqlite: SqliteDatabase.Database, now: string): BulkStore {
  const definitions = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('persons', 'households') AND sql IS NOT NULL
        AND (type = 'index'
          OR (type = 'trigger' AND name IN ('persons_search_insert', 'person_name_words_insert')))`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const d of definitions) sqlite.exec(`DROP ${d.type.toUpperCase()} "${d.name.replace(/"/g, '""')}"`);
  const searched = definitions.some((d) => d.name === "persons_search_insert");
  const worded = definitions.some((d) => d.name === "person_name_words_insert");

  const personRow = `(${PERSON_COLUMNS.map(() => "?").join(", ")}, 'ada', 0, '${now}', '${now}')`;
  const personHead = `INSERT OR FAIL INTO persons (${PERSON_COLUMNS.join(", ")}, nik_status, is_demo, created_at, updated_at)`;
  const householdRow = `(${HOUSEHOLD_COLUMNS.map(() => "?").join(", ")}, 0, '${now}', '${now}')`;
  const householdHead = `INSERT OR FAIL INTO households (${HOUSEHOLD_COLUMNS.join(", ")}, is_demo, created_at, updated_at)`;
  const persons = multiRow(sqlite, personHead, personRow, BULK_ROWS);
  const person = multiRow(sqlite, personHead, personRow, 1);
  const households = multiRow(sqlite, householdHead, householdRow, BULK_ROWS);
  const household = multiRow(sqlite, householdHead, householdRow, 1);
  const s = {
    seq: sqlite.prepare("SELECT value FROM change_counter WHERE id = 1").pluck(),
    setSeq: sqlite.prepare("UPDATE change_counter SET value = ? WHERE id = 1"),
    lastPerson: sqlite.prepare("SELECT max(rowid) FROM persons").pluck(),
    lastKey: sqlite.prepare("SELECT max(rowid) FROM person_search_keys").pluck(),
    // Both number a new person's search key by the same rule, so that the trigram index needs no
    // join back to the keys (a join by id cost about 1.5 µs a person).
    keys: sqlite.prepare(
      `INSERT OR FAIL INTO person_search_keys (rowid, person_id)
        SELECT :lastKey + (rowid - :lastPerson), id FROM persons WHERE rowid > :lastPerson`,
    ),
    fts: sqlite.prepare(`INSERT INTO persons_fts (rowid, name_phonetic)
      SELECT :lastKey + (rowid - :lastPerson), name_phonetic FROM persons WHERE rowid > :lastPerson`),
    classification: sqlite.prepare(
      `INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source, worker_id,
        status, note, region_code, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'aktif', NULL, ?, ?, '${now}', '${now}')`,
    ),
    duplicate: sqlite.prepare(
      `INSERT INTO duplicate_candidates (id, kind, fingerprint, person_id, other_person_id, incoming, status,
        region_code, created_at) VALUES (?, ?, ?, ?, ?, NULL, 'pending', ?, '${now}') ON CONFLICT (fingerprint) DO NOTHING`,
    ),
  };
  let lastPerson = Number(s.lastPerson.get() ?? 0);
  // Change numbers come from a counter kept here and written back by `finish`: the load holds the
  // database's one write transaction, so nothing else can take numbers meanwhile, and updating the
  // counter row once per block cost about 5 ms each time (its page had left the small cache).
  let nextSeq = Number(s.seq.get()) + 1;
  // The bound values go through one reused array per statement shape: no per-batch arrays or
  // slices for the garbage collector (the writing thread is the import's critical path).
  const insertRows = (
    count: number,
    fill: RowFill,
    width: number,
    many: SqliteDatabase.Statement,
    one: SqliteDatabase.Statement,
    manyValues: unknown[],
    oneValues: unknown[],
  ) => {
    let i = 0;
    for (; i + BULK_ROWS <= count; i += BULK_ROWS) {
      for (let r = 0; r < BULK_ROWS; r++) fill(manyValues, r * width, i + r);
      many.run(manyValues);
    }
    for (; i < count; i++) {
      fill(oneValues, 0, i);
      one.run(oneValues);
    }
  };
  const personValues = new Array<unknown>(BULK_ROWS * PERSON_WIDTH);
  const personValue = new Array<unknown>(PERSON_WIDTH);
  const householdValues = new Array<unknown>(BULK_ROWS * HOUSEHOLD_WIDTH);
  const householdValue = new Array<unknown>(HOUSEHOLD_WIDTH);
  return {
    allocateSeq(count) {
      const first = nextSeq;
      nextSeq += count;
      return first;
    },
    insertHouseholds: (count, fill) =>
      insertRows(count, fill, HOUSEHOLD_WIDTH, households, household, householdValues, householdValue),
    insertPersons(count, fill) {
      insertRows(count, fill, PERSON_WIDTH, persons, person, personValues, personValue);
      if (!searched) return;
      // The new persons are exactly those above the previous highest rowid (SQLite gives a new
      // row max(rowid) + 1). Each gets the search key above the previous highest one by as much
      // as its rowid is above the previous highest person's: distinct, and the same in both tables.
      const at = { lastKey: Number(s.lastKey.get() ?? 0), lastPerson };
      s.keys.run(at);
      s.fts.run(at);
      lastPerson = Number(s.lastPerson.get() ?? 0);
    },
    insertClassification: (c) => void s.classification.run(c),
    finish() {
      s.setSeq.run(nextSeq - 1);
      // The file has been read by now, so the reader's core is free: SQLite's sorter may use a
      // helper thread for the index builds and the ordered fill below.
      const threads = sqlite.pragma("threads", { simple: true });
      sqlite.pragma("threads = 2");
      // A smaller cache makes the sorter sort in more, smaller runs, which its helper thread
      // shares: the name-word fill took 1.9 s instead of 2.2 s at 1,000,000 persons (2 MB instead
      // of 8). The import restores the connection's cache afterwards.
      sqlite.pragma(`cache_size = -${FINISH_CACHE_KIB}`);
      try {
        for (const d of definitions) if (d.type === "index") sqlite.exec(d.sql);
        // The name-word search index, set-based in key order (several times cheaper than its
        // trigger row by row), before the triggers come back.
        if (worded) rebuildPersonNameWords(sqlite);
        for (const d of definitions) if (d.type === "trigger") sqlite.exec(d.sql);
      } finally {
        sqlite.pragma(`threads = ${Number(threads)}`);
      }
    },
    // The few (name, birth date) groups with more than one person are found first by a scan of
    // the name-birth index alone (no table rows read), and only their members are joined: the
    // same pairs as joining every person, in a sixth of the time (0.4 s instead of 2.4 s at
    // 1,000,000 rows).
    sameNameBirthPairs: () =>
      sqlite
        .prepare(
          `WITH groups AS (SELECT name_normalized, birth_date FROM persons WHERE birth_date IS NOT NULL
             GROUP BY name_normalized, birth_date HAVING count(*) > 1)
           SELECT b.id AS id, min(a.id) AS other, b.region_code AS region
           FROM groups g CROSS JOIN persons b ON b.name_normalized = g.name_normalized AND b.birth_date = g.birth_date
           JOIN persons a ON a.name_normalized = b.name_normalized AND a.birth_date = b.birth_date
             AND a.id < b.id AND a.merged_into_id IS NULL AND a.died_at IS NULL
           GROUP BY b.id`,
        )
        .all() as { id: string; other: string; region: string }[],
    queueDuplicate: (d) => void s.duplicate.run(d),
  };
}
