/**
 * The definition of a multidimensional poverty measure (Alkire–Foster): which indicators, how each
 * is weighted, when a unit counts as deprived in it, and the poverty cutoff k. A definition arrives
 * as JSON (an analyst's indicators file, a saved setting), so it is validated here with messages in
 * Indonesian and English that name the offending field.
 */
import type { Bilingual } from "../errors/language.ts";

/** Comparison operators of a deprivation rule. */
export const MPI_RULE_OPS = ["lt", "lte", "gt", "gte", "eq", "ne", "in"] as const;
export type MpiRuleOp = (typeof MPI_RULE_OPS)[number];

/** Operators that compare numbers: the value of the rule and every cell must be numeric. */
export const MPI_NUMERIC_OPS = ["lt", "lte", "gt", "gte"] as const;
export type MpiNumericOp = (typeof MPI_NUMERIC_OPS)[number];

/** A value a categorical rule compares with: numbers compare as numbers, everything else as text. */
export type MpiScalar = string | number | boolean;

/** When a unit is deprived in an indicator: `value op cutoff` holds for its cell. */
export type DeprivationRule =
  | { readonly op: MpiNumericOp; readonly value: number }
  | { readonly op: "eq" | "ne"; readonly value: MpiScalar }
  | { readonly op: "in"; readonly value: readonly MpiScalar[] };

/** One indicator: the column it reads, its dimension, its (relative) weight and its rule. */
export interface IndicatorDefinition {
  readonly id: string;
  readonly column: string;
  readonly dimension: string;
  /** Relative weight: weights are normalised to sum to 1, so 2, 1, 1 means ½, ¼, ¼. */
  readonly weight: number;
  readonly deprivedIf: DeprivationRule;
}

/** A complete measure: indicators and the poverty cutoff k ∈ (0, 1] on the normalised score. */
export interface MpiDefinition {
  readonly k: number;
  readonly indicators: readonly IndicatorDefinition[];
}

/** A problem in a definition: the field path (`indicators[1].weight`) and the message in both languages. */
export interface MpiDefinitionIssue {
  readonly field: string;
  readonly message: Bilingual;
}

/** Thrown when a definition is used although it does not validate; carries every issue found. */
export class MpiDefinitionError extends Error {
  readonly code = "mpi_definition_invalid";
  constructor(readonly issues: readonly MpiDefinitionIssue[]) {
    super(issues.map((i) => `${i.message.id} / ${i.message.en}`).join("\n"));
    this.name = "MpiDefinitionError";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isScalar(value: unknown): value is MpiScalar {
  return typeof value === "string" || typeof value === "boolean" || isFiniteNumber(value);
}

function show(value: unknown): string {
  if (value === undefined) return "kosong/missing";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Validates the poverty cutoff alone (also used for a `--k` given on the command line). */
export function validateMpiCutoff(k: unknown, field = "k"): MpiDefinitionIssue[] {
  if (isFiniteNumber(k) && k > 0 && k <= 1) return [];
  return [
    {
      field,
      message: {
        id: `${field}: batas kemiskinan k harus angka lebih dari 0 dan paling besar 1 (diberikan ${show(k)}).`,
        en: `${field}: the poverty cutoff k must be a number greater than 0 and at most 1 (given ${show(k)}).`,
      },
    },
  ];
}

function validateRule(rule: unknown, field: string, name: string): MpiDefinitionIssue[] {
  const issue = (id: string, en: string, at = field): MpiDefinitionIssue => ({
    field: at,
    message: { id: `${at} (indikator ${name}): ${id}`, en: `${at} (indicator ${name}): ${en}` },
  });
  if (!isRecord(rule)) {
    return [
      issue(
        "aturan deprivasi wajib berupa objek {op, value}.",
        "the deprivation rule must be an object {op, value}.",
      ),
    ];
  }
  const op = rule.op;
  const value = rule.value;
  if (typeof op !== "string" || !(MPI_RULE_OPS as readonly string[]).includes(op)) {
    return [
      issue(
        `operator ${show(op)} tidak dikenal; gunakan salah satu dari ${MPI_RULE_OPS.join(", ")}.`,
        `unknown operator ${show(op)}; use one of ${MPI_RULE_OPS.join(", ")}.`,
        `${field}.op`,
      ),
    ];
  }
  const valueField = `${field}.value`;
  if ((MPI_NUMERIC_OPS as readonly string[]).includes(op)) {
    return isFiniteNumber(value)
      ? []
      : [
          issue(
            `operator ${op} membutuhkan nilai berupa angka (diberikan ${show(value)}).`,
            `operator ${op} needs a numeric value (given ${show(value)}).`,
            valueField,
          ),
        ];
  }
  if (op === "in") {
    if (!Array.isArray(value) || value.length === 0) {
      return [
        issue(
          `operator in membutuhkan daftar nilai yang tidak kosong (diberikan ${show(value)}).`,
          `operator in needs a non-empty list of values (given ${show(value)}).`,
          valueField,
        ),
      ];
    }
    const bad = value.findIndex((v) => !isScalar(v));
    return bad < 0
      ? []
      : [
          issue(
            `anggota daftar harus teks, angka atau boolean (diberikan ${show(value[bad])}).`,
            `list items must be text, numbers or booleans (given ${show(value[bad])}).`,
            `${valueField}[${bad}]`,
          ),
        ];
  }
  return isScalar(value)
    ? []
    : [
        issue(
          `operator ${op} membutuhkan satu nilai teks, angka atau boolean (diberikan ${show(value)}).`,
          `operator ${op} needs a single text, number or boolean value (given ${show(value)}).`,
          valueField,
        ),
      ];
}

function validateIndicator(input: unknown, index: number): MpiDefinitionIssue[] {
  const field = `indicators[${index}]`;
  if (!isRecord(input)) {
    return [
      {
        field,
        message: {
          id: `${field}: indikator wajib berupa objek.`,
          en: `${field}: an indicator must be an object.`,
        },
      },
    ];
  }
  const name = isNonEmptyString(input.id) ? `"${input.id}"` : `#${index + 1}`;
  const issues: MpiDefinitionIssue[] = [];
  const text = (key: "id" | "column" | "dimension", id: string, en: string) => {
    if (isNonEmptyString(input[key])) return;
    const at = `${field}.${key}`;
    issues.push({
      field: at,
      message: {
        id: `${at} (indikator ${name}): ${id} wajib berupa teks yang tidak kosong.`,
        en: `${at} (indicator ${name}): ${en} must be a non-empty text.`,
      },
    });
  };
  text("id", "id", "the id");
  text("column", "nama kolom", "the column name");
  text("dimension", "dimensi", "the dimension");
  const weight = input.weight;
  if (!isFiniteNumber(weight) || weight <= 0) {
    const at = `${field}.weight`;
    issues.push({
      field: at,
      message: {
        id: `${at} (indikator ${name}): bobot harus angka positif yang terhingga (diberikan ${show(weight)}).`,
        en: `${at} (indicator ${name}): the weight must be a positive finite number (given ${show(weight)}).`,
      },
    });
  }
  issues.push(...validateRule(input.deprivedIf, `${field}.deprivedIf`, name));
  return issues;
}

/**
 * Every problem of a definition (an empty list when it is valid): k in (0, 1]; a non-empty list
 * of indicators, each with a non-empty id, column and dimension, a positive finite weight and a
 * known rule whose value fits its operator; no duplicate ids.
 */
export function validateMpiDefinition(input: unknown): MpiDefinitionIssue[] {
  if (!isRecord(input)) {
    return [
      {
        field: "",
        message: {
          id: "Definisi indikator wajib berupa objek {k, indicators}.",
          en: "The indicator definition must be an object {k, indicators}.",
        },
      },
    ];
  }
  const issues = validateMpiCutoff(input.k);
  const indicators = input.indicators;
  if (!Array.isArray(indicators) || indicators.length === 0) {
    issues.push({
      field: "indicators",
      message: {
        id: "indicators: wajib berupa daftar indikator yang tidak kosong.",
        en: "indicators: must be a non-empty list of indicators.",
      },
    });
    return issues;
  }
  const seen = new Map<string, number>();
  indicators.forEach((indicator: unknown, index) => {
    issues.push(...validateIndicator(indicator, index));
    const id = isRecord(indicator) ? indicator.id : undefined;
    if (typeof id !== "string") return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    const at = `indicators[${index}].id`;
    issues.push({
      field: at,
      message: {
        id: `${at}: id "${id}" sudah dipakai oleh indicators[${first}].`,
        en: `${at}: id "${id}" is already used by indicators[${first}].`,
      },
    });
  });
  return issues;
}

/** Returns the input typed as a definition, or throws `MpiDefinitionError` listing every issue. */
export function parseMpiDefinition(input: unknown): MpiDefinition {
  const issues = validateMpiDefinition(input);
  if (issues.length > 0) throw new MpiDefinitionError(issues);
  return input as MpiDefinition;
}

/** Indicator weights scaled to sum to 1, in the order of the definition. */
export function normalisedWeights(definition: MpiDefinition): number[] {
  const total = definition.indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
  return definition.indicators.map((indicator) => indicator.weight / total);
}
