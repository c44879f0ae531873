import { createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import type { Command } from "commander";
import { stringify } from "csv-stringify";
import { AppError } from "../../core/errors/app-error.ts";
import { importAssessments } from "../../server/features/assessments/assessment-import.service.ts";
import {
  importPersons,
  PPKS_SOURCES,
  type PpksSource,
  type RowProblem,
} from "../../server/features/imports/person-import.service.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";

/** The options the file imports share. */
export interface ImportOptions {
  skipInvalid?: boolean;
  dryRun?: boolean;
  errors?: string;
  json?: boolean;
  ppksSource: string;
}

export async function writeErrorReport(file: string, problems: RowProblem[]): Promise<void> {
  const out = createWriteStream(file);
  const csv = stringify({ header: true, columns: ["baris", "kolom", "nilai", "kode", "alasan", "reason"] });
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  csv.pipe(out);
  for (const p of problems) csv.write([p.row, p.column, p.value, p.code, p.id, p.en]);
  csv.end();
  await done;
}

export function registerImportCommands(program: Command): void {
  const command = program.command("import").description("Impor data / import data");
  command
    .command("persons")
    .description(
      "Impor penduduk dari CSV atau XLSX (satu baris per orang; lihat docs/import.md) / import persons from CSV or XLSX",
    )
    .argument("<file>", "berkas CSV atau XLSX / CSV or XLSX file")
    .option("--skip-invalid", "simpan baris yang valid, laporkan sisanya / write valid rows, report the rest")
    .option("--dry-run", "hanya periksa, tidak menyimpan / validate only")
    .option("--errors <file>", "tulis laporan kesalahan ke CSV / write the error report to a CSV file")
    .option("--json", "cetak ringkasan sebagai JSON / print the summary as JSON")
    .option(
      "--ppks-source <source>",
      `sumber klasifikasi PPKS dalam berkas / source of the file's PPKS (${PPKS_SOURCES.join(", ")})`,
      "dtks",
    )
    .action(async (file: string, opts: ImportOptions) => {
      if (!(PPKS_SOURCES as readonly string[]).includes(opts.ppksSource)) {
        throw new CliError(`--ppks-source harus salah satu / must be one of: ${PPKS_SOURCES.join(", ")}`, 2);
      }
      try {
        await access(file);
      } catch (error) {
        throw new CliError(
          `Berkas tidak dapat dibaca / cannot read file ${file}: ${(error as Error).message}`,
        );
      }
      const started = Date.now();
      let result: Awaited<ReturnType<typeof importPersons>>;
      try {
        result = await withDb((h) =>
          importPersons(
            { db: h.db, sqlite: h.sqlite },
            { path: file },
            {
              skipInvalid: opts.skipInvalid,
              dryRun: opts.dryRun,
              ppksSource: opts.ppksSource as PpksSource,
            },
          ),
        );
      } catch (error) {
        if (error instanceof AppError) throw new CliError(formatAppError(error));
        throw error;
      }
      const { summary, problems, unknownColumns } = result;
      if (opts.errors) await writeErrorReport(opts.errors, problems);
      else {
        for (const p of problems) {
          process.stderr.write(
            `baris/row ${p.row}, kolom/column ${p.column} "${p.value}": ${p.id} / ${p.en}\n`,
          );
        }
      }
      if (unknownColumns.length > 0) {
        process.stderr.write(
          `Kolom tidak dikenal diabaikan / unknown columns ignored: ${unknownColumns.join(", ")}\n`,
        );
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const state = result.written
          ? `disimpan / written in ${seconds} s`
          : opts.dryRun
            ? "diperiksa saja / validated only"
            : "TIDAK ADA YANG DISIMPAN / nothing was written";
        process.stdout.write(
          `${state}: ${summary.read} dibaca/read, ${summary.inserted} baru/inserted, ${summary.updated} diperbarui/updated, ${summary.rejected} ditolak/rejected, ${summary.households} keluarga/households\n`,
        );
      }
      if (summary.rejected > 0 && !opts.skipInvalid) process.exitCode = 1;
    });
  command
    .command("assessments")
    .description(
      "Impor penilaian kemiskinan keluarga (kk atau keluarga_id, tanggal, satu kolom per indikator; lihat docs/mpi.md) / import household poverty assessments",
    )
    .argument("<file>", "berkas CSV atau XLSX / CSV or XLSX file")
    .option("--set <id>", "id versi set indikator (bawaan: IKM Peduli terbaru) / indicator-set version id")
    .option("--skip-invalid", "simpan baris yang valid, laporkan sisanya / write valid rows, report the rest")
    .option("--dry-run", "hanya periksa, tidak menyimpan / validate only")
    .option("--errors <file>", "tulis laporan kesalahan ke CSV / write the error report to a CSV file")
    .option("--json", "cetak ringkasan sebagai JSON / print the summary as JSON")
    .action(async (file: string, opts: Omit<ImportOptions, "ppksSource"> & { set?: string }) => {
      try {
        await access(file);
      } catch (error) {
        throw new CliError(
          `Berkas tidak dapat dibaca / cannot read file ${file}: ${(error as Error).message}`,
        );
      }
      let result: Awaited<ReturnType<typeof importAssessments>>;
      try {
        result = await withDb((h) =>
          importAssessments(
            h.db,
            { path: file },
            { skipInvalid: opts.skipInvalid, dryRun: opts.dryRun, indicatorSetId: opts.set },
          ),
        );
      } catch (error) {
        if (error instanceof AppError) throw new CliError(formatAppError(error));
        throw error;
      }
      const { summary, problems } = result;
      if (opts.errors) await writeErrorReport(opts.errors, problems);
      else
        for (const p of problems)
          process.stderr.write(
            `baris/row ${p.row}, kolom/column ${p.column} "${p.value}": ${p.id} / ${p.en}\n`,
          );
      if (result.unknownColumns.length > 0)
        process.stderr.write(
          `Kolom tidak dikenal diabaikan / unknown columns ignored: ${result.unknownColumns.join(", ")}\n`,
        );
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else {
        const state = result.written
          ? "disimpan / written"
          : opts.dryRun
            ? "diperiksa saja / validated only"
            : "TIDAK ADA YANG DISIMPAN / nothing was written";
        process.stdout.write(
          `${state}: ${summary.read} dibaca/read, ${summary.inserted} baru/inserted, ${summary.rejected} ditolak/rejected\n`,
        );
      }
      if (summary.rejected > 0 && !opts.skipInvalid) process.exitCode = 1;
    });
}
