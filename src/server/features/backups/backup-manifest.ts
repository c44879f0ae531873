/**
 * The manifest at the root of every backup archive: what Peduli version and migrations made it,
 * how many rows each table held, and the size and SHA-256 of every file in the archive, so that
 * `peduli backup verify` can check an archive without restoring it.
 */
import { z } from "zod";

export const BACKUP_FORMAT = "peduli-backup";

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  peduliVersion: z.string(),
  /** The engine the backup was made from (the archive always holds a SQLite database). */
  sourceEngine: z.enum(["sqlite", "postgres"]),
  migrations: z.array(z.string()),
  tables: z.record(z.string(), z.number().int().min(0)),
  files: z.array(
    z.object({
      path: z.string(),
      bytes: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The database file inside the archive; uploaded files are under UPLOADS_DIR. */
export const DATABASE_FILE = "database.sqlite";
export const UPLOADS_DIR = "uploads";
export const MANIFEST_FILE = "manifest.json";

/** `peduli-backup-2026-12-06T030000Z.tar.gz`: sortable by name, one per second. */
export function backupFileName(at: Date): string {
  return `peduli-backup-${at.toISOString().slice(0, 19).replace(/:/g, "")}Z.tar.gz`;
}

export const BACKUP_FILE_PATTERN = /^peduli-backup-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/;
