import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskNik, type NikResult, nikMatchesPerson, parseNik } from "./nik.ts";

/** Fixed reference date so century choices do not drift as the years pass. */
const TODAY = new Date(2025, 5, 15);
const parse = (input: string) => parseNik(input, { today: TODAY });
const codes = (result: NikResult) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe("parseNik: valid numbers", () => {
  it.each([
    // input, birthDate, sex, why
    ["3171011208900001", "1990-08-12", "L", "male, day as is"],
    ["3171015208900001", "1990-08-12", "P", "female, day + 40"],
    ["3171014101000001", "2000-01-01", "P", "female, first day (41)"],
    ["3171017112990001", "1999-12-31", "P", "female, last day (71)"],
    ["3171010101250001", "2025-01-01", "L", "20YY when not after today"],
    ["3171011506250001", "2025-06-15", "L", "born today is not in the future"],
    ["3171011606250001", "1925-06-16", "L", "19YY when 20YY would be tomorrow"],
    ["3171012902000001", "2000-02-29", "L", "29 February in leap year 2000"],
    ["3171012902960001", "1996-02-29", "L", "29 February in leap year 1996"],
    ["1101013107459999", "1945-07-31", "L", "31-day month, province 11"],
    ["9999993004800001", "1980-04-30", "L", "highest region code"],
  ])("%s → %s %s (%s)", (input, birthDate, sex) => {
    const result = parse(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.birthDate).toBe(birthDate);
    expect(result.sex).toBe(sex);
  });

  it("returns every part of the number", () => {
    expect(parse("3171011208900001")).toEqual({
      ok: true,
      nik: "3171011208900001",
      regionCode: "317101",
      provinceCode: "31",
      regencyCode: "3171",
      birthDate: "1990-08-12",
      sex: "L",
      serial: "0001",
      warnings: [],
    });
  });

  it.each([
    "31.71.01.120890.0001",
    "3171 0112 0890 0001",
    "3171-0112-0890-0001",
    " 3171011208900001 ",
    "3171\u00a001\t120890–0001",
  ])("accepts separators: %j", (input) => {
    const result = parse(input);
    expect(result.ok && result.nik).toBe("3171011208900001");
  });

  it("defaults today to the current date", () => {
    const yy = String(new Date().getFullYear() % 100).padStart(2, "0");
    const result = parseNik(`3171010101${yy}0001`);
    expect(result.ok && result.birthDate).toBe(`${new Date().getFullYear()}-01-01`);
  });
});

describe("parseNik: rejections", () => {
  it.each([
    ["3171011213900001", ["nik_month_invalid"], "month 13"],
    ["3171011200900001", ["nik_month_invalid"], "month 00"],
    ["3171010008900001", ["nik_day_invalid"], "day 00"],
    ["3171013208900001", ["nik_day_invalid"], "day 32"],
    ["3171014008900001", ["nik_day_invalid"], "day 40"],
    ["3171017208900001", ["nik_day_invalid"], "day 72"],
    ["3171013002900001", ["nik_date_invalid"], "30 February"],
    ["3171017002900001", ["nik_date_invalid"], "30 February, female"],
    ["3171012902990001", ["nik_date_invalid"], "29 February 1999"],
    ["3171013104900001", ["nik_date_invalid"], "31 April"],
    ["3171011208900000", ["nik_serial_zero"], "serial 0000"],
    ["3171011213900000", ["nik_month_invalid", "nik_serial_zero"], "bad month and serial 0000 together"],
    ["0071011208900001", ["nik_province_invalid"], "province 00"],
    ["1071011208900001", ["nik_province_invalid"], "province 10"],
    ["3100011208900001", ["nik_regency_invalid"], "regency 00"],
    ["3171001208900001", ["nik_district_invalid"], "kecamatan 00"],
    [
      "0000007213990000",
      [
        "nik_province_invalid",
        "nik_regency_invalid",
        "nik_district_invalid",
        "nik_day_invalid",
        "nik_month_invalid",
        "nik_serial_zero",
      ],
      "everything wrong at once",
    ],
    ["317101120890001", ["nik_length"], "15 digits"],
    ["31710112089000011", ["nik_length"], "17 digits"],
    ["", ["nik_empty"], "empty"],
    [" . - ", ["nik_empty"], "only separators"],
    ["3171O11208900001", ["nik_not_digits"], "letter O for zero, right length"],
    ["3171O1120890001", ["nik_not_digits", "nik_length"], "letter and wrong length"],
    ["3171/01/120890/0001", ["nik_not_digits", "nik_length"], "slashes are not separators"],
    ["３１７１０１１２０８９００００１", ["nik_not_digits"], "full-width digits"],
  ])("%j → %j (%s)", (input, expected) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(expected);
  });

  it("treats 29 February 00 as 2000 now, but as 1900 (no leap day) before 2000", () => {
    expect(parseNik("3171012902000001", { today: new Date(2025, 0, 1) }).ok).toBe(true);
    expect(codes(parseNik("3171012902000001", { today: new Date(1999, 11, 31) }))).toEqual([
      "nik_date_invalid",
    ]);
  });

  it("names what is wrong in both languages", () => {
    const result = parse("317101120890001");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons[0]).toEqual({
      code: "nik_length",
      id: "NIK harus 16 digit, diterima 15 digit.",
      en: "NIK must be 16 digits, got 15 digits.",
    });
    const month = parse("3171011213900001");
    expect(month.ok || month.reasons[0]?.id).toContain("diterima 13");
    expect(month.ok || month.reasons[0]?.en).toContain("got 13");
    const feb = parse("3171013002900001");
    expect(feb.ok || feb.reasons[0]?.id).toContain("30 Februari 1990");
    expect(feb.ok || feb.reasons[0]?.en).toContain("30 February 1990");
    const letter = parse("3171O11208900001");
    expect(letter.ok || letter.reasons[0]?.id).toContain('"O"');
  });
});

describe("parseNik: region warnings", () => {
  const known = new Set(["317101", "317102"]);
  const knownRegion = (code: string) => known.has(code);

  it("warns without rejecting when the kecamatan is unknown", () => {
    const result = parseNik("3171991208900001", { today: TODAY, knownRegion });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(["nik_region_unknown"]);
    expect(result.warnings[0]?.id).toContain("31.71.99");
  });

  it("is silent for a known kecamatan or without a list", () => {
    expect(parseNik("3171011208900001", { today: TODAY, knownRegion }).warnings).toEqual([]);
    expect(parseNik("3171991208900001", { today: TODAY }).warnings).toEqual([]);
  });

  it("still warns next to other reasons, but never looks up a malformed code", () => {
    const asked: string[] = [];
    const spy = (code: string) => {
      asked.push(code);
      return false;
    };
    const badSerial = parseNik("3171991208900000", { today: TODAY, knownRegion: spy });
    expect(codes(badSerial)).toEqual(["nik_serial_zero"]);
    expect(badSerial.warnings.map((w) => w.code)).toEqual(["nik_region_unknown"]);
    expect(parseNik("3100011208900001", { today: TODAY, knownRegion: spy }).warnings).toEqual([]);
    expect(asked).toEqual(["317199"]);
  });
});

/** Builds a NIK from its parts, the way Dukcapil does. */
function buildNik(region: string, year: number, month: number, day: number, sex: "L" | "P", serial: number) {
  const dd = sex === "P" ? day + 40 : day;
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${region}${p2(dd)}${p2(month)}${p2(year % 100)}${String(serial).padStart(4, "0")}`;
}

const regionArb = fc
  .tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
  .map((parts) => parts.map((n) => String(n).padStart(2, "0")).join(""));

/** Birth dates NIK can express unambiguously relative to TODAY: the 100 years up to and including it. */
const birthArb = fc
  .integer({ min: Date.UTC(1925, 5, 16), max: Date.UTC(2025, 5, 15) })
  .map((ms) => new Date(Math.floor(ms / 86_400_000) * 86_400_000));

describe("parseNik: properties", () => {
  it("parses any generated valid NIK back to the parts it was built from", () => {
    fc.assert(
      fc.property(
        regionArb,
        birthArb,
        fc.constantFrom("L" as const, "P" as const),
        fc.integer({ min: 1, max: 9999 }),
        (region, date, sex, serial) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const nik = buildNik(region, y, m, d, sex, serial);
          const result = parse(nik);
          expect(result).toEqual({
            ok: true,
            nik,
            regionCode: region,
            provinceCode: region.slice(0, 2),
            regencyCode: region.slice(0, 4),
            birthDate: date.toISOString().slice(0, 10),
            sex,
            serial: nik.slice(12),
            warnings: [],
          });
        },
      ),
    );
  });

  it("rejects any input containing a letter", () => {
    const digitsAround = fc.string({ unit: fc.constantFrom(..."0123456789 .-"), maxLength: 20 });
    fc.assert(
      fc.property(digitsAround, fc.stringMatching(/^\p{L}$/u), digitsAround, (before, letter, after) => {
        const result = parse(before + letter + after);
        expect(codes(result)).toContain("nik_not_digits");
      }),
    );
  });

  it("either accepts any 16 digits or gives reasons, and accepted ones re-encode to themselves", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16}$/), (nik) => {
        const result = parse(nik);
        if (!result.ok) {
          expect(result.reasons.length).toBeGreaterThan(0);
          return;
        }
        const [y, m, d] = result.birthDate.split("-").map(Number) as [number, number, number];
        expect(buildNik(result.regionCode, y, m, d, result.sex, Number(result.serial))).toBe(nik);
      }),
    );
  });
});

describe("maskNik", () => {
  it("shows the first and last four digits", () => {
    expect(maskNik("3171011208900003")).toBe("3171••••••••0003");
    expect(maskNik("3171.01.120890.0003")).toBe("3171••••••••0003");
  });

  it("hides everything when the input is not a 16-digit number", () => {
    expect(maskNik("317101120890003")).toBe("••••••••••••••••");
    expect(maskNik("abc")).toBe("••••••••••••••••");
    expect(maskNik("")).toBe("••••••••••••••••");
  });

  it("always keeps 16 characters and reveals at most 8 digits, all in place", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{16}$/), fc.string()), (input) => {
        const masked = maskNik(input);
        expect(masked).toHaveLength(16);
        const shown = [...masked].filter((c) => c !== "•");
        expect(shown.length === 0 || shown.length === 8).toBe(true);
        if (shown.length === 8) {
          expect(masked.slice(0, 4) + masked.slice(12)).toBe(input.slice(0, 4) + input.slice(12));
        }
      }),
    );
  });
});

describe("nikMatchesPerson", () => {
  const parsed = { birthDate: "1990-08-12", sex: "P" as const };

  it("agrees with matching or missing stored data", () => {
    expect(nikMatchesPerson(parsed, { birthDate: "1990-08-12", sex: "P" })).toEqual([]);
    expect(nikMatchesPerson(parsed, {})).toEqual([]);
    expect(nikMatchesPerson(parsed, { birthDate: null, sex: null })).toEqual([]);
    expect(nikMatchesPerson(parsed, { birthDate: "" })).toEqual([]);
  });

  it("ignores the century, which the NIK does not encode", () => {
    const old = { birthDate: "2020-08-12", sex: "L" as const };
    expect(nikMatchesPerson(old, { birthDate: "1920-08-12", sex: "L" })).toEqual([]);
  });

  it("lists each disagreement in both languages", () => {
    const reasons = nikMatchesPerson(parsed, { birthDate: "1990-08-13", sex: "L" });
    expect(reasons.map((r) => r.code)).toEqual(["nik_birth_date_mismatch", "nik_sex_mismatch"]);
    expect(reasons[0]?.id).toBe(
      "Tanggal lahir pada NIK (12 Agustus 1990) tidak sama dengan data tersimpan (13 Agustus 1990).",
    );
    expect(reasons[0]?.en).toBe(
      "The birth date in the NIK (12 August 1990) differs from the stored one (13 August 1990).",
    );
    expect(reasons[1]?.id).toContain("(perempuan)");
    expect(reasons[1]?.en).toContain("(male)");
  });

  it("reports a stored date it cannot read instead of guessing", () => {
    expect(nikMatchesPerson(parsed, { birthDate: "12/08/1990" }).map((r) => r.code)).toEqual([
      "nik_birth_date_unreadable",
    ]);
  });

  it("accepts the result of parseNik directly", () => {
    const result = parse("3171015208900001");
    if (!result.ok) throw new Error("expected a valid NIK");
    expect(nikMatchesPerson(result, { birthDate: "1990-08-12", sex: "P" })).toEqual([]);
  });
});
