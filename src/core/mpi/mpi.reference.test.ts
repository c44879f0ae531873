import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cardinalDefinition,
  mixedDefinition,
  type Population,
  population,
} from "./mpi.arbitraries.test-helper.ts";
import { referenceMpi } from "./mpi.reference.test-helper.ts";
import { computeMpi } from "./mpi.ts";

const TOLERANCE = 1e-9;

function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

function compare(p: Population, weighted: boolean, grouped: boolean): void {
  const engine = computeMpi(p.rows, p.definition, {
    weight: weighted ? (_, i) => p.weights[i] as number : undefined,
    groupBy: grouped ? (_, i) => p.groups[i] : undefined,
  });
  const reference = referenceMpi(
    p.rows,
    p.definition,
    weighted ? p.weights : undefined,
    grouped ? p.groups : undefined,
  );

  expect(engine.rows).toBe(reference.rows);
  expect(engine.excluded).toBe(reference.excluded);
  for (const key of ["n", "poor", "H", "A", "M0", "M1", "M2"] as const) {
    close(engine[key], reference[key], key);
  }
  engine.indicators.forEach((indicator, j) => {
    close(indicator.uncensoredHeadcount, reference.uncensored[j] as number, `${indicator.id} uncensored`);
    close(indicator.censoredHeadcount, reference.censored[j] as number, `${indicator.id} censored`);
    close(
      indicator.contribution,
      reference.contributions[j] as number | null,
      `${indicator.id} contribution`,
    );
  });
  if (!grouped) {
    expect(engine.groups).toEqual([]);
    return;
  }
  expect(engine.groups.map((g) => g.group)).toEqual([...reference.groups.keys()].sort());
  for (const group of engine.groups) {
    const expected = reference.groups.get(group.group);
    if (!expected) throw new Error(`unexpected group ${group.group}`);
    close(group.n, expected.n, `${group.group} n`);
    close(group.populationShare, expected.share, `${group.group} share`);
    close(group.H, expected.H, `${group.group} H`);
    close(group.A, expected.A, `${group.group} A`);
    close(group.M0, expected.M0, `${group.group} M0`);
    close(group.contribution, expected.contribution, `${group.group} contribution`);
  }
}

describe("engine and naive reference agree to 1e-9", () => {
  it("on mixed numeric and categorical indicators with missing cells, weights and groups", () => {
    fc.assert(
      fc.property(
        population(mixedDefinition, { missing: true, maxRows: 40 }),
        fc.boolean(),
        fc.boolean(),
        (p, w, g) => compare(p, w, g),
      ),
      { numRuns: 400 },
    );
  });

  it("on cardinal indicators (M1 and M2)", () => {
    fc.assert(
      fc.property(population(cardinalDefinition, { missing: true, maxRows: 40 }), fc.boolean(), (p, g) =>
        compare(p, true, g),
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with the individual scores of the reference", () => {
    fc.assert(
      fc.property(population(mixedDefinition), (p) => {
        const reference = referenceMpi(p.rows, p.definition);
        const poorByScore = reference.scores.filter((c) => c >= p.definition.k - 1e-9).length;
        expect(computeMpi(p.rows, p.definition).poor).toBe(poorByScore);
      }),
      { numRuns: 200 },
    );
  });
});
