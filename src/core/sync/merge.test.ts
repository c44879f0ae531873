import { describe, expect, it } from "vitest";
import { mergeEdit, overlayEdits, sameValue, scopeFingerprint } from "./merge.ts";

describe("mergeEdit", () => {
  const current = { name: "Siti", occupation: "pedagang", phone: null, income: 1_500_000 };
  const cases: {
    title: string;
    edits: Record<string, { base: unknown; value: unknown }>;
    apply: Record<string, unknown>;
    unchanged: string[];
    conflicts: string[];
  }[] = [
    {
      title: "a field still at its base takes the new value",
      edits: { occupation: { base: "pedagang", value: "buruh_harian" } },
      apply: { occupation: "buruh_harian" },
      unchanged: [],
      conflicts: [],
    },
    {
      title: "a field already holding the new value is left alone",
      edits: { occupation: { base: "lainnya", value: "pedagang" } },
      apply: {},
      unchanged: ["occupation"],
      conflicts: [],
    },
    {
      title: "a field someone else changed is a conflict",
      edits: { occupation: { base: "lainnya", value: "asn" } },
      apply: {},
      unchanged: [],
      conflicts: ["occupation"],
    },
    {
      title: "null and an absent value are the same base",
      edits: { phone: { base: undefined, value: "0812" } },
      apply: { phone: "0812" },
      unchanged: [],
      conflicts: [],
    },
    {
      title: "different fields merge while the same field conflicts",
      edits: { name: { base: "Siti", value: "Siti Aminah" }, income: { base: 1_000_000, value: 900_000 } },
      apply: { name: "Siti Aminah" },
      unchanged: [],
      conflicts: ["income"],
    },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const out = mergeEdit(current, c.edits);
      expect(out.apply).toEqual(c.apply);
      expect(out.unchanged).toEqual(c.unchanged);
      expect(out.conflicts.map((x) => x.field)).toEqual(c.conflicts);
    });
  }

  it("reports both values of a conflict", () => {
    expect(mergeEdit(current, { income: { base: 1, value: 2 } }).conflicts).toEqual([
      { field: "income", serverValue: 1_500_000, clientValue: 2 },
    ]);
  });
});

describe("overlayEdits, sameValue, scopeFingerprint", () => {
  it("lays pending edits over the server copy in order", () => {
    const out = overlayEdits({ a: 1, b: 2 }, [{ a: { base: 1, value: 3 } }, { a: { base: 3, value: 4 } }]);
    expect(out).toEqual({ a: 4, b: 2 });
  });
  it("compares JSON values", () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue({ x: [1] }, { x: [1] })).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });
  it("names a scope", () => {
    expect(scopeFingerprint({ kind: "region", regionCode: "3171011001" })).toBe("region:3171011001");
    expect(scopeFingerprint({ kind: "all" })).toBe("all");
  });
});
