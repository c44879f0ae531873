import { describe, expect, it } from "vitest";
import { classifyFamily } from "./candidates.ts";

const notPoor = { score: 0.1, isPoor: false, deprived: ["sanitasi"] };
const poor = { score: 0.6, isPoor: true, deprived: ["pendapatan", "sanitasi", "air_minum"] };

describe("DTSEN candidate lists", () => {
  it("lists a low-desil family that Peduli finds not poor as a possible inclusion error", () => {
    const c = classifyFamily({ desil: 2, assessment: notPoor, ppks: [] });
    expect(c?.kind).toBe("inklusi");
    expect(c?.reasons.map((r) => r.code)).toEqual(["low_desil", "not_poor"]);
    expect(c?.reasons[1]?.id).toContain("sanitasi");
  });

  it("lists a poor or PPKS family in a high desil, or absent, as a possible exclusion error", () => {
    expect(classifyFamily({ desil: 8, assessment: poor, ppks: [] })?.kind).toBe("eksklusi");
    expect(
      classifyFamily({ desil: null, assessment: null, ppks: ["08"] })?.reasons.map((r) => r.code),
    ).toEqual(["not_in_dtsen", "ppks"]);
  });

  it("leaves agreement, desil 5 and unassessed low-desil families off both lists", () => {
    expect(classifyFamily({ desil: 2, assessment: poor, ppks: [] })).toBeNull();
    expect(classifyFamily({ desil: 2, assessment: null, ppks: [] })).toBeNull();
    expect(classifyFamily({ desil: 5, assessment: poor, ppks: ["08"] })).toBeNull();
    expect(classifyFamily({ desil: 9, assessment: notPoor, ppks: [] })).toBeNull();
    expect(classifyFamily({ desil: null, assessment: null, ppks: [] })).toBeNull();
  });

  it("orders by how strong the disagreement is", () => {
    const strength = (desil: number | null, a = poor) =>
      classifyFamily({ desil, assessment: a, ppks: [] })?.strength ?? 0;
    expect(strength(1, notPoor)).toBeGreaterThan(strength(4, notPoor));
    expect(strength(null)).toBeGreaterThan(strength(10));
    expect(strength(10)).toBeGreaterThan(strength(6));
    expect(strength(1, notPoor)).toBeLessThanOrEqual(1);
  });
});
