/**
 * Deprivation rules compiled into small closures, once per definition, so that the per-row work
 * is a call and a comparison: no parsing of the rule, no allocation.
 *
 * Cell semantics (shared by every caller: CSV files, database rows, the offline web score):
 * - missing: `undefined`, `null`, `NaN`, `""` and text of only spaces;
 * - numeric rules (lt, lte, gt, gte) read numbers and numeric text (as `Number()` does, spaces
 *   around allowed); anything else is invalid, not missing, because a typo must not silently
 *   shrink the population;
 * - eq, ne, in compare numerically when the rule's value is a number and the cell reads as one,
 *   and otherwise as text (`String(cell)`, trimmed), so "01" ≠ "1" but "600000" = 600000.
 */
import type { DeprivationRule, MpiScalar } from "./mpi-definition.ts";

/** Result codes of a compiled rule. */
export const NOT_DEPRIVED = 0;
export const DEPRIVED = 1;
/** The cell is not a number although the rule compares numbers. */
export const INVALID_VALUE = -1;

/**
 * A compiled rule: `DEPRIVED`, `NOT_DEPRIVED` or `INVALID_VALUE` for a cell that is not missing.
 * Numeric rules also store the number read into `numbers[slot]` (for the gap measures M1, M2).
 */
export type CompiledRule = (cell: unknown) => number;

/** True for the values that count as a missing cell. */
export function isMissingCell(cell: unknown): boolean {
  if (cell === undefined || cell === null) return true;
  if (typeof cell === "string") {
    return cell.length === 0 || (hasOuterSpace(cell) && cell.trim().length === 0);
  }
  return typeof cell === "number" && Number.isNaN(cell);
}

/** Cheap pre-test for `trim()`: true when an end is an ASCII control/space or any non-ASCII character. */
function hasOuterSpace(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first >= 127 || last >= 127;
}

/** A cell read as a number (`NaN` when it is not one); `Number()` semantics for text. */
export function cellToNumber(cell: unknown): number {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string") return +cell;
  return Number.NaN;
}

/** A cell as comparison text: `String(cell)` without surrounding spaces. */
function cellToText(cell: unknown): string {
  const text = typeof cell === "string" ? cell : String(cell);
  return text.length > 0 && hasOuterSpace(text) ? text.trim() : text;
}

/** Up to this many values an `in` list is tried with `===` one by one, beyond it with a Set. */
const LINEAR_LIMIT = 16;

/**
 * Membership in a list of values (`eq` is membership in a list of one). The hot path for a text cell
 * is plain `===` against each value written as text: a match is settled (for a number value, equal
 * text means an equal number), and a miss is settled too when the cell has no surrounding spaces
 * and the list holds no number, so the common case needs no trimming, number parsing or hashing.
 * Everything else takes `slow`, which applies the full semantics.
 */
function compileMember(values: readonly MpiScalar[]): (cell: unknown) => boolean {
  const exact = values.map((value) => String(value));
  const exactSet = new Set(exact);
  const linear = exact.length <= LINEAR_LIMIT;
  const texts = new Set(values.filter((value) => typeof value !== "number").map((value) => String(value)));
  const numbers = new Set(values.filter((value): value is number => typeof value === "number"));
  const slow = (cell: unknown): boolean => {
    if (typeof cell === "number") return numbers.has(cell) || texts.has(String(cell));
    if (numbers.size > 0) {
      const number = cellToNumber(cell);
      if (!Number.isNaN(number) && numbers.has(number)) return true;
    }
    return texts.has(cellToText(cell));
  };
  return (cell) => {
    if (typeof cell === "string") {
      if (linear) {
        for (let i = 0; i < exact.length; i++) if (cell === exact[i]) return true;
      } else if (exactSet.has(cell)) return true;
      if (numbers.size === 0 && !hasOuterSpace(cell)) return false;
    }
    return slow(cell);
  };
}

/** The comparison of a numeric rule, one function per operator so that each stays branch-free. */
function numericTest(op: "lt" | "lte" | "gt" | "gte", z: number): (y: number) => boolean {
  if (op === "lt") return (y) => y < z;
  if (op === "lte") return (y) => y <= z;
  if (op === "gt") return (y) => y > z;
  return (y) => y >= z;
}

/** A categorical rule as a predicate "deprived" on a cell that is not missing. */
function categoricalTest(rule: DeprivationRule): (cell: unknown) => boolean {
  if (rule.op === "in") return compileMember(rule.value);
  const member = compileMember([rule.value as MpiScalar]);
  return rule.op === "eq" ? member : (cell) => !member(cell);
}

function isNumericRule(
  rule: DeprivationRule,
): rule is Extract<DeprivationRule, { op: "lt" | "lte" | "gt" | "gte" }> {
  return rule.op === "lt" || rule.op === "lte" || rule.op === "gt" || rule.op === "gte";
}

/**
 * Compiles a (validated) rule for one cell at a time. Numeric rules write the number read into
 * `numbers[slot]`, so a caller computing gaps needs no second parse.
 */
export function compileRule(rule: DeprivationRule, numbers: Float64Array, slot: number): CompiledRule {
  if (isNumericRule(rule)) {
    const test = numericTest(rule.op, rule.value);
    return (cell) => {
      const y = typeof cell === "number" ? cell : typeof cell === "string" ? +cell : Number.NaN;
      numbers[slot] = y;
      if (y - y !== 0) return INVALID_VALUE;
      return test(y) ? DEPRIVED : NOT_DEPRIVED;
    };
  }
  const test = categoricalTest(rule);
  return (cell) => (test(cell) ? DEPRIVED : NOT_DEPRIVED);
}

/** True when the rule is cardinal in the sense of the gap measures: `lt` a positive cutoff z. */
export function isCardinalRule(rule: DeprivationRule): boolean {
  return rule.op === "lt" && rule.value > 0;
}
