/**
 * SQL of the person import, behind one small interface with two implementations:
 * - `kyselyImportStore` (both engines, any `db | trx`), used on PostgreSQL and by the upload route;
 * - `sqliteImportStore`, prepared better-sqlite3 statements on the raw connection, used by the CLI
 *   when the registry already holds data (and by the search and dashboard benches to load data).
 *   Rows through the query builder spend most of their time compiling SQL and crossing async hops
 *   per statement; prepared statements run the same SQL in a fraction of that. The caller opens
 *   and commits the transaction on that same connection.
 * The CLI's load into an EMPTY registry takes the bulk path instead (person-bulk.repository.ts).
 */
import type SqliteDatabase from "better-sqlite3";
import type { Db } from "../../db/database.ts";
import { PERSON_FIELDS } from "./person-columns.ts";

export interface ExistingHousehold {
  id: string;
  region_code: string;
  rw: string;
  rt: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ExistingPerson {
  id: string;
  household_id: string | null;
  name: string;
  name_normalized: string;
  sex: string;
  birth_place: string | null;
  birth_date: string | null;
  relation: string;
  marital_status: string | null;
  education: string | null;
  occupation: string | null;
  monthly_income: number | null;
  disability: string | null;
  chronic_illness: string | null;
  health_insurance: string | null;
  phone: string | null;
  region_code: string;
}

export interface HouseholdWrite {
  id: string;
  kk_number: string;
  region_code: string;
  rw: string;
  rt: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  seq: number;
  now: string;
}

/** Every column the import sets on a person. */
export interface PersonWrite extends Omit<ExistingPerson, "id"> {
  id: string;
  nik: string;
  name_phonetic: string;
  seq: number;
  now: string;
}

export interface ClassificationWrite {
  id: string;
  person_id: string;
  household_id: string | null;
  category_code: string;
  found_on: string;
  source: string;
  worker_id: string | null;
  region_code: string;
  seq: number;
  now: string;
}

export interface EventWrite {
  id: string;
  kind: string;
  person_id: string | null;
  household_id: string | null;
  details: string;
  occurred_on: string;
  region_code: string;
  recorded_by: string | null;
  seq: number;
  now: string;
}

export interface DuplicateWrite {
  id: string;
  kind: string;
  fingerprint: string;
  person_id: string;
  other_person_id: string | null;
  incoming: string | null;
  region_code: string;
  now: string;
}

/** What the import needs from the database. */
export interface ImportStore {
  allocateSeq(count: number): Promise<number> | number;
  findHousehold(kkNumber: string): Promise<ExistingHousehold | undefined> | ExistingHousehold | undefined;
  insertHousehold(h: HouseholdWrite): Promise<void> | void;
  updateHouseholdAddress(h: HouseholdWrite): Promise<void> | void;
  findPerson(nik: string): Promise<ExistingPerson | undefined> | ExistingPerson | undefined;
  /** Another living, unmerged person with this normalised name and birth date but another NIK. */
  findSameNameBirth(
    nameNormalized: string,
    birthDate: string,
    nik: string,
  ): Promise<string | undefined> | string | undefined;
  insertPerson(p: PersonWrite): Promise<void> | void;
  updatePerson(p: PersonWrite): Promise<void> | void;
  hasOpenClassification(personId: string, categoryCode: string): Promise<boolean> | boolean;
  insertClassification(c: ClassificationWrite): Promise<void> | void;
  insertEvent(e: EventWrite): Promise<void> | void;
  /** Queues a probable duplicate once (by fingerprint). */
  queueDuplicate(d: DuplicateWrite): Promise<void> | void;
  /**
   * Completes deferred work before the caller commits (SQLite: indexes, the search index, and
   * probable duplicates among the new persons, handed to `queue` as person-id pairs).
   */
  finish(queue: (personId: string, otherPersonId: string, regionCode: string) => void): Promise<void> | void;
}

/** Persons bound by one INSERT statement (22 parameters each, far below SQLite's limit). */
const PERSON_BATCH = 64;

function personValues(p: PersonWrite) {
  return PERSON_FIELDS.map((f) => p[f]);
}

/**
 * Prepared statements on a raw SQLite connection (see the module comment for why). Call inside
 * a transaction on that connection.
 *
 * The FTS5 trigram index is normally kept up to date by the persons_search_insert trigger; row by
 * row that costs about five times the insert itself. So this store drops that trigger inside the
 * caller's transaction, notes the new person ids in a temporary table, indexes them with two
 * set-based statements in `finish()`, and recreates the trigger from its own stored definition.
 * All of it is one transaction: a failed or killed import rolls the trigger back too.
 */
export function sqliteImportStore(sqlite: SqliteDatabase.Database): ImportStore {
  const definition = (type: "trigger" | "index", name: string) =>
    (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?").get(type, name) as
        | { sql: string | null }
        | undefined
    )?.sql ?? null;
  const trigger = definition("trigger", "persons_search_insert");
  if (trigger) sqlite.exec("DROP TRIGGER persons_search_insert");
  // Into an empty registry every NIK is new (the file's own repeats are rejected by the caller),
  // so the per-person lookups are skipped, and the secondary indexes are dropped and
  // rebuilt at the end: building an index from sorted data is far cheaper than a million random
  // insertions into it once it outgrows the page cache. Probable duplicates are then found with
  // one set-based query instead of one lookup per row.
  const emptyPersons = sqlite.prepare("SELECT 1 FROM persons LIMIT 1").get() === undefined;
  const deferredIndexes = emptyPersons
    ? ["persons_name_birth_idx", "persons_phonetic_idx", "persons_region_idx", "persons_household_idx"]
        .map((name) => ({ name, sql: definition("index", name) }))
        .filter((i): i is { name: string; sql: string } => i.sql !== null)
    : [];
  for (const index of deferredIndexes) sqlite.exec(`DROP INDEX ${index.name}`);
  // New persons of a non-empty registry are noted for the search index; into an empty one, every
  // person is new.
  if (!emptyPersons) {
    sqlite.exec("CREATE TEMP TABLE IF NOT EXISTS import_new_persons (id TEXT NOT NULL)");
    sqlite.exec("DELETE FROM temp.import_new_persons");
  }
  const noteNew = emptyPersons ? null : sqlite.prepare("INSERT INTO temp.import_new_persons (id) VALUES (?)");
  // Persons are inserted PERSON_BATCH at a time (one statement binding them all costs far less
  // than one statement each); the batch is written before any other statement that could see or
  // reference those persons.
  const personColumns = `id, nik, nik_status, ${PERSON_FIELDS.join(", ")}, is_demo, seq, created_at, updated_at`;
  const personPlaceholders = `(?, ?, 'ada', ${PERSON_FIELDS.map(() => "?").join(", ")}, 0, ?, ?, ?)`;
  const insertPersons = sqlite.prepare(
    `INSERT INTO persons (${personColumns}) VALUES ${Array(PERSON_BATCH).fill(personPlaceholders).join(", ")}`,
  );
  const insertOnePerson = sqlite.prepare(
    `INSERT INTO persons (${personColumns}) VALUES ${personPlaceholders}`,
  );
  const pending: unknown[] = [];
  let pendingCount = 0;
  const pendingIds: string[] = [];
  const writePending = () => {
    if (pendingCount === 0) return;
    if (pendingCount === PERSON_BATCH) insertPersons.run(pending);
    else {
      const width = pending.length / pendingCount;
      for (let i = 0; i < pending.length; i += width) insertOnePerson.run(pending.slice(i, i + width));
    }
    if (noteNew) for (const id of pendingIds) noteNew.run(id);
    pending.length = 0;
    pendingIds.length = 0;
    pendingCount = 0;
  };
  const s = {
    seq: sqlite.prepare("UPDATE change_counter SET value = value + ? WHERE id = 1 RETURNING value"),
    findHousehold: sqlite.prepare(
      "SELECT id, region_code, rw, rt, address, latitude, longitude FROM households WHERE kk_number = ?",
    ),
    insertHousehold: sqlite.prepare(
      `INSERT INTO households (id, kk_number, region_code, rw, rt, address, latitude, longitude, is_demo, seq,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ),
    updateHousehold: sqlite.prepare(
      `UPDATE households SET region_code = ?, rw = ?, rt = ?, address = ?, latitude = ?, longitude = ?, seq = ?,
        updated_at = ? WHERE id = ?`,
    ),
    findPerson: sqlite.prepare(
      `SELECT id, ${PERSON_FIELDS.filter((f) => f !== "name_phonetic").join(", ")} FROM persons WHERE nik = ?`,
    ),
    sameNameBirth: sqlite.prepare(
      `SELECT id FROM persons WHERE name_normalized = ? AND birth_date = ? AND (nik IS NULL OR nik <> ?)
        AND merged_into_id IS NULL AND died_at IS NULL LIMIT 1`,
    ),
    updatePerson: sqlite.prepare(
      `UPDATE persons SET ${PERSON_FIELDS.map((f) => `${f} = ?`).join(", ")}, seq = ?, updated_at = ? WHERE id = ?`,
    ),
    openClassification: sqlite.prepare(
      "SELECT 1 FROM ppks_classifications WHERE person_id = ? AND category_code = ? AND status <> 'selesai' LIMIT 1",
    ),
    insertClassification: sqlite.prepare(
      `INSERT INTO ppks_classifications (id, person_id, household_id, category_code, found_on, source, worker_id,
        status, note, region_code, seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'aktif', NULL, ?, ?, ?, ?)`,
    ),
    insertEvent: sqlite.prepare(
      `INSERT INTO person_events (id, kind, person_id, household_id, details, occurred_on, region_code, recorded_by,
        seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    queueDuplicate: sqlite.prepare(
      `INSERT INTO duplicate_candidates (id, kind, fingerprint, person_id, other_person_id, incoming, status,
        region_code, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
    ),
  };
  return {
    allocateSeq(count) {
      const row = s.seq.get(count) as { value: number };
      return Number(row.value) - count + 1;
    },
    findHousehold: (kk) => s.findHousehold.get(kk) as ExistingHousehold | undefined,
    insertHousehold(h) {
      s.insertHousehold.run(
        h.id,
        h.kk_number,
        h.region_code,
        h.rw,
        h.rt,
        h.address,
        h.latitude,
        h.longitude,
        h.seq,
        h.now,
        h.now,
      );
    },
    updateHouseholdAddress(h) {
      s.updateHousehold.run(
        h.region_code,
        h.rw,
        h.rt,
        h.address,
        h.latitude,
        h.longitude,
        h.seq,
        h.now,
        h.id,
      );
    },
    findPerson(nik) {
      if (emptyPersons) return undefined;
      writePending();
      return s.findPerson.get(nik) as ExistingPerson | undefined;
    },
    findSameNameBirth(name, birth, nik) {
      if (emptyPersons) return undefined;
      writePending();
      return (s.sameNameBirth.get(name, birth, nik) as { id: string } | undefined)?.id;
    },
    insertPerson(p) {
      pending.push(p.id, p.nik);
      for (const f of PERSON_FIELDS) pending.push(p[f]);
      pending.push(p.seq, p.now, p.now);
      if (noteNew) pendingIds.push(p.id);
      if (++pendingCount === PERSON_BATCH) writePending();
    },
    updatePerson(p) {
      writePending();
      s.updatePerson.run(...personValues(p), p.seq, p.now, p.id);
    },
    hasOpenClassification(personId, code) {
      writePending();
      return s.openClassification.get(personId, code) !== undefined;
    },
    insertClassification(c) {
      writePending();
      s.insertClassification.run(
        c.id,
        c.person_id,
        c.household_id,
        c.category_code,
        c.found_on,
        c.source,
        c.worker_id,
        c.region_code,
        c.seq,
        c.now,
        c.now,
      );
    },
    insertEvent(e) {
      writePending();
      s.insertEvent.run(
        e.id,
        e.kind,
        e.person_id,
        e.household_id,
        e.details,
        e.occurred_on,
        e.region_code,
        e.recorded_by,
        e.seq,
        e.now,
      );
    },
    queueDuplicate(d) {
      writePending();
      s.queueDuplicate.run(
        d.id,
        d.kind,
        d.fingerprint,
        d.person_id,
        d.other_person_id,
        d.incoming,
        d.region_code,
        d.now,
      );
    },
    finish(queue) {
      writePending();
      for (const index of deferredIndexes) sqlite.exec(index.sql);
      if (emptyPersons) {
        const pairs = sqlite
          .prepare(
            `SELECT b.id AS id, min(a.id) AS other, b.region_code AS region FROM persons b
             JOIN persons a ON a.name_normalized = b.name_normalized AND a.birth_date = b.birth_date
               AND a.id < b.id AND a.merged_into_id IS NULL AND a.died_at IS NULL
             WHERE b.birth_date IS NOT NULL GROUP BY b.id`,
          )
          .all() as { id: string; other: string; region: string }[];
        for (const p of pairs) queue(p.other, p.id, p.region);
      }
      if (trigger && emptyPersons) {
        sqlite.exec("INSERT INTO person_search_keys (person_id) SELECT id FROM persons");
        sqlite.exec(`INSERT INTO persons_fts (rowid, name_phonetic)
          SELECT k.rowid, p.name_phonetic FROM person_search_keys k JOIN persons p ON p.id = k.person_id`);
      } else if (trigger) {
        sqlite.exec("INSERT INTO person_search_keys (person_id) SELECT id FROM temp.import_new_persons");
        sqlite.exec(`INSERT INTO persons_fts (rowid, name_phonetic)
          SELECT k.rowid, p.name_phonetic FROM temp.import_new_persons n
          JOIN person_search_keys k ON k.person_id = n.id JOIN persons p ON p.id = n.id`);
      }
      if (trigger) sqlite.exec(trigger);
      if (!emptyPersons) sqlite.exec("DROP TABLE temp.import_new_persons");
    },
  };
}

/** The same operations through the query builder, on either engine, inside the caller's transaction. */
export function kyselyImportStore(db: Db): ImportStore {
  return {
    async allocateSeq(count) {
      const row = await db
        .updateTable("change_counter")
        .set((eb) => ({ value: eb("value", "+", count) }))
        .where("id", "=", 1)
        .returning("value")
        .executeTakeFirstOrThrow();
      return Number(row.value) - count + 1;
    },
    findHousehold: (kk) =>
      db
        .selectFrom("households")
        .select(["id", "region_code", "rw", "rt", "address", "latitude", "longitude"])
        .where("kk_number", "=", kk)
        .executeTakeFirst(),
    async insertHousehold(h) {
      await db
        .insertInto("households")
        .values({
          id: h.id,
          kk_number: h.kk_number,
          region_code: h.region_code,
          rw: h.rw,
          rt: h.rt,
          address: h.address,
          latitude: h.latitude,
          longitude: h.longitude,
          is_demo: 0,
          seq: h.seq,
          created_at: h.now,
          updated_at: h.now,
        })
        .execute();
    },
    async updateHouseholdAddress(h) {
      await db
        .updateTable("households")
        .set({
          region_code: h.region_code,
          rw: h.rw,
          rt: h.rt,
          address: h.address,
          latitude: h.latitude,
          longitude: h.longitude,
          seq: h.seq,
          updated_at: h.now,
        })
        .where("id", "=", h.id)
        .execute();
    },
    findPerson: (nik) =>
      db
        .selectFrom("persons")
        .select(["id", ...PERSON_FIELDS.filter((f) => f !== "name_phonetic")])
        .where("nik", "=", nik)
        .executeTakeFirst() as Promise<ExistingPerson | undefined>,
    async findSameNameBirth(name, birth, nik) {
      const row = await db
        .selectFrom("persons")
        .select("id")
        .where("name_normalized", "=", name)
        .where("birth_date", "=", birth)
        .where((eb) => eb.or([eb("nik", "is", null), eb("nik", "<>", nik)]))
        .where("merged_into_id", "is", null)
        .where("died_at", "is", null)
        .limit(1)
        .executeTakeFirst();
      return row?.id;
    },
    async insertPerson(p) {
      const { now, seq, ...rest } = p;
      await db
        .insertInto("persons")
        .values({ ...rest, nik_status: "ada", is_demo: 0, seq, created_at: now, updated_at: now })
        .execute();
    },
    async updatePerson(p) {
      const values = Object.fromEntries(PERSON_FIELDS.map((f) => [f, p[f]]));
      await db
        .updateTable("persons")
        .set({ ...values, seq: p.seq, updated_at: p.now })
        .where("id", "=", p.id)
        .execute();
    },
    async hasOpenClassification(personId, code) {
      const row = await db
        .selectFrom("ppks_classifications")
        .select("id")
        .where("person_id", "=", personId)
        .where("category_code", "=", code)
        .where("status", "<>", "selesai")
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async insertClassification(c) {
      const { now, ...rest } = c;
      await db
        .insertInto("ppks_classifications")
        .values({ ...rest, status: "aktif", note: null, created_at: now, updated_at: now })
        .execute();
    },
    async insertEvent(e) {
      const { now, ...rest } = e;
      await db
        .insertInto("person_events")
        .values({ ...rest, created_at: now })
        .execute();
    },
    async queueDuplicate(d) {
      const { now, ...rest } = d;
      await db
        .insertInto("duplicate_candidates")
        .values({ ...rest, status: "pending", created_at: now })
        .onConflict((oc) => oc.column("fingerprint").doNothing())
        .execute();
    },
    // Triggers (SQLite) and the GIN index (PostgreSQL) keep the search index current.
    finish() {},
  };
}
