import { describe, expect, it } from "vitest";
import type { PersonRowValue } from "../registry/person-row.ts";
import { differencesOf, type RegistrySide } from "./differences.ts";

const row: PersonRowValue = {
  kkNumber: "3171010101100001",
  nik: "3171014108900001",
  name: "Siti Aminah",
  sex: "P",
  birthDate: "1990-08-01",
  relation: "istri",
  regionCode: "3171011001",
  rw: "001",
  rt: "002",
  address: "Jl. Kenari II No. 5",
  birthPlace: null,
  maritalStatus: null,
  education: null,
  occupation: null,
  monthlyIncome: null,
  disability: null,
  chronicIllness: null,
  healthInsurance: null,
  phone: null,
  ppks: [],
  latitude: null,
  longitude: null,
};

const registry: RegistrySide = {
  nik: row.nik,
  name: "SITI AMINAH",
  nameNormalized: "siti aminah",
  sex: "P",
  birthDate: "1990-08-01",
  relation: "istri",
  regionCode: "3171011001",
  kkNumber: row.kkNumber,
  rw: "001",
  rt: "002",
  address: "JL. KENARI II NO. 5",
};

describe("differences between an extract row and the registry", () => {
  it("finds none when only the case differs", () => {
    expect(differencesOf(row, registry)).toEqual([]);
  });

  it("lists each differing field with both values", () => {
    const found = differencesOf(row, {
      ...registry,
      birthDate: "1990-08-11",
      name: "Siti Aminah Putri",
      nameNormalized: "siti aminah putri",
      rt: "003",
    });
    expect(found).toEqual([
      { field: "nama", registry: "Siti Aminah Putri", dtsen: "Siti Aminah" },
      { field: "tanggal_lahir", registry: "1990-08-11", dtsen: "1990-08-01" },
      {
        field: "alamat",
        registry: "JL. KENARI II NO. 5, RT 003/RW 001",
        dtsen: "Jl. Kenari II No. 5, RT 002/RW 001",
      },
    ]);
  });

  it("compares the address only within the same family card", () => {
    const found = differencesOf(row, { ...registry, kkNumber: "3171010101100099", address: "Jl. Lain 1" });
    expect(found.map((d) => d.field)).toEqual(["no_kk"]);
  });

  it("notes a NIK the registry did not have", () => {
    expect(differencesOf(row, { ...registry, nik: null })).toEqual([
      { field: "nik", registry: null, dtsen: row.nik },
    ]);
  });
});
