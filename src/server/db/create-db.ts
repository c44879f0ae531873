/**
 * Opens the database named by DATABASE_URL: an embedded SQLite file (better-sqlite3) or
 * PostgreSQL (pg). This file and the migrations are the only places where the two engines differ.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { recordQuery } from "../features/metrics/metric-events.ts";
import type { Database, Dialect } from "./database.ts";

/** PostgreSQL pool counts (pg.Pool's totalCount, idleCount, waitingCount). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * SQLite only: the underlying connection, for bulk paths that need prepared statements without
   * the query builder's per-call overhead (the person import). Everything else uses `db`.
   */
  sqlite?: SqliteDatabase.Database;
  /** PostgreSQL only: the pool's current counts (for /metrics). */
  poolStats?: () => PoolStats;
  /** Closes every connection. */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL only: a schema to create (if missing) and use; tests give each suite its own. */
  schema?: string;
}

// PostgreSQL returns BIGINT (int8) and NUMERIC as strings; Peduli's counters and sequence numbers
// stay far below 2^53, so they are parsed as numbers to match SQLite.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Page size of a new SQLite database, in bytes. */
export const SQLITE_PAGE_SIZE = 16_384;

/** Opens the database; does not migrate (see migrate.ts). */
export async function createDb(url: string, options: CreateDbOptions = {}): Promise<DbHandle> {
  if (url.startsWith("sqlite:")) return openSqlite(url.slice("sqlite:".length));
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return openPostgres(url, options);
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${url.split(":")[0]}:)`);
}

function openSqlite(path: string): DbHandle {
  const file = path === "" ? ":memory:" : path;
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // 16 KiB pages for a new database (an existing one keeps its own): a person row is about
  // 300 bytes, and bigger pages mean fewer B-tree pages to split, spill and write back. Loading
  // 1,000,000 persons took 10% less time than with the default 4 KiB (docs/benchmarks.md).
  sqlite.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: recordQuery });
  return {
    db,
    dialect: "sqlite",
    sqlite,
    // Kysely closes the file only if it ever opened a connection; callers that used `sqlite`
    // directly (the copy, the bulk import) must not leave it open.
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

async function openPostgres(url: string, options: CreateDbOptions): Promise<DbHandle> {
  if (options.schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, "")}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.schema ? { options: `-c search_path="${options.schema}"` } : {}),
  });
  // Each pooled connection is known by its server process id, so that a bulk path can reach the
  // raw client of the transaction it runs in (`pgClientOf`).
  pool.on("connect", (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined) clientsByPid.set(pid, client);
  });
  pool.on("remove", (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid !== undefined && clientsByPid.get(pid) === client) clientsByPid.delete(pid);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: recordQuery });
  return {
    db,
    dialect: "postgres",
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

/** Pooled PostgreSQL clients of this process by server process id (see `pgClientOf`). */
const clientsByPid = new Map<number, pg.PoolClient>();

/**
 * PostgreSQL only: the raw pg client behind `db`, a transaction (or single connection) of a pool
 * opened by `createDb`, for statements the query builder cannot send (`COPY … FROM STDIN`, see
 * pg-copy.ts). The connection is found by its server process id, which is unique among the live
 * connections to one server; `undefined` on SQLite or when the connection is not one of ours. Only call this on
 * a `db` pinned to one connection (a transaction), or the id may name another pooled connection.
 */
export async function pgClientOf(db: Kysely<Database>): Promise<pg.ClientBase | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db);
  const pid = rows[0]?.pid;
  return pid === undefined ? undefined : clientsByPid.get(Number(pid));
}
