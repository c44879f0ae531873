/**
 * `peduli mpi`: reads an indicators file (JSON) and a data file (CSV), streams the rows through the
 * Alkire–Foster accumulator and returns the result. Every expected failure becomes a `CliError`
 * (exit code 1) whose message names the file, row or field, in Indonesian and then English.
 */
import { readFile } from "node:fs/promises";
import {
  createMpiAccumulator,
  type MpiAccumulator,
  type MpiCells,
  MpiRowError,
} from "../../core/mpi/mpi-accumulator.ts";
import {
  type MpiDefinition,
  type MpiDefinitionIssue,
  validateMpiCutoff,
  validateMpiDefinition,
} from "../../core/mpi/mpi-definition.ts";
import type { MpiResult } from "../../core/mpi/mpi-result.ts";
import { EmptyFileError, readDelimitedFile } from "../../server/files/delimited-reader.ts";
import { CliError } from "../cli-error.ts";

export interface MpiFileOptions {
  readonly dataPath: string;
  readonly indicatorsPath: string;
  /** Overrides the k of the indicators file (as typed on the command line). */
  readonly k?: string | number;
  readonly groupBy?: string;
  readonly weightColumn?: string;
  /** Test hook: read the whole file with csv-parse instead of the fast path. */
  readonly forceParser?: boolean;
}

export interface MpiFileResult {
  readonly result: MpiResult;
  readonly definition: MpiDefinition;
  readonly grouped: boolean;
  readonly weighted: boolean;
  readonly delimiter: string;
}

function bilingual(id: string, en: string): CliError {
  return new CliError(`${id}\n${en}`, 1);
}

function issuesError(intro: { id: string; en: string }, issues: readonly MpiDefinitionIssue[]): CliError {
  const id = issues.map((issue) => `  - ${issue.message.id}`).join("\n");
  const en = issues.map((issue) => `  - ${issue.message.en}`).join("\n");
  return bilingual(`${intro.id}\n${id}`, `${intro.en}\n${en}`);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads and validates the indicators file, applying a `--k` override. */
export async function loadIndicatorsFile(path: string, k?: string | number): Promise<MpiDefinition> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw bilingual(
      `Berkas indikator ${path} tidak dapat dibaca: ${reason(error)}`,
      `The indicators file ${path} cannot be read: ${reason(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw bilingual(
      `Berkas indikator ${path} bukan JSON yang valid: ${reason(error)}`,
      `The indicators file ${path} is not valid JSON: ${reason(error)}`,
    );
  }
  const intro = {
    id: `Berkas indikator ${path} tidak valid:`,
    en: `The indicators file ${path} is not valid:`,
  };
  if (k !== undefined) {
    const override = typeof k === "number" ? k : k.trim() === "" ? Number.NaN : Number(k);
    const issues = validateMpiCutoff(override, "--k");
    if (issues.length > 0)
      throw issuesError({ id: "Opsi --k tidak valid:", en: "Option --k is not valid:" }, issues);
    if (typeof json === "object" && json !== null && !Array.isArray(json)) json = { ...json, k: override };
  }
  const issues = validateMpiDefinition(json);
  if (issues.length > 0) throw issuesError(intro, issues);
  return json as MpiDefinition;
}

function hasOuterSpace(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
}

/** Runs the whole command short of printing. */
export async function runMpiFile(options: MpiFileOptions): Promise<MpiFileResult> {
  const definition = await loadIndicatorsFile(options.indicatorsPath, options.k);
  const { dataPath, groupBy, weightColumn } = options;
  let accumulator: MpiAccumulator<MpiCells> | undefined;
  let groupIndex = -1;
  let weightIndex = -1;

  const handler = {
    header(columns: readonly string[]): number[] {
      const missing: { id: string; en: string }[] = [];
      const find = (column: string, id: string, en: string) => {
        const index = columns.indexOf(column);
        if (index < 0) missing.push({ id: `kolom "${column}" (${id})`, en: `column "${column}" (${en})` });
        return index;
      };
      const indicatorIndexes = definition.indicators.map((indicator, j) =>
        find(
          indicator.column,
          `indicators[${j}].column, indikator "${indicator.id}"`,
          `indicators[${j}].column, indicator "${indicator.id}"`,
        ),
      );
      if (groupBy !== undefined) groupIndex = find(groupBy, "--group-by", "--group-by");
      if (weightColumn !== undefined) weightIndex = find(weightColumn, "--weight-column", "--weight-column");
      if (missing.length > 0) {
        throw bilingual(
          `Berkas data ${dataPath} tidak memiliki ${missing.map((m) => m.id).join(", ")} di baris judul.`,
          `The data file ${dataPath} has no ${missing.map((m) => m.en).join(", ")} in its header line.`,
        );
      }
      accumulator = createMpiAccumulator(definition, { header: columns });
      return [...indicatorIndexes, groupIndex, weightIndex].filter((index) => index >= 0);
    },

    row(cells: readonly (string | undefined)[], line: number): void {
      let weight = 1;
      if (weightIndex >= 0) {
        const written = cells[weightIndex];
        weight = written === undefined ? Number.NaN : +written;
        if (!(weight > 0 && weight < Number.POSITIVE_INFINITY)) {
          throw bilingual(
            `Baris ${line} berkas ${dataPath}: bobot "${written ?? ""}" di kolom "${weightColumn}" (--weight-column) bukan angka positif.`,
            `Line ${line} of ${dataPath}: weight "${written ?? ""}" in column "${weightColumn}" (--weight-column) is not a positive number.`,
          );
        }
      }
      let group: string | undefined;
      if (groupIndex >= 0) {
        group = cells[groupIndex] ?? "";
        if (hasOuterSpace(group)) group = group.trim();
      }
      try {
        (accumulator as MpiAccumulator<MpiCells>).add(cells, weight, group);
      } catch (error) {
        if (!(error instanceof MpiRowError)) throw error;
        throw bilingual(
          `Baris ${line} berkas ${dataPath}: ${error.detail.id}`,
          `Line ${line} of ${dataPath}: ${error.detail.en}`,
        );
      }
    },
  };

  let summary: Awaited<ReturnType<typeof readDelimitedFile>>;
  try {
    summary = await readDelimitedFile(dataPath, handler, { forceParser: options.forceParser });
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof EmptyFileError) {
      throw bilingual(
        `Berkas data ${dataPath} kosong: tidak ada baris judul.`,
        `The data file ${dataPath} is empty: it has no header line.`,
      );
    }
    throw bilingual(
      `Berkas data ${dataPath} tidak dapat dibaca: ${reason(error)}`,
      `The data file ${dataPath} cannot be read: ${reason(error)}`,
    );
  }
  return {
    result: (accumulator as MpiAccumulator<MpiCells>).result(),
    definition,
    grouped: groupBy !== undefined,
    weighted: weightColumn !== undefined,
    delimiter: summary.delimiter,
  };
}
