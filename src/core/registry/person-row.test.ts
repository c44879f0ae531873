import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPersonHeader, parseFlexibleDate, validatePersonRow } from "./person-row.ts";

const context = {
  knownKelurahan: (code: string) => code === "3171011001",
  knownPpks: (code: string) => /^(0[1-9]|1\d|2[0-6])$/.test(code),
  today: new Date(2026, 10, 28),
};

const valid = {
  no_kk: "3171-0101-0120-0001",
  nik: "3171011208900001",
  nama: "  Muhammad   Rizki ",
  jenis_kelamin: "l",
  tanggal_lahir: "12/08/1990",
  hubungan_keluarga: "Kepala Keluarga",
  kode_kelurahan: "31.71.01.1001",
  rw: "1",
  rt: "12",
  alamat: "Jl. Cideng Barat 12",
  penghasilan: "Rp 1.500.000",
  ppks: "8; 24",
  no_hp: "0812 3456 7890",
};

describe("person import row", () => {
  it("normalises a valid row to stored forms", () => {
    const result = validatePersonRow(valid, context);
    expect(result.ok && result.value).toMatchObject({
      kkNumber: "3171010101200001",
      name: "Muhammad Rizki",
      sex: "L",
      birthDate: "1990-08-12",
      relation: "kepala_keluarga",
      regionCode: "3171011001",
      rw: "001",
      rt: "012",
      monthlyIncome: 1_500_000,
      ppks: ["08", "24"],
      phone: "081234567890",
    });
  });

  it.each([
    ["2024-02-30", null],
    ["2024-02-29", "2024-02-29"],
    ["29-02-2023", null],
    ["01/03/2023", "2023-03-01"],
    ["2023/03/01", null],
  ])("reads the date %s as %s", (raw, expected) => {
    expect(parseFlexibleDate(raw)).toBe(expected);
  });

  it("reads every written form of a date alike, and accepts exactly the calendar's days", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
          const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
          const real = d >= 1 && d <= days;
          const expected = real ? iso : null;
          expect(parseFlexibleDate(iso)).toBe(expected);
          expect(parseFlexibleDate(` ${pad(y, 4)}-${m}-${d} `)).toBe(expected);
          expect(parseFlexibleDate(`${pad(d, 2)}-${pad(m, 2)}-${pad(y, 4)}`)).toBe(expected);
          expect(parseFlexibleDate(`${d}/${m}/${pad(y, 4)}`)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(parseFlexibleDate("1900-02-29")).toBeNull();
    expect(parseFlexibleDate("2000-02-29")).toBe("2000-02-29");
    expect(parseFlexibleDate("2024-1a-01")).toBeNull();
    expect(parseFlexibleDate("2024-001-01")).toBeNull();
  });

  it("reports every problem of a row with its column, in Indonesian and English", () => {
    const result = validatePersonRow(
      {
        ...valid,
        nik: "3171011213900003",
        jenis_kelamin: "X",
        kode_kelurahan: "3171099999",
        ppks: "27",
        rw: "0",
      },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([
      ["nik", "nik_month_invalid"],
      ["jenis_kelamin", "sex_invalid"],
      ["kode_kelurahan", "kelurahan_unknown"],
      ["rw", "rw_invalid"],
      ["ppks", "ppks_unknown"],
    ]);
    for (const p of result.problems) {
      expect(p.id.length).toBeGreaterThan(10);
      expect(p.en.length).toBeGreaterThan(10);
    }
  });

  it("accepts only the listed codes of an enumeration, not names every object has", () => {
    for (const value of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const result = validatePersonRow({ ...valid, pendidikan: value, hubungan_keluarga: value }, context);
      expect(!result.ok && result.problems.map((p) => [p.column, p.code])).toEqual([
        ["hubungan_keluarga", "enum_invalid"],
        ["pendidikan", "enum_invalid"],
      ]);
    }
    const spelled = validatePersonRow(
      { ...valid, pendidikan: " S1 ", hubungan_keluarga: "Kepala-Keluarga" },
      context,
    );
    expect(spelled.ok && [spelled.value.education, spelled.value.relation]).toEqual([
      "s1",
      "kepala_keluarga",
    ]);
  });

  it("keeps cells with runs of spaces or other white space as one space, and others as they are", () => {
    const result = validatePersonRow(
      {
        ...valid,
        nama: " Siti\u00a0Nur   Aini ",
        alamat: "Jl.\tKramat  Raya 5",
        kode_kelurahan: "31.71.01.1001",
      },
      context,
    );
    expect(result.ok && [result.value.name, result.value.address, result.value.regionCode]).toEqual([
      "Siti Nur Aini",
      "Jl. Kramat Raya 5",
      "3171011001",
    ]);
  });

  it("rejects a birth date in the future and names missing required cells", () => {
    const result = validatePersonRow({ ...valid, tanggal_lahir: "2027-01-01", alamat: "" }, context);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(["required", "date_in_future"]);
  });

  it("checks the header: order free, names normalised, unknown columns listed", () => {
    const header = checkPersonHeader(["NIK", "No KK", "nama", "Jenis-Kelamin", "warna"]);
    expect(header.columns.slice(0, 4)).toEqual(["nik", "no_kk", "nama", "jenis_kelamin"]);
    expect(header.unknown).toEqual(["warna"]);
    expect(header.missing).toEqual([
      "tanggal_lahir",
      "hubungan_keluarga",
      "kode_kelurahan",
      "rw",
      "rt",
      "alamat",
    ]);
  });
});
