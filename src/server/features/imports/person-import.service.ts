/**
 * Bulk import of persons (one row per person, households matched by KK number) from CSV or XLSX.
 *
 * One streaming pass over the file, so memory stays flat whatever its size, in two halves that
 * run on two threads for a large CSV file (docs/decisions/0013-threaded-person-import.md): the
 * reader validates every row (src/core/registry/person-row.ts) with the file-wide rules (a NIK
 * repeated, one KK with two addresses) and packs the accepted ones in batches
 * (person-import.check.ts, person-import.read.ts); unless this is a dry run, the writer applies
 * each batch inside ONE transaction (person-import.writer.ts), rolled back at the end when an
 * atomic import had rejected rows. A killed import therefore leaves the database as it was.
 * Persons are matched by NIK (updated, never duplicated) and households by KK number, so running
 * the same file again changes nothing. See docs/import.md.
 */
import { stat } from "node:fs/promises";
import type { Kysely } from "kysely";
import type { Database, Db } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import { pgBulkStore } from "./person-bulk.pg.repository.ts";
import { registryIsEmpty, sqliteBulkStore } from "./person-bulk.repository.ts";
import type { CheckContext, CheckResult, RowBatch, RowProblem } from "./person-import.check.ts";
import { type BatchSink, type ReadOptions, readRows, readRowsInWorker } from "./person-import.read.ts";
import { type ImportStore, kyselyImportStore, sqliteImportStore } from "./person-import.repository.ts";
import { BulkWriter, RowWriter, type WriteOptions } from "./person-import.writer.ts";
import { detectFormat, type TabularSource } from "./tabular-reader.ts";

export type { RowProblem } from "./person-import.check.ts";

export const PPKS_SOURCES = ["temuan_lapangan", "laporan_warga", "dtks", "rujukan_instansi"] as const;
export type PpksSource = (typeof PPKS_SOURCES)[number];

export interface PersonImportOptions {
  /** Write the valid rows and report the rest (default: all or nothing). */
  skipInvalid?: boolean;
  /** Validate only. */
  dryRun?: boolean;
  /** Source recorded on the PPKS classifications the file carries (default dtks). */
  ppksSource?: PpksSource;
  /** Who imports (user id), recorded on events and classifications. */
  actorId?: string | null;
  /** Only rows whose kelurahan passes this check are accepted (the importer's region scope). */
  allowRegion?: (regionCode: string) => boolean;
  today?: Date;
  /**
   * Runs inside the import's transaction just before it commits (the upload route audits here).
   * On the SQLite bulk path foreign keys are not enforced in that transaction (`bulkSettings`):
   * what this writes must reference existing rows by itself.
   */
  beforeCommit?: (db: Db, summary: PersonImportSummary) => Promise<void>;
  /** Called as the import advances (the upload job shows it). */
  onProgress?: (progress: ImportProgress) => void;
  /** Read on a second thread (default: for CSV files of 4 MB and more). */
  readInWorker?: boolean;
}

export interface PersonImportSummary {
  read: number;
  inserted: number;
  updated: number;
  rejected: number;
  /** Distinct households (KK numbers) of the written rows. */
  households: number;
}

export interface PersonImportResult {
  summary: PersonImportSummary;
  /** Rejected rows' problems, in file order. */
  problems: RowProblem[];
  /** Columns of the file that the format does not know; they were ignored. */
  unknownColumns: string[];
  /** True when nothing was written (dry run, or atomic mode with rejected rows). */
  written: boolean;
}

/** The database the import writes to: the query builder, plus the raw SQLite connection if any. */
export interface ImportTarget {
  db: Kysely<Database>;
  sqlite?: import("better-sqlite3").Database;
}

/** Where an import is; reported after every batch (about 5,000 rows) and at each phase change. */
export interface ImportProgress {
  phase: "reading" | "writing" | "indexing" | "done";
  /** Rows read and validated so far. */
  read: number;
  rejected: number;
  /** Rows written so far (0 in a dry run, and after an atomic import's first rejected row). */
  written: number;
}

/** Files from this size on are read on a second thread (below it, starting one costs more). */
const WORKER_FROM_BYTES = 4 * 1024 * 1024;

/** What the rows are checked against (the catalogues must be loaded: `ensureCatalogues`). */
async function loadContext(db: Kysely<Database>, options: PersonImportOptions): Promise<CheckContext> {
  const [regions, ppks] = await Promise.all([
    db.selectFrom("regions").select("code").where("kind", "in", ["kelurahan", "desa"]).execute(),
    db.selectFrom("ppks_categories").select("code").where("active", "=", 1).execute(),
  ]);
  const kelurahan = regions.map((r) => r.code);
  const allowRegion = options.allowRegion;
  return {
    kelurahan,
    ppks: ppks.map((r) => r.code),
    allowedRegions: allowRegion ? kelurahan.filter((code) => allowRegion(code)) : null,
    today: options.today ? options.today.toISOString() : null,
  };
}

async function sourceSize(source: TabularSource): Promise<number> {
  if ("buffer" in source) return source.buffer.length;
  return (await stat(source.path)).size;
}

/** Reads the file (on a worker thread when it is large), handing each batch to `sink`. */
async function read(
  source: TabularSource,
  context: CheckContext,
  options: PersonImportOptions,
  readOptions: ReadOptions,
  sink: BatchSink,
): Promise<CheckResult> {
  const threaded =
    options.readInWorker ??
    ((await sourceSize(source)) >= WORKER_FROM_BYTES && (await detectFormat(source)) === "csv");
  return (threaded ? readRowsInWorker : readRows)(source, context, readOptions, sink);
}

/** Thrown inside the write transaction to roll it back when an atomic import has rejected rows. */
class RejectedFile extends Error {
  constructor(readonly check: CheckResult) {
    super("The file has rejected rows; nothing was written");
  }
}

function result(
  check: CheckResult,
  counts: { inserted: number; updated: number } | null,
): PersonImportResult {
  return {
    problems: check.problems,
    unknownColumns: check.unknownColumns,
    summary: {
      read: check.read,
      inserted: counts?.inserted ?? 0,
      updated: counts?.updated ?? 0,
      rejected: check.rejected,
      households: counts ? check.households : 0,
    },
    written: counts !== null,
  };
}

/**
 * Validates and (unless told otherwise) writes a person file, in one streaming pass inside one
 * transaction: accepted rows are written block by block as they are read (while the next block is
 * read on the second thread); in atomic mode (the default) a rejected row stops the writing and
 * the transaction is rolled back at the end of the file, after every row has been checked. A
 * killed import never commits, so it leaves the database as it was.
 */
export async function importPersons(
  target: ImportTarget,
  source: TabularSource,
  options: PersonImportOptions = {},
): Promise<PersonImportResult> {
  await ensureCatalogues(target.db);
  const progress = options.onProgress ?? (() => {});
  const track = (phase: ImportProgress["phase"], batch: RowBatch, written: number) =>
    progress({ phase, read: batch.read, rejected: batch.rejected, written });
  if (options.dryRun) {
    const context = await loadContext(target.db, options);
    progress({ phase: "reading", read: 0, rejected: 0, written: 0 });
    const check = await read(source, context, options, { packing: false, atomic: false }, (b) =>
      track("reading", b, 0),
    );
    progress({ phase: "done", read: check.read, rejected: check.rejected, written: 0 });
    return result(check, null);
  }
  const atomic = !options.skipInvalid;
  let written = 0;
  const run = async (db: Db, writer: BatchWriter) => {
    // Read under the write lock: the region list and catalogue the rows are checked against stay
    // as they are until the commit (the bulk load relies on it, see `bulkSettings`).
    const context = await loadContext(db, options);
    progress({ phase: "writing", read: 0, rejected: 0, written: 0 });
    const check = await read(source, context, options, { packing: true, atomic }, async (batch) => {
      if (batch.rows > 0) await writer.writeBatch(batch);
      written += batch.rows;
      track("writing", batch, written);
    });
    if (atomic && check.rejected > 0) throw new RejectedFile(check);
    progress({ phase: "indexing", read: check.read, rejected: check.rejected, written });
    await writer.finish?.();
    const done = result(check, writer.counts());
    await options.beforeCommit?.(db, done.summary);
    return done;
  };
  try {
    const done = await transaction(target, options, run);
    progress({ phase: "done", read: done.summary.read, rejected: done.summary.rejected, written });
    return done;
  } catch (error) {
    if (error instanceof RejectedFile) {
      progress({ phase: "done", read: error.check.read, rejected: error.check.rejected, written: 0 });
      return result(error.check, null);
    }
    throw error;
  }
}

/** Either writer, as the import drives it. */
export interface BatchWriter {
  writeBatch(batch: RowBatch): Promise<void> | void;
  counts(): { inserted: number; updated: number };
  finish?(): Promise<void> | void;
}

/** Runs the write in one transaction with the writer that fits the target. */
async function transaction(
  target: ImportTarget,
  options: PersonImportOptions,
  run: (db: Db, writer: BatchWriter) => Promise<PersonImportResult>,
): Promise<PersonImportResult> {
  if (!target.sqlite) {
    return target.db.transaction().execute(async (trx) => {
      // An empty registry is loaded with COPY (person-bulk.pg.repository.ts); it stays locked
      // from this look to the commit.
      const now = nowIso();
      const bulk = await pgBulkStore(trx, now);
      const writer = bulk ? new BulkWriter(bulk, options, now) : rowWriter(kyselyImportStore(trx), options);
      return run(trx, writer);
    });
  }
  const sqlite = target.sqlite;
  const settings = registryIsEmpty(sqlite) ? bulkSettings(sqlite) : null;
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    // Another connection may have written between the look and the lock: then the ordinary path.
    if (settings && !registryIsEmpty(sqlite)) {
      sqlite.exec("ROLLBACK");
      settings.restore();
      return transaction(target, options, run);
    }
    try {
      // Kysely's SQLite driver uses this same connection, so `target.db` writes join the transaction.
      const now = nowIso();
      const writer: BatchWriter = settings
        ? new BulkWriter(sqliteBulkStore(sqlite, now), options, now)
        : rowWriter(sqliteImportStore(sqlite), options);
      const done = await run(target.db, writer);
      sqlite.exec("COMMIT");
      return done;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    settings?.restore();
  }
}

type Sqlite = NonNullable<ImportTarget["sqlite"]>;

/**
 * Connection settings of the first load into an empty registry, each restored afterwards (they
 * can only change outside a transaction): the rollback journal instead of WAL, a small page cache,
 * and no foreign-key enforcement.
 *
 * Foreign keys: with them enforced, every multi-row INSERT keeps a statement journal (it must be
 * able to undo itself alone if a key check fails at its end), and with 16 KiB pages that journal
 * spills to a temporary file at once: at 1,000,000 rows about a million extra writes, a third of
 * the import's system time (docs/benchmarks.md). Without them, and with `INSERT OR FAIL` (which
 * needs no statement undo either), there is none. The keys still hold by construction: every
 * household and person row of the load names a household of the same load and a kelurahan from
 * the region list read under the write lock (`loadContext` runs inside the transaction), and every
 * classification a category of the catalogue read the same way; a test checks
 * `PRAGMA foreign_key_check` after a bulk load.
 */
function bulkSettings(sqlite: Sqlite): { restore(): void } {
  const journal = rollbackJournal(sqlite);
  const cache = importCache(sqlite);
  const keys = sqlite.pragma("foreign_keys", { simple: true });
  sqlite.pragma("foreign_keys = OFF");
  let restored = false;
  return {
    restore: () => {
      if (restored) return;
      restored = true;
      // The pragma is ignored inside a transaction: never leave the connection without its keys
      // because a failed statement left one open.
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      sqlite.pragma(`foreign_keys = ${Number(keys) ? "ON" : "OFF"}`);
      cache.restore();
      journal?.restore();
    },
  };
}

/**
 * For the first load into an empty registry, when this is the database's only connection: the
 * rollback journal instead of WAL for the import's transaction, restored right after. In WAL mode
 * every new page is written twice (to the WAL, then copied into the database by the checkpoint);
 * a rollback journal only keeps the few pages that existed before, and the new ones are written
 * once. Atomicity is the same: a killed import leaves a journal that SQLite rolls back when the
 * database is next opened (tested in src/cli/commands/import.test.ts). With another connection
 * open the mode cannot change, and the import simply stays in WAL.
 */
function rollbackJournal(sqlite: Sqlite): { restore(): void } | null {
  if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") return null;
  try {
    if (sqlite.pragma("journal_mode = DELETE", { simple: true }) !== "delete") return null;
  } catch {
    return null;
  }
  return {
    restore: () => {
      // A connection opened meanwhile can refuse the switch; the next open sets WAL again.
      try {
        sqlite.pragma("journal_mode = WAL");
      } catch {}
    },
  };
}

/** Page cache of the bulk load, in KiB (see `importCache`). */
const IMPORT_CACHE_KIB = 8 * 1024;

/**
 * A small page cache for the bulk load (8 MB instead of the connection's usual 64 MB), restored
 * afterwards.
 * Every index but the primary keys is dropped during the load, so what the inserts touch is the
 * right edge of the tables and of the id indexes; the sorter of the index builds at the end spills
 * to temporary files beyond it (and was slower with a bigger cache). Each 8 MB less is 8 MB less
 * peak memory (docs/benchmarks.md, "Import").
 */
function importCache(sqlite: Sqlite): { restore(): void } {
  const before = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return { restore: () => void sqlite.pragma(`cache_size = ${Number(before)}`) };
}

/**
 * Runs `run` in one write transaction with the row-by-row store of the target's engine, for
 * imports that add persons beside other rows (the DTSEN import). `run` must call the writer's
 * `finish` before it returns: on SQLite the store defers the search index to it.
 */
export async function inImportTransaction<T>(
  target: ImportTarget,
  run: (db: Db, store: ImportStore) => Promise<T>,
): Promise<T> {
  if (!target.sqlite) return target.db.transaction().execute((trx) => run(trx, kyselyImportStore(trx)));
  const sqlite = target.sqlite;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const done = await run(target.db, sqliteImportStore(sqlite));
    sqlite.exec("COMMIT");
    return done;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

/** The row-by-row writer, with the store's deferred work (search index) at the end. */
export function rowWriter(store: ImportStore, options: WriteOptions): BatchWriter & { writer: RowWriter } {
  const writer = new RowWriter(store, options);
  return {
    writer,
    writeBatch: (batch: RowBatch) => writer.writeBatch(batch),
    counts: () => writer.counts(),
    finish: async () => {
      const pairs: [string, string, string][] = [];
      await store.finish((a, b, region) => pairs.push([a, b, region]));
      for (const [a, b, region] of pairs) await writer.queueSameNameBirth(a, b, region);
    },
  };
}
