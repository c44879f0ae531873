import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ancestorRegionCodes,
  formatRegionCode,
  isWithinRegion,
  normalizeRegionCode,
  parentRegionCode,
  regionLevelOf,
  servesRegion,
} from "./region-code.ts";

describe("region codes", () => {
  it("accepts codes with or without dots and returns digits", () => {
    expect(normalizeRegionCode("31.71.01.1005")).toBe("3171011005");
    expect(normalizeRegionCode("3171011005")).toBe("3171011005");
    expect(normalizeRegionCode(" 31.71 ")).toBe("3171");
  });

  it("rejects letters and impossible lengths", () => {
    expect(normalizeRegionCode("31.7A")).toBeNull();
    expect(normalizeRegionCode("317")).toBeNull();
    expect(normalizeRegionCode("31710110")).toBeNull();
    expect(normalizeRegionCode("")).toBeNull();
  });

  it("knows levels and parents", () => {
    expect(regionLevelOf("31")).toBe("provinsi");
    expect(regionLevelOf("3171")).toBe("kota");
    expect(regionLevelOf("317101")).toBe("kecamatan");
    expect(regionLevelOf("3171011005")).toBe("kelurahan");
    expect(parentRegionCode("3171011005")).toBe("317101");
    expect(parentRegionCode("317101")).toBe("3171");
    expect(parentRegionCode("3171")).toBe("31");
    expect(parentRegionCode("31")).toBeNull();
  });

  it("lists the regions above a code, nearest first, and none for a province or an invalid code", () => {
    expect(ancestorRegionCodes("3171011005")).toEqual(["317101", "3171", "31"]);
    expect(["3171011005", "317101", "3171", "31"].map((c) => servesRegion(c, "3171011005"))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(servesRegion("3171011006", "3171011005")).toBe(false);
    expect(servesRegion("317102", "3171011005")).toBe(false);
    expect(servesRegion("3171011005", "317101")).toBe(true);
    expect(ancestorRegionCodes("317101")).toEqual(["3171", "31"]);
    expect(ancestorRegionCodes("31")).toEqual([]);
    expect(ancestorRegionCodes("31710110")).toEqual([]);
  });

  it("formats dotted codes", () => {
    expect(formatRegionCode("3171011005")).toBe("31.71.01.1005");
    expect(formatRegionCode("317101")).toBe("31.71.01");
    expect(formatRegionCode("31")).toBe("31");
  });

  it("round-trips formatting for every valid code", () => {
    const code = fc.constantFrom(2, 4, 6, 10).chain((n) => fc.stringMatching(new RegExp(`^\\d{${n}}$`)));
    fc.assert(fc.property(code, (c) => normalizeRegionCode(formatRegionCode(c)) === c));
  });

  it("treats a region as inside itself and its ancestors only", () => {
    expect(isWithinRegion("3171011005", "317101")).toBe(true);
    expect(isWithinRegion("3171011005", "3171011005")).toBe(true);
    expect(isWithinRegion("3171021001", "317101")).toBe(false);
  });
});
