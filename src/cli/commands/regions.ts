import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { importRegionsCsv } from "../../server/features/regions/regions.service.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";

export function registerRegionsCommands(program: Command): void {
  const regions = program.command("regions").description("Wilayah / regions");
  regions
    .command("import")
    .description(
      "Memuat wilayah kota lain dari CSV (kode,nama,tingkat,kode_induk,kode_pos); semua atau tidak sama sekali / load regions from CSV, all or nothing",
    )
    .argument("<file>", "berkas CSV / CSV file")
    .action(async (file: string) => {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch (error) {
        throw new CliError(
          `Berkas tidak dapat dibaca / cannot read file ${file}: ${(error as Error).message}`,
        );
      }
      try {
        const summary = await withDb((h) => importRegionsCsv(h.db, content));
        process.stdout.write(
          `Wilayah dimuat / regions loaded: ${summary.read} dibaca/read, ${summary.inserted} baru/new, ${summary.updated} diperbarui/updated\n`,
        );
      } catch (error) {
        if (error instanceof AppError) throw new CliError(formatAppError(error));
        throw error;
      }
    });
}
