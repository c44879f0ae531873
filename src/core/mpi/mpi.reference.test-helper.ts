/**
 * A deliberately naive Alkire–Foster implementation, written apart from the engine and straight
 * from the formulas in docs/mpi.md: it materialises the deprivation matrix, the score vector and
 * the censored matrices, and computes every group by filtering the rows and starting again. Tests
 * compare the engine with it; it shares no code with the engine (not even the rule semantics).
 */
import type { MpiDefinition } from "./mpi-definition.ts";

type Row = Record<string, unknown>;

export interface ReferenceResult {
  n: number;
  rows: number;
  excluded: number;
  poor: number;
  H: number;
  A: number;
  M0: number;
  M1: number | null;
  M2: number | null;
  scores: number[];
  uncensored: number[];
  censored: number[];
  contributions: (number | null)[];
  groups: Map<
    string,
    { n: number; share: number; H: number; A: number; M0: number; contribution: number | null }
  >;
}

function blank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "number") return Number.isNaN(value);
  return typeof value === "string" && value.trim() === "";
}

function asNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") return Number(value.trim());
  return Number.NaN;
}

function same(cell: unknown, target: unknown): boolean {
  if (typeof target === "number") {
    const x = asNumber(cell);
    if (!Number.isNaN(x)) return x === target;
  }
  return String(cell).trim() === String(target);
}

function deprivedIn(cell: unknown, op: string, target: unknown): boolean {
  switch (op) {
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      const y = asNumber(cell);
      if (!Number.isFinite(y)) throw new Error(`not a number: ${String(cell)}`);
      const z = target as number;
      if (op === "lt") return y < z;
      if (op === "lte") return y <= z;
      if (op === "gt") return y > z;
      return y >= z;
    }
    case "eq":
      return same(cell, target);
    case "ne":
      return !same(cell, target);
    case "in":
      return (target as unknown[]).some((t) => same(cell, t));
    default:
      throw new Error(`unknown op ${op}`);
  }
}

/** The measure computed the long way. `weights[i]` and `groups[i]` belong to `rows[i]`. */
export function referenceMpi(
  allRows: Row[],
  definition: MpiDefinition,
  rowWeights?: number[],
  rowGroups?: string[],
): ReferenceResult {
  const ind = definition.indicators;
  const total = ind.map((i) => i.weight).reduce((a, b) => a + b, 0);
  const w = ind.map((i) => i.weight / total);
  const k = definition.k;

  const keep: number[] = [];
  allRows.forEach((row, i) => {
    if (ind.every((indicator) => !blank(row[indicator.column]))) keep.push(i);
  });
  const data = keep.map((i) => allRows[i] as Row);
  const weight = keep.map((i) => (rowWeights ? (rowWeights[i] as number) : 1));

  // Deprivation matrix g0 and score vector c.
  const g0 = data.map((row) =>
    ind.map((indicator) =>
      deprivedIn(row[indicator.column], indicator.deprivedIf.op, indicator.deprivedIf.value) ? 1 : 0,
    ),
  );
  const c = g0.map((gi) => gi.reduce((sum: number, g, j) => sum + (w[j] as number) * g, 0));
  const isPoor = c.map((ci) => ci >= k - 1e-9);

  // Censored matrices.
  const g0k = g0.map((gi, i) => gi.map((g) => (isPoor[i] ? g : 0)));
  const cardinal = ind.every((i) => i.deprivedIf.op === "lt" && (i.deprivedIf.value as number) > 0);
  const g1k = data.map((row, i) =>
    ind.map((indicator, j) => {
      if (!cardinal || !isPoor[i] || g0[i]?.[j] === 0) return 0;
      const z = indicator.deprivedIf.value as number;
      return (z - asNumber(row[indicator.column])) / z;
    }),
  );

  let n = 0;
  let q = 0;
  let sumCk = 0;
  let m1 = 0;
  let m2 = 0;
  data.forEach((_, i) => {
    const wi = weight[i] as number;
    n += wi;
    if (isPoor[i]) {
      q += wi;
      sumCk += wi * (c[i] as number);
    }
    g1k[i]?.forEach((gap, j) => {
      m1 += wi * (w[j] as number) * gap;
      m2 += wi * (w[j] as number) * gap * gap;
    });
  });
  const M0 = n > 0 ? sumCk / n : 0;
  const uncensored = ind.map((_, j) => {
    let s = 0;
    data.forEach((_, i) => {
      s += (weight[i] as number) * (g0[i]?.[j] as number);
    });
    return n > 0 ? s / n : 0;
  });
  const censored = ind.map((_, j) => {
    let s = 0;
    data.forEach((_, i) => {
      s += (weight[i] as number) * (g0k[i]?.[j] as number);
    });
    return n > 0 ? s / n : 0;
  });

  const groups: ReferenceResult["groups"] = new Map();
  if (rowGroups) {
    const names = [...new Set(rowGroups)];
    for (const name of names) {
      const members = allRows.flatMap((_row, i) => (rowGroups[i] === name ? [i] : []));
      const sub = referenceMpi(
        members.map((i) => allRows[i] as Row),
        definition,
        rowWeights ? members.map((i) => rowWeights[i] as number) : undefined,
      );
      groups.set(name, {
        n: sub.n,
        share: n > 0 ? sub.n / n : 0,
        H: sub.H,
        A: sub.A,
        M0: sub.M0,
        contribution: M0 > 0 ? ((sub.n / n) * sub.M0) / M0 : null,
      });
    }
  }

  return {
    n,
    rows: data.length,
    excluded: allRows.length - data.length,
    poor: q,
    H: n > 0 ? q / n : 0,
    A: q > 0 ? sumCk / q : 0,
    M0,
    M1: cardinal ? (n > 0 ? m1 / n : 0) : null,
    M2: cardinal ? (n > 0 ? m2 / n : 0) : null,
    scores: c,
    uncensored,
    censored,
    contributions: censored.map((h, j) => (M0 > 0 ? ((w[j] as number) * h) / M0 : null)),
    groups,
  };
}
