/**
 * Backup and restore. A backup is one gzipped tar archive: the whole database copied into a
 * SQLite file through `peduli db copy`'s engine (a consistent snapshot of the running database:
 * one read transaction on either engine), the uploaded files, and a manifest with every table's
 * row count and every file's SHA-256 (backup-manifest.ts). Because the archive's database is
 * SQLite, a backup of a province's PostgreSQL can be restored on a laptop and a laptop's into
 * PostgreSQL. The archive is written beside its destination and renamed into place at the end,
 * so a backup that fails or is killed leaves no archive. docs/decisions/0021-backups.md.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { create as createTar, extract as extractTar } from "tar";
import { AppError } from "../../../core/errors/app-error.ts";
import { openCopyEndpoint } from "../../db/copy/copy-engines.ts";
import { type CopyReport, copyDatabase } from "../../db/copy/database-copy.service.ts";
import { createDb } from "../../db/create-db.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { API_VERSION } from "../../http/openapi.ts";
import {
  BACKUP_FILE_PATTERN,
  BACKUP_FORMAT,
  type BackupManifest,
  backupFileName,
  DATABASE_FILE,
  MANIFEST_FILE,
  manifestSchema,
  UPLOADS_DIR,
} from "./backup-manifest.ts";
import * as repo from "./backups.repository.ts";

/** A database to back up or restore into: a DATABASE_URL, and on PostgreSQL optionally a schema. */
export interface DatabaseAddress {
  url: string;
  schema?: string;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Backs up the database at `source` and the files under `uploadDir` into a new archive in `outDir`,
 * and records it in the database (`db`, the same database).
 */
export async function createBackup(input: {
  db: Db;
  source: DatabaseAddress;
  uploadDir: string;
  outDir: string;
  madeBy: "cli" | "schedule";
  now?: Date;
}): Promise<BackupResult> {
  const at = input.now ?? new Date();
  await mkdir(input.outDir, { recursive: true });
  // Beside the destination, so that the final rename stays on one file system.
  const work = await mkdtemp(join(input.outDir, ".backup-"));
  try {
    const dbFile = join(work, DATABASE_FILE);
    await migrate({ url: `sqlite:${dbFile}` });
    const report = await copyInto(input.source, { url: `sqlite:${dbFile}` });
    singleFile(dbFile);
    // Files after the database: a file is stored before the row that names it, so every file the
    // snapshot names is here (and perhaps a few that rows committed later name).
    if (existsSync(input.uploadDir)) {
      await cp(input.uploadDir, join(work, UPLOADS_DIR), {
        recursive: true,
        filter: (path) => !path.endsWith(".part"),
      });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: at.toISOString(),
      peduliVersion: API_VERSION,
      sourceEngine: input.source.url.startsWith("sqlite:") ? "sqlite" : "postgres",
      migrations: await migrationsOf(dbFile),
      tables: Object.fromEntries(report.tables.map((t) => [t.name, t.rows])),
      files: await describeFiles(work),
    };
    await writeFile(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [
      MANIFEST_FILE,
      DATABASE_FILE,
      ...(existsSync(join(work, UPLOADS_DIR)) ? [UPLOADS_DIR] : []),
    ];
    const file = join(input.outDir, backupFileName(at));
    const partial = join(work, "archive.tar.gz");
    await createTar({ gzip: true, file: partial, cwd: work, portable: true }, entries);
    await rename(partial, file);
    const { size } = await stat(file);
    await repo.insertBackup(input.db, {
      id: newId(),
      file_name: backupFileName(at),
      created_at: manifest.createdAt,
      bytes: size,
      rows: report.rows,
      files: manifest.files.length - 1,
      made_by: input.madeBy,
    });
    return { file, bytes: size, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The unpacked archive (database file and uploads); call `cleanup` when done. */
  dir: string;
  cleanup(): Promise<void>;
}

/**
 * Unpacks an archive into a temporary directory and checks it: the gzip and tar framing, the
 * manifest, every file's size and SHA-256 (and no file the manifest does not list), the
 * database's integrity and every table's row count. Throws `backup_invalid` naming the fault.
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  if (!existsSync(file))
    throw new AppError("backup_invalid", { detail: `${file}: berkas tidak ada / no such file` });
  const dir = await mkdtemp(join(tmpdir(), "peduli-restore-"));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const manifest = await unpackAndCheck(file, dir);
    return { manifest, dir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Restores a verified archive into the database at `target` (migrated first) and its files into
 * `uploadDir`. An archive made by an older Peduli is migrated to this version on the way. The
 * target must be empty unless `force`, which replaces what it holds; either way the database
 * is written in one transaction whose row counts are checked against the archive's.
 */
export async function restoreBackup(input: {
  file: string;
  target: DatabaseAddress;
  uploadDir: string;
  force?: boolean;
}): Promise<{ manifest: BackupManifest; report: CopyReport; files: number }> {
  const verified = await verifyBackup(input.file);
  try {
    const dbFile = join(verified.dir, DATABASE_FILE);
    await migrate({ url: `sqlite:${dbFile}` });
    await migrate(input.target);
    let report: CopyReport;
    try {
      report = await copyInto({ url: `sqlite:${dbFile}` }, input.target, input.force === true);
    } catch (error) {
      if (error instanceof AppError && error.code === "copy_target_not_empty") {
        throw new AppError("restore_target_not_empty", { table: String(error.params.table ?? "") });
      }
      throw error;
    }
    const uploads = join(verified.dir, UPLOADS_DIR);
    let files = 0;
    if (existsSync(uploads)) {
      await mkdir(input.uploadDir, { recursive: true });
      await cp(uploads, input.uploadDir, { recursive: true, force: true });
      files = verified.manifest.files.filter((f) => f.path.startsWith(`${UPLOADS_DIR}/`)).length;
    }
    return { manifest: verified.manifest, report, files };
  } finally {
    await verified.cleanup();
  }
}

/** Deletes the oldest backup archives in `dir` beyond the newest `keep`; returns their names. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const archives = (await readdir(dir)).filter((name) => BACKUP_FILE_PATTERN.test(name)).sort();
  const old = archives.slice(0, Math.max(0, archives.length - keep));
  for (const name of old) await rm(join(dir, name), { force: true });
  return old;
}

/** Brings the database at `address` to this version's migrations (creating a SQLite file). */
async function migrate(address: DatabaseAddress): Promise<void> {
  const options = address.schema ? { schema: address.schema } : {};
  const handle = await createDb(address.url, options);
  try {
    await migrateToLatest(handle.db, options);
  } finally {
    await handle.close();
  }
}

async function copyInto(
  source: DatabaseAddress,
  target: DatabaseAddress,
  replace = false,
): Promise<CopyReport> {
  const from = await openCopyEndpoint(source.url, source.schema ? { schema: source.schema } : {});
  try {
    const to = await openCopyEndpoint(target.url, target.schema ? { schema: target.schema } : {});
    try {
      return await copyDatabase(from.endpoint, to.endpoint, { replace });
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

/** Leaves the SQLite database as one self-contained file (no write-ahead log beside it). */
function singleFile(path: string): void {
  const sqlite = new SqliteDatabase(path);
  try {
    sqlite.pragma("journal_mode = DELETE");
  } finally {
    sqlite.close();
  }
}

async function migrationsOf(dbFile: string): Promise<string[]> {
  const sqlite = new SqliteDatabase(dbFile, { readonly: true });
  try {
    return sqlite.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all() as string[];
  } finally {
    sqlite.close();
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every file under `root` but the manifest, with its size and SHA-256, in path order. */
async function describeFiles(root: string): Promise<BackupManifest["files"]> {
  const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"))
    .filter((p) => p !== MANIFEST_FILE && p !== "archive.tar.gz")
    .sort();
  const files: BackupManifest["files"] = [];
  for (const path of paths) {
    const full = join(root, path);
    files.push({ path, bytes: (await stat(full)).size, sha256: await sha256Of(full) });
  }
  return files;
}

const invalid = (detail: string) => new AppError("backup_invalid", { detail });

async function unpackAndCheck(file: string, dir: string): Promise<BackupManifest> {
  try {
    await extractTar({ file, cwd: dir, strict: true });
  } catch (error) {
    throw invalid(`arsip tidak dapat dibaca / the archive cannot be read (${(error as Error).message})`);
  }
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8")));
  } catch (error) {
    throw invalid(
      `${MANIFEST_FILE} tidak ada atau rusak / is missing or malformed (${(error as Error).message.slice(0, 200)})`,
    );
  }
  const found = await describeFiles(dir);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const f of found) {
    const expected = listed.get(f.path);
    if (!expected) throw invalid(`${f.path} tidak tercantum di manifest / is not listed in the manifest`);
    if (expected.bytes !== f.bytes || expected.sha256 !== f.sha256)
      throw invalid(`${f.path} tidak cocok dengan checksum-nya / does not match its checksum`);
    listed.delete(f.path);
  }
  const missing = [...listed.keys()];
  if (missing.length > 0)
    throw invalid(`tidak ada di arsip / missing from the archive: ${missing.slice(0, 5).join(", ")}`);
  const sqlite = new SqliteDatabase(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    if (integrity !== "ok")
      throw invalid(
        `basis data gagal uji integritas / the database fails its integrity check (${String(integrity)})`,
      );
    for (const [table, rows] of Object.entries(manifest.tables)) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as {
        n: number;
      };
      if (n !== rows) throw invalid(`tabel / table ${table}: ${n} baris / rows, manifest: ${rows}`);
    }
  } finally {
    sqlite.close();
  }
  return manifest;
}
