import { describe, expect, it } from "vitest";
import before from "../../../test/fixtures/mpi/ikm-peduli-indicator-set.json" with { type: "json" };
import { DEFAULT_INDICATOR_SET, validateIndicatorSet } from "./default-indicator-set.ts";

describe("the default indicator set (IKM Peduli)", () => {
  // The fixture is the set as it was written out entry by entry before the compact builders;
  // stored sets and assessments depend on it, so the builders must produce exactly the same set.
  it("serialises byte for byte as the set recorded before the compact builders", () => {
    expect(JSON.stringify(DEFAULT_INDICATOR_SET)).toBe(JSON.stringify(before));
    expect(DEFAULT_INDICATOR_SET).toStrictEqual(before);
  });

  it("is a valid stored set whose five dimensions weigh the same", () => {
    expect(validateIndicatorSet(DEFAULT_INDICATOR_SET)).toEqual([]);
    const byDimension = new Map<string, number>();
    for (const i of DEFAULT_INDICATOR_SET.indicators)
      byDimension.set(i.dimension, (byDimension.get(i.dimension) ?? 0) + i.weight);
    expect([...byDimension.keys()]).toEqual(["ekonomi", "pendidikan", "kesehatan", "hunian", "perlindungan"]);
    for (const total of byDimension.values()) expect(total).toBeCloseTo(60, 10);
    expect(DEFAULT_INDICATOR_SET.indicators).toHaveLength(17);
  });
});
