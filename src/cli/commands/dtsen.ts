/**
 * `peduli dtsen import FILE --period YYYY-Qn` loads a DTSEN extract (docs/dtsen.md);
 * `peduli dtsen candidates --region CODE --period YYYY-Qn` prints the lists of families whose
 * DTSEN desil and Peduli's own findings disagree, and the persons with data problems.
 */
import { access } from "node:fs/promises";
import type { Command } from "commander";
import { AppError } from "../../core/errors/app-error.ts";
import { ALL_REGIONS, regionScope } from "../../server/db/scope.ts";
import { dtsenCandidates } from "../../server/features/dtsen/dtsen-candidates.service.ts";
import { type DtsenImportResult, importDtsen } from "../../server/features/dtsen/dtsen-import.service.ts";
import { CliError } from "../cli-error.ts";
import { formatAppError } from "../format-error.ts";
import { withDb } from "../with-db.ts";
import { type ImportOptions, writeErrorReport } from "./import.ts";

async function appErrorsAsCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(formatAppError(error));
    throw error;
  }
}

function printImport(result: DtsenImportResult, opts: Omit<ImportOptions, "ppksSource">, seconds: string) {
  const s = result.summary;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(s)}\n`);
    return;
  }
  const state = result.written
    ? `disimpan / written in ${seconds} s`
    : opts.dryRun
      ? "uji coba, tidak disimpan / dry run, nothing written"
      : "TIDAK ADA YANG DISIMPAN / nothing was written";
  process.stdout.write(
    `${state} (${s.period}): ${s.read} dibaca/read, ${s.matched} cocok/matched, ${s.created} baru/new, ${s.differing} berbeda/differing, ${s.rejected} ditolak/rejected, ${s.families} keluarga/families, ${s.changes} perubahan/changes\n`,
  );
}

export function registerDtsenCommands(program: Command): void {
  const command = program
    .command("dtsen")
    .description(
      "Data Tunggal Sosial dan Ekonomi Nasional: impor dan daftar periksa / import and check lists",
    );
  command
    .command("import")
    .description("Impor ekstrak DTSEN (CSV atau XLSX; lihat docs/dtsen.md) / import a DTSEN extract")
    .argument("<file>", "berkas CSV atau XLSX / CSV or XLSX file")
    .requiredOption("--period <YYYY-Qn>", "periode pemutakhiran, misalnya 2025-Q1 / the extract's quarter")
    .option("--skip-invalid", "simpan baris yang valid, laporkan sisanya / write valid rows, report the rest")
    .option("--dry-run", "jalankan lalu batalkan: ringkasan tanpa menyimpan / run and roll back")
    .option("--errors <file>", "tulis laporan kesalahan ke CSV / write the error report to a CSV file")
    .option("--json", "cetak ringkasan sebagai JSON / print the summary as JSON")
    .action(async (file: string, opts: Omit<ImportOptions, "ppksSource"> & { period: string }) => {
      try {
        await access(file);
      } catch (error) {
        throw new CliError(
          `Berkas tidak dapat dibaca / cannot read file ${file}: ${(error as Error).message}`,
        );
      }
      const started = Date.now();
      const result = await appErrorsAsCli(() =>
        withDb((h) =>
          importDtsen(
            { db: h.db, sqlite: h.sqlite },
            { path: file },
            { period: opts.period, skipInvalid: opts.skipInvalid, dryRun: opts.dryRun },
          ),
        ),
      );
      if (opts.errors) await writeErrorReport(opts.errors, result.problems);
      else
        for (const p of result.problems)
          process.stderr.write(
            `baris/row ${p.row}, kolom/column ${p.column} "${p.value}": ${p.id} / ${p.en}\n`,
          );
      if (result.unknownColumns.length > 0)
        process.stderr.write(
          `Kolom tidak dikenal diabaikan / unknown columns ignored: ${result.unknownColumns.join(", ")}\n`,
        );
      printImport(result, opts, ((Date.now() - started) / 1000).toFixed(1));
      if (result.summary.rejected > 0 && !opts.skipInvalid) process.exitCode = 1;
    });
  command
    .command("candidates")
    .description(
      "Daftar kemungkinan salah sasaran (inklusi), tidak terdata (eksklusi) dan masalah data / candidate lists",
    )
    .requiredOption("--period <YYYY-Qn>", "periode DTSEN / DTSEN period")
    .option("--region <code>", "kode wilayah (bawaan: semua) / region code (default: all)")
    .option("--json", "cetak sebagai JSON / print as JSON")
    .action(async (opts: { period: string; region?: string; json?: boolean }) => {
      const scope = opts.region ? regionScope(opts.region) : ALL_REGIONS;
      const lists = await appErrorsAsCli(() => withDb((h) => dtsenCandidates(h.db, scope, opts.period)));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(lists, null, 2)}\n`);
        return;
      }
      const family = (c: (typeof lists.inclusion)[number]) =>
        `  ${c.strength.toFixed(2)}  KK ${c.kkNumber ?? "-"}  ${c.headName ?? "-"}  ${c.regionCode}  desil ${c.desil ?? "-"}: ${c.reasons.map((r) => r.id).join(" ")}\n`;
      process.stdout.write(`Periode / period ${lists.period}\n`);
      process.stdout.write(
        `Kemungkinan salah sasaran / possible inclusion errors: ${lists.inclusion.length}\n`,
      );
      for (const c of lists.inclusion) process.stdout.write(family(c));
      process.stdout.write(
        `Kemungkinan tidak terdata / possible exclusion errors: ${lists.exclusion.length}\n`,
      );
      for (const c of lists.exclusion) process.stdout.write(family(c));
      process.stdout.write(`Masalah data / data problems: ${lists.data.length}\n`);
      for (const p of lists.data)
        process.stdout.write(
          `  ${p.name}  ${p.nik ?? "-"}  ${p.regionCode}: ${p.reasons.map((r) => r.id).join(" ")}\n`,
        );
    });
}
