/**
 * Convenience entry points of the Alkire–Foster engine: a whole collection of rows at once, and a
 * single unit (the household score shown offline in the web app). Both run the same compiled rules
 * as the streaming accumulator in mpi-accumulator.ts.
 */
import {
  createMpiAccumulator,
  type MpiGroupKey,
  type MpiRecord,
  POVERTY_TOLERANCE,
} from "./mpi-accumulator.ts";
import { type MpiDefinition, normalisedWeights, parseMpiDefinition } from "./mpi-definition.ts";
import type { MpiResult } from "./mpi-result.ts";
import { compileRule, INVALID_VALUE, isMissingCell } from "./mpi-rule.ts";

export interface ComputeMpiOptions<Row extends MpiRecord> {
  /**
   * Row weight: a column name (its value read as a number) or a function. Each weight must be a
   * positive finite number (household size to count persons, or a survey weight).
   */
  readonly weight?: string | ((row: Row, index: number) => number);
  /** Group of each row: a column name or a function (e.g. a region code cut to a level). */
  readonly groupBy?: string | ((row: Row, index: number) => MpiGroupKey);
}

/**
 * Computes the measure over rows given by column name. Throws `MpiDefinitionError` for an invalid
 * definition and `MpiRowError` (with the 0-based row index) for a non-numeric value under a numeric
 * rule or an invalid row weight. Rows with a missing indicator value are left out and counted.
 */
export function computeMpi<Row extends MpiRecord>(
  rows: Iterable<Row>,
  definition: MpiDefinition,
  options: ComputeMpiOptions<Row> = {},
): MpiResult {
  const accumulator = createMpiAccumulator(definition);
  const { weight, groupBy } = options;
  const weightOf =
    weight === undefined
      ? null
      : typeof weight === "string"
        ? (row: Row) => {
            const value = row[weight];
            return typeof value === "number" ? value : typeof value === "string" ? +value : Number.NaN;
          }
        : weight;
  const groupOf =
    groupBy === undefined
      ? null
      : typeof groupBy === "string"
        ? (row: Row) => {
            const value = row[groupBy];
            return value === undefined ? null : (value as MpiGroupKey);
          }
        : groupBy;
  let index = 0;
  for (const row of rows) {
    accumulator.add(row, weightOf ? weightOf(row, index) : 1, groupOf ? groupOf(row, index) : undefined);
    index++;
  }
  return accumulator.result();
}

/** One unit's assessment. */
export interface MpiUnitScore {
  /** Deprivation score c_i = Σ_j w_j·g_ij (normalised weights); `null` when a value is missing. */
  readonly score: number | null;
  /** c_i ≥ k (within 1e-9); `null` when a value is missing. */
  readonly poor: boolean | null;
  /** Per indicator: deprived or not, `null` when the value is missing. */
  readonly indicators: readonly {
    readonly id: string;
    readonly weight: number;
    readonly deprived: boolean | null;
  }[];
  /** Ids of the indicators whose value is missing. */
  readonly missing: readonly string[];
  /** Ids of the indicators whose value is not a number although the rule compares numbers. */
  readonly invalid: readonly string[];
}

/**
 * Scores a single unit (for a household form, where showing which answers are missing or invalid
 * is more useful than an error). Throws `MpiDefinitionError` for an invalid definition.
 */
export function scoreMpiUnit(row: MpiRecord, definition: MpiDefinition): MpiUnitScore {
  const def = parseMpiDefinition(definition);
  const weights = normalisedWeights(def);
  const numbers = new Float64Array(def.indicators.length);
  const missing: string[] = [];
  const invalid: string[] = [];
  let score = 0;
  const indicators = def.indicators.map((indicator, j) => {
    const cell = row[indicator.column];
    const weight = weights[j]!;
    if (isMissingCell(cell)) {
      missing.push(indicator.id);
      return { id: indicator.id, weight, deprived: null };
    }
    const code = compileRule(indicator.deprivedIf, numbers, j)(cell);
    if (code === INVALID_VALUE) {
      invalid.push(indicator.id);
      return { id: indicator.id, weight, deprived: null };
    }
    score += code * weight;
    return { id: indicator.id, weight, deprived: code === 1 };
  });
  const complete = missing.length === 0 && invalid.length === 0;
  return {
    score: complete ? score : null,
    poor: complete ? score >= def.k - POVERTY_TOLERANCE : null,
    indicators,
    missing,
    invalid,
  };
}
