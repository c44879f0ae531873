import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type KkResult, parseKkNumber } from "./kk.ts";

const codes = (result: KkResult) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe("parseKkNumber", () => {
  it("returns the number and the kecamatan of issuance", () => {
    expect(parseKkNumber("3171012503150007")).toEqual({
      ok: true,
      kkNumber: "3171012503150007",
      regionCode: "317101",
      warnings: [],
    });
  });

  it.each(["31.71.01.250315.0007", "3171 0125 0315 0007", "3171-0125-0315-0007"])(
    "accepts separators: %j",
    (input) => {
      const result = parseKkNumber(input);
      expect(result.ok && result.kkNumber).toBe("3171012503150007");
    },
  );

  it.each([
    ["", ["kk_empty"]],
    ["317101250315007", ["kk_length"]],
    ["31710125031500071", ["kk_length"]],
    ["3171O12503150007", ["kk_not_digits"]],
    ["KK3171012503150007", ["kk_not_digits", "kk_length"]],
    ["0571012503150007", ["kk_province_invalid"]],
    ["3100012503150007", ["kk_regency_invalid"]],
    ["3171002503150007", ["kk_district_invalid"]],
    ["3171012503150000", ["kk_serial_zero"]],
    [
      "0000002503150000",
      ["kk_province_invalid", "kk_regency_invalid", "kk_district_invalid", "kk_serial_zero"],
    ],
  ])("%j → %j", (input, expected) => {
    expect(codes(parseKkNumber(input))).toEqual(expected);
  });

  it("does not read the middle digits as a date (their layout is not documented)", () => {
    expect(parseKkNumber("3171019999990001").ok).toBe(true);
  });

  it("speaks of the KK number in its messages", () => {
    const result = parseKkNumber("317101250315007");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons[0]).toEqual({
      code: "kk_length",
      id: "Nomor KK harus 16 digit, diterima 15 digit.",
      en: "KK number must be 16 digits, got 15 digits.",
    });
    const serial = parseKkNumber("3171012503150000");
    expect(serial.ok || serial.reasons[0]?.id).toBe(
      "Nomor urut pada nomor KK (digit 13–16) tidak boleh 0000.",
    );
  });

  it("warns, without rejecting, about a kecamatan the caller does not know", () => {
    const knownRegion = (code: string) => code.startsWith("3171") && code <= "317108";
    const unknown = parseKkNumber("3171092503150007", { knownRegion });
    expect(unknown.ok).toBe(true);
    expect(unknown.warnings.map((w) => w.code)).toEqual(["kk_region_unknown"]);
    expect(unknown.warnings[0]?.en).toContain("31.71.09");
    expect(parseKkNumber("3171082503150007", { knownRegion }).warnings).toEqual([]);
  });

  it("accepts every 16-digit number with a plausible prefix and a non-zero serial", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (kk) => {
        const plausible =
          Number(kk.slice(0, 2)) >= 11 &&
          kk.slice(2, 4) !== "00" &&
          kk.slice(4, 6) !== "00" &&
          !kk.endsWith("0000");
        const result = parseKkNumber(kk);
        expect(result.ok).toBe(plausible);
        if (result.ok) expect(result.regionCode).toBe(kk.slice(0, 6));
      }),
    );
  });

  it("rejects any input containing a letter", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,8}[A-Za-z][0-9]{0,8}$/), (input) => {
        expect(codes(parseKkNumber(input))).toContain("kk_not_digits");
      }),
    );
  });
});
