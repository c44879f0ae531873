/**
 * SQL of the person import into an EMPTY registry on PostgreSQL (no person and no household yet:
 * the first load of a city's data, and the 1,000,000-row benchmark); the SQLite side of the same
 * path is person-bulk.repository.ts, and the choices are in docs/decisions/0016-postgres-bulk-import.md.
 * - persons and households are locked (ACCESS EXCLUSIVE) in the import's transaction and checked
 *   empty under the lock; the change counter row is locked too (as the row path's first
 *   `allocateSeq` does), so the change numbers are counted here and written back once;
 * - every index of persons and households but the primary keys, their unique constraints (NIK,
 *   KK) and their foreign keys are dropped inside the transaction and created again from their
 *   own stored definitions (`pg_get_indexdef`, `pg_get_constraintdef`) at the end: one sorted
 *   build, one unique check and one validating join each instead of a million index insertions
 *   and two foreign-key lookups a row. The name-word trigger is dropped too and person_name_words
 *   filled by one set-based statement in key order at the end, then the trigger comes back;
 * - the rows of each batch go in with `COPY … FROM STDIN` in text format (pg-copy.ts): its new
 *   households, then its persons, then its PPKS classifications (whose table keeps its indexes
 *   and keys: it gets a few rows per hundred persons).
 * All of it happens in the caller's transaction, so a failed or killed import rolls back the
 * dropped indexes, constraints and trigger with the rows.
 */
import type { Kysely } from "kysely";
import type pg from "pg";
import { pgClientOf } from "../../db/create-db.ts";
import type { Database } from "../../db/database.ts";
import { copyField, copyInto } from "../../db/pg-copy.ts";
import { type BulkStore, HOUSEHOLD_COLUMNS, PERSON_WIDTH, type RowFill } from "./person-bulk.repository.ts";
import { PERSON_COLUMNS } from "./person-columns.ts";

const PERSON_COPY_COLUMNS = [...PERSON_COLUMNS, "nik_status", "is_demo", "created_at", "updated_at"];
const HOUSEHOLD_COPY_COLUMNS = [...HOUSEHOLD_COLUMNS, "is_demo", "created_at", "updated_at"];
const CLASSIFICATION_COPY_COLUMNS = [
  "id",
  "person_id",
  "household_id",
  "category_code",
  "found_on",
  "source",
  "worker_id",
  "region_code",
  "seq",
  "status",
  "created_at",
  "updated_at",
];

/** Memory the index and constraint builds at the end may use on the server (its default is 64 MB). */
const BUILD_MEMORY = "256MB";

/** One row's values in COPY text format, without the line end. */
function fieldsText(values: readonly unknown[], width: number): string {
  let line = copyField(values[0]);
  for (let i = 1; i < width; i++) line += `\t${copyField(values[i])}`;
  return line;
}

interface Definition {
  kind: "index" | "constraint" | "trigger";
  table: string;
  name: string;
  sql: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What the load drops and builds again: secondary indexes, unique and foreign keys, the word trigger. */
async function readDefinitions(client: pg.ClientBase): Promise<Definition[]> {
  const { rows } = await client.query<Definition>(
    `SELECT 'constraint' AS kind, c.conrelid::regclass::text AS table, c.conname AS name,
        pg_get_constraintdef(c.oid) AS sql, CASE c.contype WHEN 'u' THEN 0 ELSE 1 END AS rank
       FROM pg_constraint c
      WHERE (c.conrelid IN ('persons'::regclass, 'households'::regclass) AND c.contype IN ('u', 'f'))
         OR (c.conrelid = to_regclass('person_name_words') AND c.contype = 'p'
           AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = 'persons'::regclass
             AND t.tgname = 'person_name_words_insert'))
     UNION ALL
     SELECT 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), 2
       FROM pg_index i
      WHERE i.indrelid IN ('persons'::regclass, 'households'::regclass) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
     UNION ALL
     SELECT 'trigger', t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid), 3
       FROM pg_trigger t
      WHERE t.tgrelid = 'persons'::regclass AND t.tgname = 'person_name_words_insert' AND NOT t.tgisinternal
     ORDER BY rank, name`,
  );
  return rows;
}

async function drop(client: pg.ClientBase, d: Definition): Promise<void> {
  if (d.kind === "constraint") await client.query(`ALTER TABLE ${d.table} DROP CONSTRAINT ${ident(d.name)}`);
  else if (d.kind === "index") await client.query(`DROP INDEX ${d.name}`);
  else await client.query(`DROP TRIGGER ${ident(d.name)} ON ${d.table}`);
}

async function create(client: pg.ClientBase, d: Definition): Promise<void> {
  if (d.kind === "constraint")
    await client.query(`ALTER TABLE ${d.table} ADD CONSTRAINT ${ident(d.name)} ${d.sql}`);
  else await client.query(d.sql);
}

/**
 * True when persons and households are empty, checked under an exclusive lock on both that is
 * kept for the rest of the transaction; when they are not, the lock is released again (it was
 * taken in a savepoint) and the import goes row by row.
 */
async function lockEmptyRegistry(client: pg.ClientBase): Promise<boolean> {
  const look = async () =>
    (
      await client.query<{ empty: boolean }>(
        "SELECT NOT EXISTS (SELECT 1 FROM persons) AND NOT EXISTS (SELECT 1 FROM households) AS empty",
      )
    ).rows[0]?.empty === true;
  // A registry in use is not locked at all: the look without the lock sees it at once.
  if (!(await look())) return false;
  await client.query("SAVEPOINT bulk_lock");
  await client.query("LOCK TABLE households, persons IN ACCESS EXCLUSIVE MODE");
  if (await look()) {
    await client.query("RELEASE SAVEPOINT bulk_lock");
    return true;
  }
  await client.query("ROLLBACK TO SAVEPOINT bulk_lock");
  await client.query("RELEASE SAVEPOINT bulk_lock");
  return false;
}

/**
 * The bulk store on PostgreSQL, for `trx` (the import's transaction), or `null` when the
 * registry is not empty (or the connection is not a pooled one of `createDb`): then the caller
 * writes row by row.
 */
export async function pgBulkStore(trx: Kysely<Database>, now: string): Promise<BulkStore | null> {
  const client = await pgClientOf(trx);
  if (!client || !(await lockEmptyRegistry(client))) return null;
  const definitions = await readDefinitions(client);
  for (const d of definitions) await drop(client, d);
  const worded = definitions.some((d) => d.kind === "trigger");
  const counter = await client.query<{ value: number }>(
    "SELECT value FROM change_counter WHERE id = 1 FOR UPDATE",
  );
  let nextSeq = Number(counter.rows[0]?.value ?? 0) + 1;

  // The batch's rows, as COPY text, sent by `flush` table by table (households before the
  // persons that name them). One array per shape, reused for every row.
  let households = "";
  let persons = "";
  let classifications = "";
  const personValues = new Array<unknown>(PERSON_WIDTH);
  const householdValues = new Array<unknown>(HOUSEHOLD_COLUMNS.length);
  const personTail = `\tada\t0\t${now}\t${now}\n`;
  const householdTail = `\t0\t${now}\t${now}\n`;
  const classificationTail = `\taktif\t${now}\t${now}\n`;
  const duplicates: unknown[][] = [];

  const rows = (count: number, fill: RowFill, values: unknown[], tail: string) => {
    let text = "";
    for (let i = 0; i < count; i++) {
      fill(values, 0, i);
      text += fieldsText(values, values.length) + tail;
    }
    return text;
  };

  return {
    allocateSeq(count) {
      const first = nextSeq;
      nextSeq += count;
      return first;
    },
    insertHouseholds(count, fill) {
      households += rows(count, fill, householdValues, householdTail);
    },
    insertPersons(count, fill) {
      persons += rows(count, fill, personValues, personTail);
    },
    insertClassification(c) {
      classifications += fieldsText(c, c.length) + classificationTail;
    },
    async flush() {
      const [h, p, c] = [households, persons, classifications];
      households = persons = classifications = "";
      if (h !== "") await copyInto(client, "households", HOUSEHOLD_COPY_COLUMNS, [h]);
      if (p !== "") await copyInto(client, "persons", PERSON_COPY_COLUMNS, [p]);
      if (c !== "") await copyInto(client, "ppks_classifications", CLASSIFICATION_COPY_COLUMNS, [c]);
    },
    async finish() {
      await client.query("UPDATE change_counter SET value = $1 WHERE id = 1", [nextSeq - 1]);
      await client.query(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
      const words = (d: Definition) => d.table === "person_name_words" || d.kind === "trigger";
      for (const d of definitions) if (!words(d)) await create(client, d);
      // Fresh statistics for the statements below and for the first queries after the load.
      await client.query("ANALYZE persons, households");
      if (worded) {
        // As the trigger would (one row per distinct word of a person), into the table without its
        // primary key, which is built afterwards from sorted keys (0.9 s instead of 1.1 s at
        // 100,000 persons).
        await client.query(
          `INSERT INTO person_name_words (word, region_code, person_id, name_phonetic, died, merged)
           SELECT x.w, p.region_code, p.id, p.name_phonetic, CASE WHEN p.died_at IS NULL THEN 0 ELSE 1 END,
             CASE WHEN p.merged_into_id IS NULL THEN 0 ELSE 1 END
           FROM persons p CROSS JOIN LATERAL (SELECT DISTINCT w FROM unnest(string_to_array(p.name_phonetic, ' ')) AS w
             WHERE w <> '') AS x`,
        );
        for (const d of definitions) if (words(d)) await create(client, d);
      }
    },
    // As on SQLite: the few (name, birth date) groups with more than one person first.
    sameNameBirthPairs: async () =>
      (
        await client.query<{ id: string; other: string; region: string }>(
          `WITH groups AS (SELECT name_normalized, birth_date FROM persons WHERE birth_date IS NOT NULL
             GROUP BY name_normalized, birth_date HAVING count(*) > 1)
           SELECT b.id AS id, min(a.id COLLATE "C") AS other, b.region_code AS region
           FROM groups g JOIN persons b ON b.name_normalized = g.name_normalized AND b.birth_date = g.birth_date
           JOIN persons a ON a.name_normalized = b.name_normalized AND a.birth_date = b.birth_date
             AND a.id COLLATE "C" < b.id COLLATE "C" AND a.merged_into_id IS NULL AND a.died_at IS NULL
           GROUP BY b.id, b.region_code`,
        )
      ).rows,
    queueDuplicate(d) {
      duplicates.push(d);
    },
    async flushDuplicates() {
      if (duplicates.length === 0) return;
      const columns = ["id", "kind", "fingerprint", "person_id", "other_person_id", "region_code"];
      const list = duplicates.splice(0);
      await client.query(
        `INSERT INTO duplicate_candidates (${columns.join(", ")}, incoming, status, created_at)
         SELECT ${columns.map((c) => `t.${c}`).join(", ")}, NULL, 'pending', $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS t(${columns.join(", ")})
         ON CONFLICT (fingerprint) DO NOTHING`,
        [...columns.map((_, i) => list.map((d) => d[i])), now],
      );
    },
  };
}
