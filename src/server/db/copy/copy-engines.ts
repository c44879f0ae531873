/**
 * The two engines' sides of `peduli db copy`, side by side: how each lists its tables and foreign
 * keys, reads rows, writes them in bulk, and what it rebuilds at the end. All SQL of the copy is
 * here; the order, the checks and the error handling are in database-copy.service.ts.
 *
 * SQLite writes with one prepared INSERT in a transaction, its triggers dropped for the load and
 * recreated from their stored definitions; its search index (person_search_keys and the FTS5
 * table with its shadow tables) is not copied but filled from persons at the end, as migrations
 * 003 and 014 do. PostgreSQL writes with `COPY … FROM STDIN` (src/server/db/pg-copy.ts), its user
 * triggers disabled for the load inside the transaction (foreign keys stay checked).
 */
import type SqliteDatabase from "better-sqlite3";
import type pg from "pg";
import pgModule from "pg";
import { createDb } from "../create-db.ts";
import { copyInto, copyLine } from "../pg-copy.ts";

/** How a column's values are written on an engine. */
export type ValueKind = "integer" | "real" | "boolean" | "json" | "bytes" | "timestamp" | "text";

export interface CopyColumn {
  name: string;
  kind: ValueKind;
}

export interface CopyTable {
  name: string;
  columns: CopyColumn[];
  /** Tables this one has foreign keys to (itself excluded). */
  parents: string[];
}

/** Rows come in batches of arrays, in `columns` order. */
export type RowBatches = AsyncIterable<unknown[][]>;

/** One database, as the copy sees it (source or target). */
export interface CopyEndpoint {
  readonly engine: "sqlite" | "postgres";
  /** The names of the migrations applied. */
  migrations(): Promise<string[]>;
  /** Tables with their columns, without the engine's internal and derived tables. */
  tables(): Promise<CopyTable[]>;
  count(table: string): Promise<number>;
  /** Whether a table has any row. */
  hasRows(table: string): Promise<boolean>;
  // As source:
  /** A consistent snapshot for reading (a read transaction). */
  beginRead(): Promise<void>;
  rows(table: string, columns: readonly string[]): RowBatches;
  endRead(): Promise<void>;
  // As target:
  /** Opens the write transaction and switches off what would fire per row. */
  beginWrite(tables: readonly string[]): Promise<void>;
  clear(table: string): Promise<void>;
  /** Writes the batches into the table; returns the rows written. */
  load(table: CopyTable, columns: readonly CopyColumn[], batches: RowBatches): Promise<number>;
  /** Rebuilds derived data, restores triggers, resets counters; still inside the transaction. */
  finishWrite(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

const BATCH = 2000;
const MIGRATION_TABLES = ["kysely_migration", "kysely_migration_lock"];
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value read from the other engine, in the form this engine stores for a column kind. */
function forSqlite(value: unknown, kind: ValueKind): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return kind === "text" ? String(value) : Number(value);
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === "object") return JSON.stringify(value);
  if (kind === "integer" && typeof value === "string") return Number(value);
  return value;
}

function forPostgres(value: unknown, kind: ValueKind): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "boolean":
      return value === true || value === 1 || value === "1" || value === "t" ? "t" : "f";
    case "integer":
      return typeof value === "boolean" ? (value ? 1 : 0) : value;
    case "bytes":
      return Buffer.isBuffer(value) ? `\\x${value.toString("hex")}` : value;
    case "json":
      return typeof value === "string" ? value : JSON.stringify(value);
    default:
      if (value instanceof Date) return value.toISOString();
      if (Buffer.isBuffer(value)) return value.toString("utf8");
      return value;
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite

/** SQLite's derived search index: not copied, filled from persons by finishWrite. */
const SQLITE_DERIVED = /^(persons_fts(_.*)?|person_search_keys)$/;

function sqliteKind(declared: string): ValueKind {
  const t = declared.toLowerCase();
  if (t.includes("int")) return "integer";
  if (t.includes("real") || t.includes("floa") || t.includes("doub") || t.includes("numeric")) return "real";
  if (t.includes("bool")) return "boolean";
  if (t.includes("blob")) return "bytes";
  return "text";
}

/** A copy endpoint over an open better-sqlite3 connection. */
export function sqliteEndpoint(sqlite: SqliteDatabase.Database): CopyEndpoint {
  let triggers: string[] = [];
  let foreignKeys = true;
  return {
    engine: "sqlite",
    async migrations() {
      return sqlite.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all() as string[];
    },
    async tables() {
      const names = sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all() as string[];
      return names
        .filter((n) => !SQLITE_DERIVED.test(n) && !MIGRATION_TABLES.includes(n))
        .map((name) => {
          const cols = sqlite.pragma(`table_info(${quote(name)})`) as { name: string; type: string }[];
          const fks = sqlite.pragma(`foreign_key_list(${quote(name)})`) as { table: string }[];
          return {
            name,
            columns: cols.map((c) => ({ name: c.name, kind: sqliteKind(c.type) })),
            parents: [...new Set(fks.map((f) => f.table))].filter((t) => t !== name),
          };
        });
    },
    async count(table) {
      return sqlite
        .prepare(`SELECT count(*) FROM ${quote(table)}`)
        .pluck()
        .get() as number;
    },
    async hasRows(table) {
      return sqlite.prepare(`SELECT 1 FROM ${quote(table)} LIMIT 1`).get() !== undefined;
    },
    async beginRead() {
      sqlite.exec("BEGIN");
      sqlite.prepare("SELECT count(*) FROM kysely_migration").get(); // takes the snapshot now
    },
    async *rows(table, columns) {
      const select = sqlite.prepare(`SELECT ${columns.map(quote).join(", ")} FROM ${quote(table)}`).raw(true);
      let batch: unknown[][] = [];
      for (const row of select.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async endRead() {
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
    },
    async beginWrite(tables) {
      foreignKeys = sqlite.pragma("foreign_keys", { simple: true }) === 1;
      // Checked once at the end (foreign_key_check) instead of per row; set outside the transaction.
      sqlite.pragma("foreign_keys = OFF");
      sqlite.exec("BEGIN IMMEDIATE");
      const list = tables.map((t) => `'${t.replace(/'/g, "''")}'`).join(", ");
      triggers = sqlite
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${list})`)
        .all()
        .map((t) => {
          const { name, sql } = t as { name: string; sql: string };
          sqlite.exec(`DROP TRIGGER ${quote(name)}`);
          return sql;
        });
    },
    async clear(table) {
      sqlite.exec(`DELETE FROM ${quote(table)}`);
    },
    async load(table, columns, batches) {
      const insert = sqlite.prepare(
        `INSERT INTO ${quote(table.name)} (${columns.map((c) => quote(c.name)).join(", ")})
          VALUES (${columns.map(() => "?").join(", ")})`,
      );
      let written = 0;
      for await (const batch of batches) {
        for (const row of batch) {
          insert.run(row.map((v, i) => forSqlite(v, (columns[i] as CopyColumn).kind)));
        }
        written += batch.length;
      }
      return written;
    },
    async finishWrite() {
      // The search index as migrations 003 and 014 fill it.
      sqlite.exec("DELETE FROM person_search_keys");
      sqlite.exec("DELETE FROM persons_fts");
      sqlite.exec("INSERT INTO person_search_keys (person_id) SELECT id FROM persons ORDER BY rowid");
      sqlite.exec(`INSERT INTO persons_fts (rowid, name_phonetic)
        SELECT k.rowid, p.name_phonetic FROM person_search_keys k JOIN persons p ON p.id = k.person_id`);
      for (const definition of triggers) sqlite.exec(definition);
      triggers = [];
      const broken = sqlite.pragma("foreign_key_check") as { table: string }[];
      if (broken.length > 0) throw new Error(`foreign key broken in ${broken[0]?.table}`);
      if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) {
        // AUTOINCREMENT counters follow the copied rows.
        for (const name of sqlite.prepare("SELECT name FROM sqlite_sequence").pluck().all() as string[]) {
          sqlite
            .prepare(
              `UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(rowid), 0) FROM ${quote(name)}) WHERE name = ?`,
            )
            .run(name);
        }
      }
    },
    async commit() {
      sqlite.exec("COMMIT");
      sqlite.exec("ANALYZE");
      if (foreignKeys) sqlite.pragma("foreign_keys = ON");
    },
    async rollback() {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      if (foreignKeys) sqlite.pragma("foreign_keys = ON");
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

function postgresKind(dataType: string): ValueKind {
  if (["integer", "bigint", "smallint"].includes(dataType)) return "integer";
  if (["double precision", "real", "numeric"].includes(dataType)) return "real";
  if (dataType === "boolean") return "boolean";
  if (dataType === "json" || dataType === "jsonb") return "json";
  if (dataType === "bytea") return "bytes";
  if (dataType.startsWith("timestamp") || dataType === "date") return "timestamp";
  return "text";
}

/**
 * A copy endpoint over one PostgreSQL client (not a pool: the transaction and COPY need one
 * connection). Tables are those of the client's current schema.
 */
export function postgresEndpoint(client: pg.ClientBase): CopyEndpoint {
  let disabled: string[] = [];
  const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  return {
    engine: "postgres",
    async migrations() {
      return (await q<{ name: string }>("SELECT name FROM kysely_migration ORDER BY name")).map(
        (r) => r.name,
      );
    },
    async tables() {
      const columns = await q<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name, c.ordinal_position`,
      );
      const fks = await q<{ child: string; parent: string }>(
        `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
          FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE c.contype = 'f' AND n.nspname = current_schema()`,
      );
      const unqualified = (name: string) => name.replace(/^.*\./, "").replace(/"/g, "");
      const tables = new Map<string, CopyTable>();
      for (const c of columns) {
        if (MIGRATION_TABLES.includes(c.table_name)) continue;
        const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], parents: [] };
        tables.set(c.table_name, t);
        t.columns.push({ name: c.column_name, kind: postgresKind(c.data_type) });
      }
      for (const f of fks) {
        const t = tables.get(unqualified(f.child));
        const parent = unqualified(f.parent);
        if (t && parent !== t.name && !t.parents.includes(parent)) t.parents.push(parent);
      }
      return [...tables.values()];
    },
    async count(table) {
      return Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`))[0]?.n);
    },
    async hasRows(table) {
      return (await q(`SELECT 1 FROM ${quote(table)} LIMIT 1`)).length > 0;
    },
    async beginRead() {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    },
    async *rows(table, columns) {
      const cursor = `copy_${table}`;
      await client.query(`DECLARE ${quote(cursor)} NO SCROLL CURSOR FOR
        SELECT ${columns.map(quote).join(", ")} FROM ${quote(table)}`);
      try {
        for (;;) {
          const { rows } = await client.query({
            text: `FETCH ${BATCH} FROM ${quote(cursor)}`,
            rowMode: "array",
          });
          if (rows.length === 0) break;
          yield rows as unknown[][];
        }
      } finally {
        await client.query(`CLOSE ${quote(cursor)}`);
      }
    },
    async endRead() {
      await client.query("COMMIT");
    },
    async beginWrite(tables) {
      await client.query("BEGIN");
      const withTriggers = await q<{ name: string }>(
        `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND c.relname = ANY($1)`,
        [tables],
      );
      disabled = withTriggers.map((t) => t.name);
      // Copied rows already hold what the triggers derive (the name-word index); the audit log's
      // guards only refuse updates and deletes. Re-enabled before the commit.
      for (const name of disabled) await client.query(`ALTER TABLE ${quote(name)} DISABLE TRIGGER USER`);
    },
    async clear(table) {
      await client.query(`DELETE FROM ${quote(table)}`);
    },
    async load(table, columns, batches) {
      async function* lines() {
        for await (const batch of batches) {
          let chunk = "";
          for (const row of batch)
            chunk += copyLine(row.map((v, i) => forPostgres(v, (columns[i] as CopyColumn).kind)));
          yield chunk;
        }
      }
      return copyInto(
        client,
        table.name,
        columns.map((c) => c.name),
        lines(),
      );
    },
    async finishWrite() {
      for (const name of disabled) await client.query(`ALTER TABLE ${quote(name)} ENABLE TRIGGER USER`);
      disabled = [];
      // Sequences owned by columns follow the copied rows (Peduli's own counters are rows).
      const owned = await q<{ seq: string; tbl: string; col: string }>(
        `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col
          FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
          JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
          JOIN pg_namespace n ON n.oid = s.relnamespace
          WHERE s.relkind = 'S' AND n.nspname = current_schema()`,
      );
      for (const o of owned) {
        await client.query(
          `SELECT setval($1, coalesce((SELECT max(${quote(o.col)}) FROM ${quote(o.tbl)}), 0) + 1, false)`,
          [o.seq],
        );
      }
    },
    async commit() {
      await client.query("COMMIT");
      await client.query("ANALYZE");
    },
    async rollback() {
      await client.query("ROLLBACK");
    },
  };
}

/**
 * Opens a copy endpoint from a DATABASE_URL-style address (sqlite:FILE or postgres://…);
 * `schema` (PostgreSQL): the schema to copy from or into instead of the connection's default.
 */
export async function openCopyEndpoint(
  url: string,
  options: { schema?: string } = {},
): Promise<{ endpoint: CopyEndpoint; close: () => Promise<void> }> {
  if (url.startsWith("sqlite:")) {
    const handle = await createDb(url);
    return {
      endpoint: sqliteEndpoint(handle.sqlite as SqliteDatabase.Database),
      close: () => handle.close(),
    };
  }
  const client = new pgModule.Client({
    connectionString: url,
    ...(options.schema ? { options: `-c search_path=${quote(options.schema)}` } : {}),
  });
  await client.connect();
  return { endpoint: postgresEndpoint(client), close: () => client.end() };
}
