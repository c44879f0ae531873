import { describe, expect, it } from "vitest";
import { computeMpi, scoreMpiUnit } from "./mpi.ts";
import { createMpiAccumulator, MpiRowError } from "./mpi-accumulator.ts";
import { type MpiDefinition, MpiDefinitionError } from "./mpi-definition.ts";

/**
 * The example of Alkire & Foster (2011, §2–3; also ch. 5 of the OPHI book): four persons, four
 * equally weighted dimensions, deprived when y_ij < z_j.
 *
 *        y1    y2  y3  y4            g0          c (count)   c (share, w_j = 1/4)
 *   P1   13.1  14  4   1      0  0  0  0        0           0
 *   P2   15.2   7  5   0      0  1  0  1        2           2/4
 *   P3   12.5  10  1   0      1  1  1  1        4           1
 *   P4   20    11  3   1      0  1  0  0        1           1/4
 *   z    13    12  3   1
 *
 * Normalised gaps (z − y)/z where deprived: P2: 5/12 and 1; P3: 0.5/13 = 1/26, 2/12 = 1/6, 2/3, 1;
 * P4: 1/12.
 */
const AF_EXAMPLE_ROWS = [
  { y1: 13.1, y2: 14, y3: 4, y4: 1 },
  { y1: 15.2, y2: 7, y3: 5, y4: 0 },
  { y1: 12.5, y2: 10, y3: 1, y4: 0 },
  { y1: 20, y2: 11, y3: 3, y4: 1 },
];

function afDefinition(k: number): MpiDefinition {
  const z = [13, 12, 3, 1];
  return {
    k,
    indicators: z.map((cutoff, j) => ({
      id: `y${j + 1}`,
      column: `y${j + 1}`,
      dimension: `d${j + 1}`,
      weight: 1,
      deprivedIf: { op: "lt" as const, value: cutoff },
    })),
  };
}

describe("Alkire & Foster (2011) worked example", () => {
  it("k = 2 of 4 (k = 1/2): the paper's H = 1/2, A = 3/4, M0 = 3/8", () => {
    const r = computeMpi(AF_EXAMPLE_ROWS, afDefinition(2 / 4));
    // Poor: P2 (c = 2/4) and P3 (c = 1). H = 2/4; A = (2/4 + 1)/2 = 3/4; M0 = H·A = 3/8.
    expect(r.poor).toBe(2);
    expect(r.H).toBeCloseTo(1 / 2, 12);
    expect(r.A).toBeCloseTo(3 / 4, 12);
    expect(r.M0).toBeCloseTo(3 / 8, 12);
    // M1 = (1/4)(1/4)(5/12 + 1 + 1/26 + 1/6 + 2/3 + 1) = (1/16)(171/52) = 171/832 ≈ 0.2055.
    expect(r.M1).toBeCloseTo(171 / 832, 12);
    // M2 = (1/16)(25/144 + 1 + 1/676 + 1/36 + 4/9 + 1) = (1/16)(21475/8112) = 21475/129792 ≈ 0.1655.
    expect(r.M2).toBeCloseTo(21475 / 129792, 12);
    // Censored headcounts: y1 P3 → 1/4; y2 P2, P3 → 1/2; y3 P3 → 1/4; y4 P2, P3 → 1/2.
    expect(r.indicators.map((x) => x.censoredHeadcount)).toEqual([1 / 4, 1 / 2, 1 / 4, 1 / 2]);
    // Uncensored: y2 also counts the non-poor P4.
    expect(r.indicators.map((x) => x.uncensoredHeadcount)).toEqual([1 / 4, 3 / 4, 1 / 4, 1 / 2]);
    // Contributions w_j·h_j(k)/M0: (1/16)/(3/8) = 1/6 and (1/8)/(3/8) = 1/3.
    const contributions = r.indicators.map((x) => x.contribution as number);
    [1 / 6, 1 / 3, 1 / 6, 1 / 3].forEach((expected, j) => {
      expect(contributions[j]).toBeCloseTo(expected, 12);
    });
  });

  it("k = 1/4 (union approach): H = 3/4, A = 7/12, M0 = 7/16", () => {
    const r = computeMpi(AF_EXAMPLE_ROWS, afDefinition(1 / 4));
    // Poor: P2, P3, P4; A = (2/4 + 1 + 1/4)/3 = 7/12; M0 = (3/4)(7/12) = 7/16.
    expect(r.H).toBeCloseTo(3 / 4, 12);
    expect(r.A).toBeCloseTo(7 / 12, 12);
    expect(r.M0).toBeCloseTo(7 / 16, 12);
    // P4's gap 1/12 joins: M1 = (1/16)(171/52 + 1/12) = (1/16)(263/78) = 263/1248.
    expect(r.M1).toBeCloseTo(263 / 1248, 12);
    // M2 = (1/16)(21475/8112 + 1/144) = (1/16)(64594/24336) = 32297/194688.
    expect(r.M2).toBeCloseTo(32297 / 194688, 12);
  });

  it("k = 3/4 and k = 1 (intersection): only P3 is poor, H = 1/4, A = 1, M0 = 1/4", () => {
    for (const k of [3 / 4, 1]) {
      const r = computeMpi(AF_EXAMPLE_ROWS, afDefinition(k));
      expect(r.H).toBeCloseTo(1 / 4, 12);
      expect(r.A).toBeCloseTo(1, 12);
      expect(r.M0).toBeCloseTo(1 / 4, 12);
      // M1 = (1/16)(1/26 + 1/6 + 2/3 + 1) = (1/16)(73/39) = 73/624.
      expect(r.M1).toBeCloseTo(73 / 624, 12);
      // M2 = (1/16)(1/676 + 1/36 + 4/9 + 1) = (1/16)(8966/6084) = 4483/48672.
      expect(r.M2).toBeCloseTo(4483 / 48672, 12);
    }
  });
});

/**
 * A Peduli-shaped example, by hand: pendapatan (weight 2 → 2/3, deprived below 600 000) and lantai
 * (weight 1 → 1/3, deprived on tanah or bambu), k = 1/2, household size as row weight.
 *
 *   rumah  kel  pendapatan  lantai   size  g0    c     poor
 *   R1     A    500 000     tanah    4     1 1   1     yes
 *   R2     A    700 000     keramik  2     0 0   0     no
 *   R3     B    550 000     keramik  5     1 0   2/3   yes
 *   R4     B    800 000     bambu    3     0 1   1/3   no
 *   R5     B    (empty)     tanah    6     excluded
 *
 * n = 4 + 2 + 5 + 3 = 14 persons; q = 4 + 5 = 9; Σ c(k) = 4·1 + 5·2/3 = 22/3.
 * H = 9/14, A = (22/3)/9 = 22/27, M0 = (22/3)/14 = 11/21.
 * Contributions: pendapatan (2/3)(9/14)/(11/21) = 9/11; lantai (1/3)(4/14)/(11/21) = 2/11.
 * Groups: A n = 6, H = 4/6, A = 1, M0 = 2/3, share of poverty 4/(22/3) = 6/11;
 *         B n = 8, H = 5/8, A = 2/3, M0 = 5/12, share (10/3)/(22/3) = 5/11;
 *         (6/14)(2/3) + (8/14)(5/12) = 11/21 = M0.
 */
const HOUSEHOLDS = [
  { kel: "A", pendapatan: "500000", lantai: "tanah", size: 4 },
  { kel: "A", pendapatan: "700000", lantai: "keramik", size: 2 },
  { kel: "B", pendapatan: 550000, lantai: "keramik", size: 5 },
  { kel: "B", pendapatan: "800000", lantai: "bambu", size: 3 },
  { kel: "B", pendapatan: "", lantai: "tanah", size: 6 },
];
const PEDULI: MpiDefinition = {
  k: 0.5,
  indicators: [
    {
      id: "pendapatan",
      column: "pendapatan",
      dimension: "ekonomi",
      weight: 2,
      deprivedIf: { op: "lt", value: 600000 },
    },
    {
      id: "lantai",
      column: "lantai",
      dimension: "hunian",
      weight: 1,
      deprivedIf: { op: "in", value: ["tanah", "bambu"] },
    },
  ],
};

describe("weighted, grouped example with a categorical rule and a missing cell", () => {
  const r = computeMpi(HOUSEHOLDS, PEDULI, { weight: "size", groupBy: "kel" });

  it("counts persons and leaves out the household with a missing value", () => {
    expect(r.n).toBe(14);
    expect(r.rows).toBe(4);
    expect(r.excluded).toBe(1);
    expect(r.excludedWeight).toBe(6);
    expect(r.poor).toBe(9);
    expect(r.H).toBeCloseTo(9 / 14, 12);
    expect(r.A).toBeCloseTo(22 / 27, 12);
    expect(r.M0).toBeCloseTo(11 / 21, 12);
    expect(r.M1).toBeNull();
    expect(r.M2).toBeNull();
  });

  it("attributes poverty to indicators and dimensions", () => {
    expect(r.indicators.map((x) => x.weight)).toEqual([2 / 3, 1 / 3]);
    expect(r.indicators[0]?.contribution).toBeCloseTo(9 / 11, 12);
    expect(r.indicators[1]?.contribution).toBeCloseTo(2 / 11, 12);
    expect(r.indicators[1]?.uncensoredHeadcount).toBeCloseTo(7 / 14, 12);
    expect(r.indicators[1]?.censoredHeadcount).toBeCloseTo(4 / 14, 12);
    expect(r.dimensions.map((x) => x.dimension)).toEqual(["ekonomi", "hunian"]);
    expect(r.dimensions[0]?.contribution).toBeCloseTo(9 / 11, 12);
  });

  it("decomposes by kelurahan", () => {
    const [a, b] = r.groups;
    expect(a).toMatchObject({ group: "A", n: 6, rows: 2, excluded: 0, poor: 4 });
    expect(b).toMatchObject({ group: "B", n: 8, rows: 2, excluded: 1, poor: 5 });
    expect(a?.H).toBeCloseTo(2 / 3, 12);
    expect(a?.A).toBeCloseTo(1, 12);
    expect(a?.M0).toBeCloseTo(2 / 3, 12);
    expect(a?.contribution).toBeCloseTo(6 / 11, 12);
    expect(b?.populationShare).toBeCloseTo(8 / 14, 12);
    expect(b?.A).toBeCloseTo(2 / 3, 12);
    expect(b?.M0).toBeCloseTo(5 / 12, 12);
    expect(b?.contribution).toBeCloseTo(5 / 11, 12);
  });

  it("scores one household for the offline form", () => {
    expect(scoreMpiUnit(HOUSEHOLDS[2]!, PEDULI)).toMatchObject({
      poor: true,
      missing: [],
      indicators: [
        { id: "pendapatan", deprived: true },
        { id: "lantai", deprived: false },
      ],
    });
    expect(scoreMpiUnit(HOUSEHOLDS[2]!, PEDULI).score).toBeCloseTo(2 / 3, 12);
    expect(scoreMpiUnit(HOUSEHOLDS[4]!, PEDULI)).toMatchObject({
      score: null,
      poor: null,
      missing: ["pendapatan"],
    });
    expect(scoreMpiUnit({ pendapatan: "lima", lantai: "tanah" }, PEDULI)).toMatchObject({
      poor: null,
      invalid: ["pendapatan"],
    });
  });
});

describe("edge cases and errors", () => {
  it("reports zeros and null contributions when nobody is poor or nobody is counted", () => {
    const none = computeMpi([{ pendapatan: 900000, lantai: "keramik" }], PEDULI);
    expect(none).toMatchObject({ n: 1, poor: 0, H: 0, A: 0, M0: 0 });
    expect(none.indicators.map((x) => x.contribution)).toEqual([null, null]);
    const empty = computeMpi([], afDefinition(0.5));
    expect(empty).toMatchObject({ n: 0, H: 0, A: 0, M0: 0, M1: 0, M2: 0, groups: [] });
  });

  it("treats a score equal to k as poor despite rounding (1/3 + 1/3 + 1/3 ≥ 1)", () => {
    const def: MpiDefinition = {
      k: 1,
      indicators: ["a", "b", "c"].map((id) => ({
        id,
        column: id,
        dimension: id,
        weight: 1,
        deprivedIf: { op: "eq" as const, value: 1 },
      })),
    };
    expect(computeMpi([{ a: 1, b: "1", c: " 1.0 " }], def).poor).toBe(1);
  });

  it("rejects a non-numeric value under a numeric rule, naming row and column, and counts nothing", () => {
    const accumulator = createMpiAccumulator(PEDULI);
    accumulator.add({ pendapatan: 1, lantai: "tanah" });
    let error: unknown;
    try {
      accumulator.add({ pendapatan: "1.000.000", lantai: "tanah" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MpiRowError);
    expect(error).toMatchObject({
      problem: "not_numeric",
      row: 1,
      column: "pendapatan",
      indicatorId: "pendapatan",
    });
    expect((error as MpiRowError).message).toContain("Baris data ke-2");
    expect((error as MpiRowError).detail.en).toContain('"1.000.000"');
    expect(accumulator.result().n).toBe(1);
  });

  it("rejects row weights that are not positive finite numbers", () => {
    const accumulator = createMpiAccumulator(PEDULI);
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => accumulator.add({ pendapatan: 1, lantai: "x" }, weight)).toThrow(MpiRowError);
    }
    expect(() => computeMpi([{ pendapatan: 1, lantai: "x", w: "" }], PEDULI, { weight: "w" })).toThrow(
      /bobot baris/,
    );
  });

  it("rejects invalid definitions and missing header columns", () => {
    expect(() => computeMpi([], { k: 0, indicators: [] })).toThrow(MpiDefinitionError);
    expect(() => createMpiAccumulator(PEDULI, { header: ["pendapatan"] })).toThrow(/Column "lantai"/);
  });
});
