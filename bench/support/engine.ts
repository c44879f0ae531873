/**
 * The engine a bench runs on: `--engine sqlite|postgres` (default sqlite), `--persons N` where the
 * bench takes a size, `--keep` (or BENCH_KEEP=1) to keep the built database for the next run.
 *
 * SQLite: a temporary file, or the file given with `--db FILE` (kept, and reused when it exists).
 * PostgreSQL: BENCH_DATABASE_URL, else a fresh database `peduli_bench_<pid>` on
 * postgres://postgres@127.0.0.1:5432 that the bench creates and drops (kept with --keep). A
 * database named by BENCH_DATABASE_URL is created when missing and reused when an earlier run of
 * the same bench with the same sizes built it (the bench and sizes are stored as the database's
 * comment); it is never dropped. The population is built on a temporary SQLite file exactly as
 * for the SQLite run and moved with `peduli db copy` (src/server/db/copy), so both engines hold
 * the same rows.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openCopyEndpoint, sqliteEndpoint } from "../../src/server/db/copy/copy-engines.ts";
import { copyDatabase } from "../../src/server/db/copy/database-copy.service.ts";
import { createDb, type DbHandle } from "../../src/server/db/create-db.ts";
import { migrateToLatest } from "../../src/server/db/migrate.ts";

export type BenchEngine = "sqlite" | "postgres";

export interface BenchArgs {
  engine: BenchEngine;
  keep: boolean;
  /** `--persons N`, or the first positional argument. */
  persons?: number;
  /** `--db FILE` (SQLite). */
  dbFile?: string;
  /** Arguments that are not options, in order (the first is also `persons` without --persons). */
  positional: string[];
  /** The value of any other `--name value` option. */
  option(name: string): string | undefined;
}

const VALUED = new Set([
  "--engine",
  "--persons",
  "--db",
  "--region-file",
  "--households",
  "--cases",
  "--devices",
  "--office",
  "--seconds",
]);

/** Reads the bench options from argv (process.argv.slice(2) by default). */
export function parseBenchArgs(argv: readonly string[] = process.argv.slice(2)): BenchArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let keep = process.env.BENCH_KEEP === "1" || process.env.BENCH_KEEP === "true";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--keep") keep = true;
    else if (a.includes("=") && a.startsWith("--"))
      values.set(a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1));
    else if (VALUED.has(a)) values.set(a, argv[++i] ?? "");
    else if (!a.startsWith("--")) positional.push(a);
  }
  const engine = values.get("--engine") ?? "sqlite";
  if (engine !== "sqlite" && engine !== "postgres")
    throw new Error(`--engine must be sqlite or postgres (got ${engine})`);
  const persons = values.get("--persons") ?? positional[0];
  return {
    engine,
    keep,
    persons: persons === undefined ? undefined : Number(persons.replace(/[_,]/g, "")),
    dbFile: values.get("--db"),
    positional,
    option: (name) => values.get(`--${name}`),
  };
}

export interface BenchDb {
  engine: BenchEngine;
  handle: DbHandle;
  /** Whether an earlier run's database was reused (nothing was built). */
  reused: boolean;
  /** Where the database is, for the "kept" line. */
  where: string;
  /** Closes it, and drops or deletes it unless kept. */
  close(): Promise<void>;
}

export interface OpenBenchDbOptions {
  /** The bench's name and sizes: a kept database is reused only by the same bench and sizes. */
  label: string;
  /**
   * Builds the population into an empty, migrated SQLite database (the temporary one for a
   * PostgreSQL run). Called only when nothing is reused.
   */
  build: (handle: DbHandle) => Promise<void>;
}

const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432";

/** Opens (building when needed) the bench's database on the chosen engine. */
export async function openBenchDb(args: BenchArgs, options: OpenBenchDbOptions): Promise<BenchDb> {
  return args.engine === "sqlite" ? openSqlite(args, options) : openPostgres(args, options);
}

async function openSqlite(args: BenchArgs, options: OpenBenchDbOptions): Promise<BenchDb> {
  const dir = args.dbFile ? undefined : mkdtempSync(join(tmpdir(), "peduli-bench-"));
  const file = args.dbFile ?? join(dir as string, "bench.db");
  const reused = args.dbFile !== undefined && existsSync(args.dbFile);
  const handle = await createDb(`sqlite:${file}`);
  await migrateToLatest(handle.db);
  if (!reused) await options.build(handle);
  return {
    engine: "sqlite",
    handle,
    reused,
    where: file,
    async close() {
      await handle.close();
      if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
      else console.log(`Kept ${file} (run again with --db ${file} to reuse it)`);
    },
  };
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url);
  u.pathname = "/postgres";
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openPostgres(args: BenchArgs, options: OpenBenchDbOptions): Promise<BenchDb> {
  const given = process.env.BENCH_DATABASE_URL;
  const url = given ?? `${LOCAL_SERVER}/peduli_bench_${process.pid}`;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const ident = `"${name.replace(/"/g, '""')}"`;
  const marker = `peduli bench ${options.label}`;
  const existing = await admin(url, async (c) => {
    const { rows } = await c.query(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [name],
    );
    return rows[0] as { comment: string | null } | undefined;
  });
  if (existing && !given) throw new Error(`database ${name} already exists`);
  if (!existing) await admin(url, (c) => c.query(`CREATE DATABASE ${ident}`));
  const reused = existing?.comment === marker;
  if (existing && !reused) {
    const probe = await createDb(url);
    const rows = await probe.db
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll().as("n"))
      .execute()
      .catch(() => [{ n: 0 }]);
    await probe.close();
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new Error(
        `${name} holds another population (${existing.comment ?? "no bench label"}); this run needs "${marker}". Use another BENCH_DATABASE_URL.`,
      );
    }
  }
  const handle = await createDb(url);
  await migrateToLatest(handle.db);
  if (!reused) {
    const dir = mkdtempSync(join(tmpdir(), "peduli-bench-pg-"));
    try {
      const staging = await createDb(`sqlite:${join(dir, "staging.db")}`);
      await migrateToLatest(staging.db);
      await options.build(staging);
      const started = performance.now();
      const target = await openCopyEndpoint(url);
      try {
        const report = await copyDatabase(sqliteEndpoint(staging.sqlite!), target.endpoint);
        console.log(
          `Copied to PostgreSQL (peduli db copy): ${report.rows.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      } finally {
        await target.close();
        await staging.close();
      }
      await admin(url, (c) => c.query(`COMMENT ON DATABASE ${ident} IS '${marker.replace(/'/g, "''")}'`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    engine: "postgres",
    handle,
    reused,
    where: url,
    async close() {
      await handle.close();
      if (given || args.keep) {
        console.log(`Kept ${url} (run again with BENCH_DATABASE_URL=${url} to reuse it)`);
      } else {
        await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident}`));
      }
    },
  };
}

/**
 * Streams the rows of one query as objects without holding them all: better-sqlite3's iterator
 * on SQLite, a server-side cursor on a dedicated connection on PostgreSQL. Parameters as `?`.
 */
export async function* streamRows<T>(
  bench: BenchDb,
  query: string,
  params: unknown[] = [],
): AsyncGenerator<T> {
  if (bench.engine === "sqlite") {
    yield* bench.handle.sqlite!.prepare(query).iterate(...params) as IterableIterator<T>;
    return;
  }
  const client = new pg.Client({ connectionString: bench.where });
  await client.connect();
  try {
    let n = 0;
    await client.query("BEGIN");
    await client.query(
      `DECLARE bench_rows NO SCROLL CURSOR FOR ${query.replace(/\?/g, () => `$${++n}`)}`,
      params,
    );
    for (;;) {
      const { rows } = await client.query("FETCH 5000 FROM bench_rows");
      if (rows.length === 0) break;
      yield* rows as T[];
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}
