/**
 * The Alkire–Foster engine as a streaming accumulator: rows go in one at a time (a CSV record, a
 * database row, one household on a phone) and only running sums are kept (mpi-sums.ts), so memory
 * does not grow with the number of rows and a million rows need no million objects. The hot path
 * (`add`) allocates nothing: rules are compiled to closures once, a row's deprivations go to a
 * scratch typed array, and the sums live in typed arrays indexed by indicator and group.
 * See docs/decisions/0010-mpi-engine-columnar.md.
 */
import type { Bilingual } from "../errors/language.ts";
import {
  type MpiDefinition,
  MpiDefinitionError,
  normalisedWeights,
  parseMpiDefinition,
} from "./mpi-definition.ts";
import type { MpiResult } from "./mpi-result.ts";
import { type CompiledRule, compileRule, INVALID_VALUE, isCardinalRule, isMissingCell } from "./mpi-rule.ts";
import { type MpiGroupKey, MpiSums } from "./mpi-sums.ts";

export type { MpiGroupKey } from "./mpi-sums.ts";

/** A unit is poor when its score reaches k less this tolerance (so 1/3 + 1/3 + 1/3 ≥ 1 holds). */
export const POVERTY_TOLERANCE = 1e-9;

/** A row given by column name (a parsed JSON object, a database row). */
export type MpiRecord = Readonly<Record<string, unknown>>;
/** A row given by position, in the order of a header (a CSV record). */
export type MpiCells = ArrayLike<unknown>;

/** Accumulates rows; `result()` may be called at any time and does not reset anything. */
export interface MpiAccumulator<Row> {
  /**
   * Counts one row with a positive finite `weight` (default 1) in `group`. Returns false when
   * the row was left out for a missing indicator value. Throws `MpiRowError` (and counts nothing)
   * for an invalid weight or a non-numeric value under a numeric rule.
   */
  add(row: Row, weight?: number, group?: MpiGroupKey): boolean;
  /** Number of `add` calls so far (counted, excluded and rejected rows). */
  readonly rowsSeen: number;
  result(): MpiResult;
}

export interface MpiAccumulatorOptions {
  /** Column names of positional rows: with a header, `add` takes arrays in this column order. */
  readonly header?: readonly string[];
}

/** A row the engine cannot count; `row` is the 0-based index of the `add` call. */
export class MpiRowError extends Error {
  readonly code = "mpi_row_invalid";
  constructor(
    readonly problem: "not_numeric" | "weight_invalid",
    readonly row: number,
    /** What is wrong, without the row number (callers add their own line numbers). */
    readonly detail: Bilingual,
    readonly value: unknown,
    readonly indicatorId?: string,
    readonly column?: string,
  ) {
    super(`Baris data ke-${row + 1}: ${detail.id} / Data row ${row + 1}: ${detail.en}`);
    this.name = "MpiRowError";
  }
}

function showCell(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** Creates an accumulator for record rows (by column name). Throws `MpiDefinitionError` when invalid. */
export function createMpiAccumulator(definition: MpiDefinition): MpiAccumulator<MpiRecord>;
/** Creates an accumulator for positional rows whose cells follow `options.header`. */
export function createMpiAccumulator(
  definition: MpiDefinition,
  options: MpiAccumulatorOptions & { header: readonly string[] },
): MpiAccumulator<MpiCells>;
export function createMpiAccumulator(
  definition: MpiDefinition,
  options: MpiAccumulatorOptions = {},
): MpiAccumulator<MpiRecord | MpiCells> {
  const def = parseMpiDefinition(definition);
  const indicators = def.indicators;
  const d = indicators.length;
  const weights = Float64Array.from(normalisedWeights(def));
  const threshold = def.k - POVERTY_TOLERANCE;
  const cardinal = indicators.every((indicator) => isCardinalRule(indicator.deprivedIf));
  const cutoffs = Float64Array.from(indicators, (indicator) => Number(indicator.deprivedIf.value));
  const sums = new MpiSums(def, weights, cardinal);

  const keys: (string | number)[] = indicators.map((indicator) => indicator.column);
  if (options.header) {
    const header = options.header;
    const missing = indicators.flatMap((indicator, j) =>
      header.includes(indicator.column)
        ? []
        : [
            {
              field: `indicators[${j}].column`,
              message: {
                id: `Kolom "${indicator.column}" (indikator "${indicator.id}") tidak ada di data.`,
                en: `Column "${indicator.column}" (indicator "${indicator.id}") is not in the data.`,
              },
            },
          ],
    );
    if (missing.length > 0) throw new MpiDefinitionError(missing);
    for (let j = 0; j < d; j++) keys[j] = header.indexOf(indicators[j]!.column);
  }

  // Per-row scratch.
  const numbers = new Float64Array(d);
  const rules: CompiledRule[] = indicators.map((indicator, j) =>
    compileRule(indicator.deprivedIf, numbers, j),
  );
  const deprived = new Uint8Array(d);
  let seen = 0;

  const add = (row: MpiRecord | MpiCells, weight = 1, group?: MpiGroupKey): boolean => {
    const rowNumber = seen++;
    if (!(weight > 0 && weight < Number.POSITIVE_INFINITY)) {
      throw new MpiRowError(
        "weight_invalid",
        rowNumber,
        {
          id: `bobot baris ${showCell(weight)} bukan angka positif.`,
          en: `the row weight ${showCell(weight)} is not a positive number.`,
        },
        weight,
      );
    }
    if (group !== undefined) sums.namedGroup = true;
    const cells = row as Record<string | number, unknown>;
    let score = 0;
    for (let j = 0; j < d; j++) {
      const cell = cells[keys[j]!];
      if (isMissingCell(cell)) {
        sums.excluded++;
        sums.excludedWeight += weight;
        sums.groupExcluded[sums.indexOf(group)]! += 1;
        return false;
      }
      const code = rules[j]!(cell);
      if (code === INVALID_VALUE) {
        const indicator = indicators[j]!;
        throw new MpiRowError(
          "not_numeric",
          rowNumber,
          {
            id: `nilai ${showCell(cell)} di kolom "${indicator.column}" (indikator "${indicator.id}", aturan ${indicator.deprivedIf.op}) bukan angka.`,
            en: `value ${showCell(cell)} in column "${indicator.column}" (indicator "${indicator.id}", rule ${indicator.deprivedIf.op}) is not a number.`,
          },
          cell,
          indicator.id,
          indicator.column,
        );
      }
      deprived[j] = code;
      if (code === 1) score += weights[j]!;
    }

    const g = sums.indexOf(group);
    const base = g * d;
    const isPoor = score >= threshold;
    sums.n += weight;
    sums.rows++;
    sums.groupN[g]! += weight;
    sums.groupRows[g]! += 1;
    for (let j = 0; j < d; j++) {
      if (deprived[j] === 0) continue;
      sums.uncensored[j]! += weight;
      sums.groupUncensored[base + j]! += weight;
      if (!isPoor) continue;
      sums.censored[j]! += weight;
      sums.groupCensored[base + j]! += weight;
    }
    if (!isPoor) return true;
    sums.poor += weight;
    sums.groupPoor[g]! += weight;
    if (cardinal) {
      let rowGap = 0;
      let rowGapSquare = 0;
      for (let j = 0; j < d; j++) {
        if (deprived[j] === 0) continue;
        const gap = (cutoffs[j]! - numbers[j]!) / cutoffs[j]!;
        sums.gapSum[j]! += weight * gap;
        sums.gapSquareSum[j]! += weight * gap * gap;
        rowGap += weights[j]! * gap;
        rowGapSquare += weights[j]! * gap * gap;
      }
      sums.groupGap[g]! += weight * rowGap;
      sums.groupGapSquare[g]! += weight * rowGapSquare;
    }
    return true;
  };

  return {
    add,
    get rowsSeen() {
      return seen;
    },
    result: () => sums.result(),
  };
}
