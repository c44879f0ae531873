/**
 * The axioms of Alkire & Foster (2011, §4) and the bookkeeping identities, as properties over
 * random definitions and populations.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cardinalDefinition,
  deprivedValue,
  mixedDefinition,
  notDeprivedValue,
  type Population,
  population,
  type Row,
} from "./mpi.arbitraries.test-helper.ts";
import { computeMpi, scoreMpiUnit } from "./mpi.ts";
import { createMpiAccumulator } from "./mpi-accumulator.ts";
import type { MpiDefinition } from "./mpi-definition.ts";
import type { MpiResult } from "./mpi-result.ts";

const EPS = 1e-9;
const RUNS = { numRuns: 300 };

function run(p: Population, options: { weighted?: boolean; grouped?: boolean } = {}): MpiResult {
  return computeMpi(p.rows, p.definition, {
    weight: options.weighted ? (_, i) => p.weights[i] as number : undefined,
    groupBy: options.grouped ? (_, i) => p.groups[i] : undefined,
  });
}

function expectSameMeasures(a: MpiResult, b: MpiResult): void {
  for (const key of ["H", "A", "M0", "M1", "M2"] as const) {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) expect(x).toBe(y);
    else expect(Math.abs(x - y), key).toBeLessThanOrEqual(EPS);
  }
}

/** Index of a poor row and of an indicator it is not deprived in, if any. */
function poorRowWithRoom(p: Population): { i: number; j: number } | null {
  for (let i = 0; i < p.rows.length; i++) {
    const unit = scoreMpiUnit(p.rows[i] as Row, p.definition);
    if (!unit.poor) continue;
    const j = unit.indicators.findIndex((indicator) => indicator.deprived === false);
    if (j >= 0) return { i, j };
  }
  return null;
}

function withCell(p: Population, i: number, column: string, value: unknown): Population {
  const rows = p.rows.map((row, r) => (r === i ? { ...row, [column]: value } : row));
  return { ...p, rows };
}

describe("decomposability and bookkeeping", () => {
  it("Σ_g share_g·M0_g = M0, Σ_g share_g·H_g = H, contributions sum to 1", () => {
    fc.assert(
      fc.property(population(mixedDefinition, { missing: true }), fc.boolean(), (p, weighted) => {
        const r = run(p, { weighted, grouped: true });
        const m0 = r.groups.reduce((sum, g) => sum + g.populationShare * g.M0, 0);
        const h = r.groups.reduce((sum, g) => sum + g.populationShare * g.H, 0);
        expect(Math.abs(m0 - r.M0)).toBeLessThanOrEqual(EPS);
        expect(Math.abs(h - r.H)).toBeLessThanOrEqual(EPS);
        if (r.M0 > 0) {
          const groupShares = r.groups.reduce((sum, g) => sum + (g.contribution ?? 0), 0);
          const indicatorShares = r.indicators.reduce((sum, x) => sum + (x.contribution ?? 0), 0);
          const dimensionShares = r.dimensions.reduce((sum, x) => sum + (x.contribution ?? 0), 0);
          expect(Math.abs(groupShares - 1)).toBeLessThanOrEqual(EPS);
          expect(Math.abs(indicatorShares - 1)).toBeLessThanOrEqual(EPS);
          expect(Math.abs(dimensionShares - 1)).toBeLessThanOrEqual(EPS);
        } else {
          expect(r.indicators.every((x) => x.contribution === null)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("M0 = H·A = Σ_j w_j·h_j(k), M0 ≤ H, and A ≥ k when someone is poor", () => {
    fc.assert(
      fc.property(population(mixedDefinition, { missing: true }), fc.boolean(), (p, weighted) => {
        const r = run(p, { weighted });
        expect(Math.abs(r.M0 - r.H * r.A)).toBeLessThanOrEqual(EPS);
        const viaIndicators = r.indicators.reduce((sum, x) => sum + x.weight * x.censoredHeadcount, 0);
        expect(Math.abs(r.M0 - viaIndicators)).toBeLessThanOrEqual(EPS);
        expect(r.M0).toBeLessThanOrEqual(r.H + EPS);
        if (r.poor > 0) expect(r.A).toBeGreaterThanOrEqual(p.definition.k - EPS);
        for (const x of r.indicators)
          expect(x.censoredHeadcount).toBeLessThanOrEqual(x.uncensoredHeadcount + EPS);
      }),
      RUNS,
    );
  });

  it("cardinal measures: 0 ≤ M2 ≤ M1 ≤ M0 when every gap is at most 1", () => {
    const nonNegative = population(cardinalDefinition).filter((p) =>
      p.rows.every((row) => Object.values(row).every((v) => Number(v) >= 0)),
    );
    fc.assert(
      fc.property(nonNegative, (p) => {
        const r = run(p);
        expect(r.M1).not.toBeNull();
        expect(r.M2 as number).toBeGreaterThanOrEqual(0);
        expect(r.M2 as number).toBeLessThanOrEqual((r.M1 as number) + EPS);
        expect(r.M1 as number).toBeLessThanOrEqual(r.M0 + EPS);
      }),
      RUNS,
    );
  });
});

describe("axioms", () => {
  it("replication invariance: every row repeated r times changes nothing", () => {
    fc.assert(
      fc.property(population(mixedDefinition, { missing: true }), fc.integer({ min: 2, max: 4 }), (p, r) => {
        const repeat = <T>(xs: T[]) => Array.from({ length: r }, () => xs).flat();
        const replicated = {
          ...p,
          rows: repeat(p.rows),
          weights: repeat(p.weights),
          groups: repeat(p.groups),
        };
        expectSameMeasures(run(p, { weighted: true }), run(replicated, { weighted: true }));
      }),
      RUNS,
    );
  });

  it("symmetry: the order of the rows does not matter", () => {
    fc.assert(
      fc.property(population(mixedDefinition, { missing: true }), fc.integer(), (p, seed) => {
        const order = p.rows
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        const shuffled = {
          ...p,
          rows: order.map((i) => p.rows[i] as Row),
          weights: order.map((i) => p.weights[i] as number),
          groups: order.map((i) => p.groups[i] as string),
        };
        expectSameMeasures(run(p, { weighted: true }), run(shuffled, { weighted: true }));
      }),
      RUNS,
    );
  });

  it("an integer row weight w equals the row repeated w times", () => {
    fc.assert(
      fc.property(population(cardinalDefinition, { missing: true }), (p) => {
        const expanded: Population = { definition: p.definition, rows: [], weights: [], groups: [] };
        p.rows.forEach((row, i) => {
          for (let c = 0; c < (p.weights[i] as number); c++) {
            expanded.rows.push(row);
            expanded.weights.push(1);
            expanded.groups.push(p.groups[i] as string);
          }
        });
        const weighted = run(p, { weighted: true, grouped: true });
        const repeated = run(expanded, { grouped: true });
        expectSameMeasures(weighted, repeated);
        expect(weighted.n).toBe(repeated.n);
        expect(weighted.poor).toBe(repeated.poor);
        weighted.groups.forEach((g, i) => {
          expect(Math.abs(g.M0 - (repeated.groups[i]?.M0 ?? Number.NaN))).toBeLessThanOrEqual(EPS);
        });
      }),
      RUNS,
    );
  });

  it("dimensional monotonicity: a new deprivation of a poor unit raises M0", () => {
    fc.assert(
      fc.property(population(mixedDefinition), (p) => {
        const spot = poorRowWithRoom(p);
        fc.pre(spot !== null);
        const { i, j } = spot as { i: number; j: number };
        const indicator = p.definition.indicators[j]!;
        const worse = withCell(p, i, indicator.column, deprivedValue(indicator.deprivedIf));
        expect(run(worse, { weighted: true }).M0).toBeGreaterThan(run(p, { weighted: true }).M0);
      }),
      RUNS,
    );
  });

  it("monotonicity: removing any deprivation never raises M0 (weak monotonicity)", () => {
    fc.assert(
      fc.property(population(mixedDefinition), fc.nat(), fc.nat(), (p, a, b) => {
        fc.pre(p.rows.length > 0);
        const i = a % p.rows.length;
        const indicator = p.definition.indicators[b % p.definition.indicators.length]!;
        const better = withCell(p, i, indicator.column, notDeprivedValue(indicator.deprivedIf));
        expect(run(better).M0).toBeLessThanOrEqual(run(p).M0 + EPS);
      }),
      RUNS,
    );
  });

  it("monotonicity of M1 and M2: a deeper deprivation of a poor unit raises both", () => {
    fc.assert(
      fc.property(population(cardinalDefinition), (p) => {
        const hit = p.rows.flatMap((row, i) => {
          const unit = scoreMpiUnit(row, p.definition);
          const j = unit.indicators.findIndex((x) => x.deprived === true);
          return unit.poor && j >= 0 ? [{ i, j }] : [];
        })[0];
        fc.pre(hit !== undefined);
        const { i, j } = hit as { i: number; j: number };
        const column = p.definition.indicators[j]!.column;
        const deeper = withCell(p, i, column, Number((p.rows[i] as Row)[column]) - 1);
        const before = run(p);
        const after = run(deeper);
        expect(after.M1 as number).toBeGreaterThan(before.M1 as number);
        expect(after.M2 as number).toBeGreaterThan(before.M2 as number);
        expect(Math.abs(after.M0 - before.M0)).toBeLessThanOrEqual(EPS);
      }),
      RUNS,
    );
  });

  it("poverty focus: improving a non-poor unit changes no measure", () => {
    fc.assert(
      fc.property(population(cardinalDefinition), (p) => {
        const i = p.rows.findIndex((row) => scoreMpiUnit(row, p.definition).poor === false);
        fc.pre(i >= 0);
        const improved = { ...p, rows: [...p.rows] };
        improved.rows[i] = Object.fromEntries(
          p.definition.indicators.map((x) => [x.column, notDeprivedValue(x.deprivedIf)]),
        );
        expectSameMeasures(run(p, { weighted: true }), run(improved, { weighted: true }));
      }),
      RUNS,
    );
  });
});

describe("streaming", () => {
  it("positional rows (with a header) give the same result as records", () => {
    fc.assert(
      fc.property(population(mixedDefinition, { missing: true }), (p) => {
        const header = ["extra", ...p.definition.indicators.map((x) => x.column).reverse()];
        const accumulator = createMpiAccumulator(p.definition as MpiDefinition, { header });
        p.rows.forEach((row, i) => {
          accumulator.add(
            header.map((column) => row[column]),
            p.weights[i],
            p.groups[i],
          );
        });
        expect(accumulator.result()).toEqual(run(p, { weighted: true, grouped: true }));
      }),
      RUNS,
    );
  });
});
