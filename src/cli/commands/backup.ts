import { basename } from "node:path";
import type { Command } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { loadConfig } from "../../server/config.ts";
import { createBackup, restoreBackup, verifyBackup } from "../../server/features/backups/backup.service.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** `peduli backup [--out DIR]`, `peduli backup verify FILE`, `peduli restore FILE [--force]`. */
export function registerBackupCommands(program: Command): void {
  const backup = program
    .command("backup")
    .description(
      "Mencadangkan basis data dan berkas unggahan ke satu arsip / back up the database and uploaded files into one archive",
    )
    .option("--out <dir>", "folder tujuan / output folder (default: PEDULI_BACKUP_DIR)")
    .action(async (opts: { out?: string }) => {
      const config = loadConfig();
      const result = await explained(() =>
        withDb((h) =>
          createBackup({
            db: h.db,
            source: { url: config.databaseUrl },
            uploadDir: config.uploadDir,
            outDir: opts.out ?? config.backupDir,
            madeBy: "cli",
          }),
        ),
      );
      const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `Cadangan dibuat / backup written: ${result.file} (${mib(result.bytes)}; ${rows} baris / rows, ${result.manifest.files.length - 1} berkas unggahan / uploaded files)\n`,
      );
    });
  backup
    .command("verify <file>")
    .description("Memeriksa arsip cadangan tanpa memulihkan / check a backup archive without restoring it")
    .action(async (file: string) => {
      const verified = await explained(() => verifyBackup(file));
      await verified.cleanup();
      const m = verified.manifest;
      const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `Cadangan valid / backup is valid: ${basename(file)} — ${m.createdAt}, Peduli ${m.peduliVersion} (${m.sourceEngine}), ${m.migrations.length} migrasi / migrations, ${rows} baris / rows, ${m.files.length} berkas / files, checksum OK\n`,
      );
    });

  program
    .command("restore <file>")
    .description(
      "Memulihkan arsip cadangan ke basis data kosong (DATABASE_URL) / restore a backup archive into an empty database",
    )
    .option(
      "--force",
      "ganti isi basis data yang tidak kosong / replace the contents of a non-empty database",
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const result = await explained(() =>
        restoreBackup({
          file,
          target: { url: config.databaseUrl },
          uploadDir: config.uploadDir,
          force: opts.force === true,
        }),
      );
      process.stdout.write(
        `Dipulihkan / restored: ${result.report.rows} baris / rows in ${result.report.tables.length} tabel / tables, ${result.files} berkas unggahan / uploaded files, dari / from ${result.manifest.createdAt}; jumlah baris diperiksa / row counts checked\n`,
      );
    });
}

async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(formatAppError(error));
    throw error;
  }
}
