import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { normalizeRegionCode } from "../../core/region/region-code.ts";
import { ALL_REGIONS } from "../../server/db/scope.ts";
import { exportPersons } from "../../server/features/imports/person-export.service.ts";
import { CliError } from "../cli-error.ts";
import { withDb } from "../with-db.ts";

export function registerExportCommands(program: Command): void {
  const command = program.command("export").description("Ekspor data / export data");
  command
    .command("persons")
    .description(
      "Ekspor penduduk ke CSV atau XLSX dalam format impor / export persons to CSV or XLSX in the import format",
    )
    .requiredOption("--out <file>", "berkas tujuan .csv atau .xlsx / output file .csv or .xlsx")
    .option("--region <code>", "kode wilayah (boleh bertitik) / region code (dots allowed)")
    .option("--rw <rw>", "hanya RW ini / only this RW")
    .option("--ppks <code>", "hanya dengan kategori PPKS aktif ini / only with this active PPKS category")
    .action(async (opts: { out: string; region?: string; rw?: string; ppks?: string }) => {
      const format = opts.out.toLowerCase().endsWith(".xlsx")
        ? "xlsx"
        : opts.out.toLowerCase().endsWith(".csv")
          ? "csv"
          : null;
      if (!format)
        throw new CliError("--out harus berakhiran .csv atau .xlsx / must end in .csv or .xlsx", 2);
      let regionCode: string | undefined;
      if (opts.region !== undefined) {
        const code = normalizeRegionCode(opts.region);
        if (!code) throw new CliError(`Kode wilayah tidak valid / invalid region code: ${opts.region}`, 2);
        regionCode = code;
      }
      const summary = await withDb((h) =>
        exportPersons(
          h.db,
          ALL_REGIONS,
          { regionCode, rw: opts.rw, ppksCode: opts.ppks?.padStart(2, "0") },
          format,
          createWriteStream(opts.out),
        ),
      );
      process.stdout.write(
        `Diekspor / exported: ${summary.persons} orang/persons, ${summary.households} keluarga/households` +
          (summary.skipped > 0
            ? `; ${summary.skipped} dilewati (tanpa NIK atau KK) / skipped (no NIK or KK)`
            : "") +
          ` → ${opts.out}\n`,
      );
    });
}
