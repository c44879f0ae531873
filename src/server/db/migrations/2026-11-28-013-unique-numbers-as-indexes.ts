/**
 * SQLite only: the uniqueness of a person's NIK and of a household's KK number becomes a named
 * unique index (persons_nik_unique, households_kk_unique) instead of a UNIQUE clause in the table
 * definition. The rule is the same, and so is the error a second NIK gets; but a clause's index
 * cannot be dropped, and a named one can: the first load of a city's data into an empty registry
 * drops it inside its transaction and builds it again, from sorted keys, at the end (checking
 * every NIK and KK number then), instead of a million random insertions into it during the load
 * (person-bulk.repository.ts; docs/benchmarks.md, "Import").
 *
 * SQLite cannot drop a column constraint, so each table is rebuilt the way its documentation
 * prescribes (create the new table, copy the rows, drop the old one, rename the new one, create
 * its indexes and triggers again from their stored definitions), in one transaction, with foreign
 * key enforcement off meanwhile and `PRAGMA foreign_key_check` before the commit. PostgreSQL keeps
 * its constraints: the bulk path is SQLite's. Frozen once landed.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

/** Each table, the UNIQUE clause of its number column, and the index that replaces it. */
const TABLES = [
  {
    table: "households",
    clause: '"kk_number" text unique',
    column: "kk_number",
    index: "households_kk_unique",
  },
  { table: "persons", clause: '"nik" text unique', column: "nik", index: "persons_nik_unique" },
] as const;

interface SchemaEntry {
  type: string;
  name: string;
  sql: string;
}

async function rebuild(
  db: Kysely<any>,
  table: string,
  definition: (sql: string) => string,
  after: (entries: SchemaEntry[]) => string[],
): Promise<void> {
  const { rows } = await sql<SchemaEntry>`SELECT type, name, sql FROM sqlite_master
    WHERE tbl_name = ${table} AND sql IS NOT NULL ORDER BY type = 'table' DESC, rowid`.execute(db);
  const [created, ...rest] = rows;
  if (created?.type !== "table") throw new Error(`Table ${table} not found`);
  const fresh = `${table}_rebuilt`;
  const quoted = `CREATE TABLE "${table}"`;
  if (!created.sql.startsWith(quoted)) throw new Error(`Unexpected definition of ${table}: ${created.sql}`);
  await sql.raw(definition(created.sql).replace(quoted, `CREATE TABLE "${fresh}"`)).execute(db);
  await sql.raw(`INSERT INTO "${fresh}" SELECT * FROM "${table}"`).execute(db);
  await sql.raw(`DROP TABLE "${table}"`).execute(db);
  await sql.raw(`ALTER TABLE "${fresh}" RENAME TO "${table}"`).execute(db);
  for (const statement of after(rest)) await sql.raw(statement).execute(db);
}

/** Foreign-key violations in the database, as comparable lines. */
async function violations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql`PRAGMA foreign_key_check`.execute(db);
  return rows.map((r) => JSON.stringify(r)).sort();
}

/**
 * Rebuilds the tables with foreign-key enforcement off, in one transaction, and refuses to commit
 * if that left a reference broken that was not broken before (older damage is not this
 * migration's to judge, and must not keep the server from starting).
 */
async function rebuildAll(db: Kysely<any>, step: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  const { rows } = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
  const enforced = Number(rows[0]?.foreign_keys ?? 0) === 1;
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      const before = new Set(await violations(trx));
      await step(trx);
      const broken = (await violations(trx)).filter((v) => !before.has(v));
      if (broken.length > 0) throw new Error(`Foreign keys broken by the rebuild: ${broken.join(", ")}`);
    });
  } finally {
    if (enforced) await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/**
 * True when the table already has the shape `up` (or, with `up` false, `down`) gives it: the
 * migration ran but its bookkeeping row was not written (a crash in between), and runs again.
 */
async function alreadyDone(db: Kysely<any>, t: (typeof TABLES)[number], up: boolean): Promise<boolean> {
  const { rows } = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
    WHERE (type = 'table' AND name = ${t.table}) OR (type = 'index' AND name = ${t.index})`.execute(db);
  const hasIndex = rows.some((r) => r.name === t.index);
  const hasClause = rows.some((r) => r.name === t.table && r.sql.includes(t.clause));
  return up ? hasIndex && !hasClause : !hasIndex && hasClause;
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Rebuilds each table that is not yet in the wanted shape: named unique indexes, or the clauses. */
async function switchTo(db: Kysely<any>, indexes: boolean): Promise<void> {
  if (!isSqlite(db)) return;
  await rebuildAll(db, async (trx) => {
    for (const t of TABLES) {
      if (await alreadyDone(trx, t, indexes)) continue;
      const plain = t.clause.replace(" unique", "");
      const [from, to] = indexes ? [t.clause, plain] : [plain, t.clause];
      await rebuild(
        trx,
        t.table,
        (definition) => {
          if (definition.split(from).length !== 2) throw new Error(`${from} not found once in ${t.table}`);
          return definition.replace(from, to);
        },
        (entries) =>
          indexes
            ? [
                `CREATE UNIQUE INDEX "${t.index}" ON "${t.table}" ("${t.column}")`,
                ...entries.map((e) => e.sql),
              ]
            : entries.filter((e) => e.name !== t.index).map((e) => e.sql),
      );
    }
  });
}

export async function up(db: Kysely<any>): Promise<void> {
  await switchTo(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await switchTo(db, false);
}
