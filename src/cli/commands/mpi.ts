/**
 * `peduli mpi`: the Alkire–Foster multidimensional poverty measure of a CSV file, for analysts.
 * Reading and computing live in ../mpi/mpi-file.ts, printing in ../mpi/mpi-report.ts.
 */
import { type Command, Option } from "commander";

interface MpiCommandOptions {
  data: string;
  indicators: string;
  k?: string;
  groupBy?: string;
  weightColumn?: string;
  format: "table" | "json";
}

/** Registers `peduli mpi`. */
export function registerMpiCommand(program: Command): void {
  program
    .command("mpi")
    .description(
      "Hitung indeks kemiskinan multidimensi (Alkire–Foster) dari berkas CSV / compute the Alkire–Foster multidimensional poverty index of a CSV file",
    )
    .requiredOption("--data <file>", "berkas CSV (pemisah , atau ;) / CSV file (, or ; delimited)")
    .requiredOption("--indicators <file>", "berkas JSON definisi indikator / indicator definition JSON file")
    .option(
      "--k <k>",
      "batas kemiskinan k dalam (0, 1], menggantikan k di berkas / poverty cutoff, overrides the file's k",
    )
    .option("--group-by <column>", "uraikan menurut kolom ini / decompose by this column")
    .option(
      "--weight-column <column>",
      "bobot baris, mis. jumlah anggota rumah tangga / row weight, e.g. household size",
    )
    .addOption(
      new Option("--format <format>", "format keluaran / output format")
        .choices(["table", "json"])
        .default("table"),
    )
    .action(async (options: MpiCommandOptions) => {
      // Loaded on use, so that other commands do not pay for the CSV reader and the engine.
      const { runMpiFile } = await import("../mpi/mpi-file.ts");
      const { mpiJson, mpiTable } = await import("../mpi/mpi-report.ts");
      const { result, grouped } = await runMpiFile({
        dataPath: options.data,
        indicatorsPath: options.indicators,
        k: options.k,
        groupBy: options.groupBy,
        weightColumn: options.weightColumn,
      });
      process.stdout.write(
        options.format === "json"
          ? `${JSON.stringify(mpiJson(result, grouped), null, 2)}\n`
          : mpiTable(result, {
              dataPath: options.data,
              groupBy: options.groupBy,
              weightColumn: options.weightColumn,
            }),
      );
    });
}
