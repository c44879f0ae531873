import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePhone, type PhoneResult } from "./phone.ts";

const codes = (result: PhoneResult) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe("normalizePhone: accepted", () => {
  it.each([
    ["08123456789", "+628123456789", "08123456789", "mobile"],
    ["0812-3456-789", "+628123456789", "08123456789", "mobile"],
    ["0812.3456.789", "+628123456789", "08123456789", "mobile"],
    ["+62 812 3456 789", "+628123456789", "08123456789", "mobile"],
    ["+62 (0)812 3456 789", "+628123456789", "08123456789", "mobile"],
    ["628123456789", "+628123456789", "08123456789", "mobile"],
    ["0062 812 3456 789", "+628123456789", "08123456789", "mobile"],
    ["8123456789", "+628123456789", "08123456789", "mobile"],
    ["0812345678", "+62812345678", "0812345678", "mobile"],
    ["0812345678901", "+62812345678901", "0812345678901", "mobile"],
    ["(021) 3456789", "+62213456789", "0213456789", "landline"],
    ["021-345-6789", "+62213456789", "0213456789", "landline"],
    ["021 3456 7890", "+622134567890", "02134567890", "landline"],
    ["+62 21 3456 7890", "+622134567890", "02134567890", "landline"],
    ["0274 512345", "+62274512345", "0274512345", "landline"],
    ["022-123456", "+6222123456", "022123456", "landline"],
    ["0967 12345678", "+6296712345678", "096712345678", "landline"],
  ])("%j → %s", (input, e164, national, kind) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164, national, kind });
  });
});

describe("normalizePhone: rejected", () => {
  it.each([
    ["", "phone_empty"],
    ["  -  ", "phone_empty"],
    ["0812-3456-78a", "phone_not_digits"],
    ["0812 3456 789 ext 2", "phone_not_digits"],
    ["0812/0813 123456", "phone_not_digits"],
    ["62+8123456789", "phone_not_digits"],
    ["081234567", "phone_too_short"],
    ["08123456789012", "phone_too_long"],
    ["02112345", "phone_too_short"],
    ["0211234567890", "phone_too_long"],
    ["0967 123456789", "phone_too_long"],
    ["0", "phone_too_short"],
    ["+62", "phone_too_short"],
    ["0800123456", "phone_invalid_prefix"],
    ["0809123456", "phone_invalid_prefix"],
    ["0112345678", "phone_invalid_prefix"],
    ["00123456789", "phone_not_indonesian"],
    ["+65 9123 4567", "phone_not_indonesian"],
    ["213456789", "phone_invalid_prefix"],
    ["3171011208900001", "phone_invalid_prefix"],
  ])("%j → %s", (input, code) => {
    expect(codes(normalizePhone(input))).toEqual([code]);
  });

  it("names the length that was received", () => {
    const result = normalizePhone("081234567");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons[0]?.id).toBe("Nomor seluler harus 10–13 digit dalam format 08…, diterima 9 digit.");
    expect(result.reasons[0]?.en).toBe("A mobile number must have 10–13 digits in the form 08…, got 9.");
  });
});

describe("normalizePhone: properties", () => {
  const mobile = fc.stringMatching(/^8[1-9][0-9]{7,10}$/);
  const grouped = (digits: string, sep: string) => digits.replace(/(\d{4})(?=\d)/g, `$1${sep}`);

  it("gives the same result for every way of writing a mobile number", () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom("", " ", "-", "."), (subscriber, sep) => {
        const expected = normalizePhone(`0${subscriber}`);
        expect(expected).toEqual({
          ok: true,
          e164: `+62${subscriber}`,
          national: `0${subscriber}`,
          kind: "mobile",
        });
        for (const prefix of ["0", "+62", "62", "0062", "+62 (0)", ""]) {
          expect(normalizePhone(prefix + grouped(subscriber, sep))).toEqual(expected);
        }
      }),
    );
  });

  it("round-trips: the normalised forms normalise to themselves", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{0,18}$/), (input) => {
        const result = normalizePhone(input);
        if (!result.ok) return;
        expect(normalizePhone(result.e164)).toEqual(result);
        expect(normalizePhone(result.national)).toEqual(result);
        expect(result.e164).toMatch(/^\+62[2-9][0-9]{7,11}$/);
      }),
    );
  });

  it("rejects any input containing a letter", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9]{0,8}[A-Za-z][0-9]{0,8}$/), (input) => {
        expect(codes(normalizePhone(input))).toEqual(["phone_not_digits"]);
      }),
    );
  });
});
