import { describe, expect, it } from "vitest";
import { problemsCsv } from "./import-upload.ts";
import { exportHref, householdSearch, personSearch, registryFiltersFrom } from "./registry.queries.ts";
import { ageOn, maskedNumber } from "./registry-format.ts";
import { checkHouseholdForm, checkPersonForm, type PersonFormValues } from "./registry-forms.ts";

const person: PersonFormValues = {
  nik: "",
  noNik: true,
  name: "Siti  Aminah",
  sex: "P",
  birthPlace: "",
  birthDate: "2015-03-04",
  relation: "anak",
  maritalStatus: "",
  education: "",
  occupation: "",
  monthlyIncome: "",
  disability: "",
  chronicIllness: "",
  healthInsurance: "pbi",
  phone: "",
};

describe("registry forms use the import's row rules", () => {
  it("accepts a person without NIK and sends no NIK", () => {
    const checked = checkPersonForm(person, "id", new Date("2026-01-01"));
    expect(checked.ok && checked.body).toMatchObject({
      nik: null,
      name: "Siti Aminah",
      healthInsurance: "pbi",
    });
  });

  it("reports a bad NIK, a future birth date and a missing sex in the chosen language", () => {
    const checked = checkPersonForm(
      { ...person, noNik: false, nik: "123", sex: "", birthDate: "2030-01-01" },
      "en",
      new Date("2026-01-01"),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(["birthDate", "nik", "sex"]);
    expect(checked.errors.birthDate?.[0]).toBe("Birth date 2030-01-01 is in the future.");
    expect(checked.errors.sex?.[0]).toBe("Column jenis_kelamin is required.");
  });

  it("lets a household go without KK but checks a KK that is given, and RW/RT", () => {
    const base = {
      kkNumber: "",
      regionCode: "3171011005",
      rw: "7",
      rt: "3",
      address: "Jl. Kebon Kelapa  No. 5",
      latitude: "-6.17",
      longitude: "106.81",
    };
    const ok = checkHouseholdForm(base, "id");
    expect(ok.ok && ok.body).toEqual({
      kkNumber: null,
      regionCode: "3171011005",
      rw: "7",
      rt: "3",
      address: "Jl. Kebon Kelapa No. 5",
      latitude: -6.17,
      longitude: 106.81,
    });
    const bad = checkHouseholdForm({ ...base, kkNumber: "12", rt: "0" }, "id");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.kkNumber?.length).toBeGreaterThan(0);
      expect(bad.errors.rt).toEqual(['RT harus angka 1–999, diterima "0".']);
    }
  });
});

describe("registry list filters", () => {
  it("read the address bar, page on the server and export within the filters", () => {
    const f = registryFiltersFrom(
      new URLSearchParams(
        "view=jiwa&region=31.71.01.1005&rw=07&ppks=8&q=3171 0112 3456 0001&page=3&ageMin=x",
      ),
    );
    expect(f).toMatchObject({ view: "jiwa", region: "3171011005", rw: "07", ppks: "8", page: 3 });
    expect(f.ageMin).toBeUndefined();
    expect(personSearch(f)).toBe("region=3171011005&rw=07&ppks=8&q=3171011234560001&limit=20&offset=40");
    expect(householdSearch({ ...f, q: "Jl. Melati" })).toBe(
      "region=3171011005&rw=07&q=Jl.+Melati&limit=20&offset=40",
    );
    expect(exportHref(f, "xlsx")).toBe("/api/v1/persons/export?format=xlsx&region=3171011005&rw=07&ppks=8");
  });
});

describe("registry display helpers", () => {
  it("mask whole numbers, keep masked ones and count whole years", () => {
    expect(maskedNumber("3171012345670001")).toBe("3171••••••••0001");
    expect(maskedNumber("3171••••••••0001")).toBe("3171••••••••0001");
    expect(ageOn("2000-06-15", new Date(2026, 5, 14))).toBe(25);
    expect(ageOn("2000-06-15", new Date(2026, 5, 15))).toBe(26);
    expect(ageOn(null)).toBeNull();
  });

  it("write the import error report as CSV with both languages", () => {
    const csv = problemsCsv(
      [
        {
          row: 3,
          column: "nik",
          value: "12,3",
          code: "nik_length",
          message: { id: "NIK salah", en: "Bad NIK" },
        },
      ],
      "id",
    );
    expect(csv).toBe(
      '\uFEFFbaris,kolom,nilai,kode,alasan,reason\r\n3,nik,"12,3",nik_length,NIK salah,Bad NIK\r\n',
    );
  });
});
