import { existsSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { openCopyEndpoint } from "../../server/db/copy/copy-engines.ts";
import { copyDatabase } from "../../server/db/copy/database-copy.service.ts";
import { createDb } from "../../server/db/create-db.ts";
import { migrateToLatest } from "../../server/db/migrate.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("Basis data / database");
  db.command("migrate")
    .description("Menerapkan migrasi yang belum berjalan / apply pending migrations")
    .action(async () => {
      const applied = await withDb((h) => migrateToLatest(h.db), { migrate: false });
      process.stdout.write(
        applied.length === 0
          ? "Basis data sudah terbaru / database is up to date\n"
          : `Migrasi diterapkan / applied: ${applied.join(", ")}\n`,
      );
    });
  db.command("copy")
    .description(
      "Menyalin seluruh basis data ke basis data kosong mesin lain / copy the whole database into an empty database of the other engine",
    )
    .requiredOption("--from <url>", "sumber / source (sqlite:FILE or postgres://…)")
    .requiredOption("--to <url>", "tujuan, kosong / empty target (migrated first)")
    .option("--quiet", "tanpa kemajuan per tabel / no per-table progress")
    .action(async (opts: { from: string; to: string; quiet?: boolean }) => {
      await copyCommand(opts.from, opts.to, opts.quiet === true);
    });
}

async function copyCommand(from: string, to: string, quiet: boolean): Promise<void> {
  if (from.startsWith("sqlite:") && !existsSync(from.slice("sqlite:".length))) {
    throw new CliError(
      `Berkas sumber tidak ada / source file does not exist: ${from.slice("sqlite:".length)}`,
    );
  }
  const prepare = await createDb(to);
  try {
    await migrateToLatest(prepare.db);
  } finally {
    await prepare.close();
  }
  const source = await openCopyEndpoint(from);
  const target = await openCopyEndpoint(to);
  try {
    const report = await copyDatabase(source.endpoint, target.endpoint, {
      onTable: (t) => {
        if (!quiet && t.rows > 0) process.stdout.write(`${t.name}: ${t.rows} (${t.seconds.toFixed(1)} s)\n`);
      },
    });
    process.stdout.write(
      `Disalin / copied: ${report.rows} baris / rows in ${report.tables.length} tabel / tables, ${report.seconds.toFixed(1)} s\n`,
    );
  } catch (error) {
    if (error instanceof AppError) throw new CliError(formatAppError(error));
    throw error;
  } finally {
    await source.close();
    await target.close();
  }
}
