import { describe, expect, it } from "vitest";
import { normalizeName, phoneticKey } from "../../../core/identity/person-name.ts";
import { asciiNameKeys, F, FIELDS, FileCheck, unpack } from "./person-import.check.ts";
import { addressKeyHash, SeenIndex } from "./seen-index.ts";

describe("asciiNameKeys", () => {
  it("equals normalizeName and phoneticKey on ASCII names, and declines the others", () => {
    const cache = new Map<string, [string, string]>();
    const names = [
      "Muhammad Rizki",
      "MOCH RIZQI",
      "M Rizki",
      "m",
      "Rizki M",
      "  Siti   Nur  Fatimah ",
      "Abd Rahman",
      "Soekarno",
      "Djoko Tjahjo",
      "Noor Chusnul Khotimah",
      "Stephanus Yusuf",
      "Abdurrahman",
      "Mhd Sholeh",
      "Rizkie Ramadhan Rizky",
    ];
    for (const name of [...names, ...names]) {
      expect(asciiNameKeys(name, cache)).toEqual([normalizeName(name), phoneticKey(name)]);
    }
    expect(asciiNameKeys("M. Rizki", cache)).toBeNull();
    expect(asciiNameKeys("Ma'ruf", cache)).toBeNull();
    expect(asciiNameKeys("Zoë", cache)).toBeNull();
  });
});

describe("SeenIndex", () => {
  it("remembers the first row of each NIK and KK beyond its initial capacity", () => {
    const seen = new SeenIndex();
    const nik = (i: number) => `31710${String(i).padStart(11, "0")}`;
    let repeats = 0;
    for (let i = 1; i <= 200_000; i++) if (seen.claimNik(nik(i), i + 1) !== undefined) repeats++;
    expect(repeats).toBe(0);
    expect(seen.claimNik(nik(7), 999)).toBe(8);
    expect(seen.firstNik(nik(200_000))).toBe(200_001);
    expect(seen.firstNik("9999999999999999")).toBeUndefined();
    const [a, b] = [addressKeyHash("3171011001|001|002|jl. a"), addressKeyHash("3171011001|001|002|jl. b")];
    expect(a).not.toBe(b);
    expect(Number.isSafeInteger(a) && Number.isSafeInteger(b)).toBe(true);
    expect(seen.addKk("3171010101200001", 2, a)).toBe(0);
    expect(seen.addKk("3171010101200002", 3, b)).toBe(1);
    expect(seen.firstKk("3171010101200001")).toMatchObject({ row: 2, ordinal: 0, key: a });
    expect(seen.firstKk("3171010101200002")).toMatchObject({ row: 3, ordinal: 1, key: b });
    expect(seen.firstKk("3171010101200003")).toBeUndefined();
    expect(seen.kkCount()).toBe(2);
  });
});

describe("FileCheck", () => {
  it("rejects a KK that arrives with a second address, naming the first row; letter case does not count", () => {
    const check = new FileCheck(
      { kelurahan: ["3171011001"], ppks: [], allowedRegions: null, today: null },
      true,
      false,
    );
    check.header([
      "no_kk",
      "nik",
      "nama",
      "jenis_kelamin",
      "tanggal_lahir",
      "hubungan_keluarga",
      "kode_kelurahan",
      "rw",
      "rt",
      "alamat",
    ]);
    const row = (nik: string, rt: string, address: string) => [
      "3171010101200001",
      nik,
      "Budi",
      "L",
      "1990-08-12",
      "kepala keluarga",
      "3171011001",
      "1",
      rt,
      address,
    ];
    check.row(row("3171011208900001", "2", "Jl. Cideng 1"), 2);
    check.row(row("3171011208900002", "2", "JL. CIDENG 1"), 3);
    check.row(row("3171011208900003", "3", "Jl. Cideng 1"), 4);
    check.row(row("3171011208900004", "2", "Jl. Cideng 2"), 5);
    expect(check.problems.map((p) => [p.row, p.code])).toEqual([
      [4, "household_conflict"],
      [5, "household_conflict"],
    ]);
    expect(check.problems[0]?.en).toContain("row 2");
    expect(check.result()).toMatchObject({ read: 4, rejected: 2, households: 1 });
  });

  it("packs every accepted row in order, also when a cell holds the separator after many rows", () => {
    const check = new FileCheck(
      { kelurahan: ["3171011001"], ppks: [], allowedRegions: null, today: null },
      true,
      false,
    );
    check.header(
      ["no_kk", "nik", "nama", "jenis_kelamin", "tanggal_lahir", "hubungan_keluarga"].concat([
        "kode_kelurahan",
        "rw",
        "rt",
        "alamat",
      ]),
    );
    const n = 700;
    const address = (i: number) => (i === 600 ? "Jl. A\u001fB" : `Jl. Cideng ${i}`);
    const batches = [];
    for (let i = 1; i <= n; i++) {
      const kk = `3171010101${String(200000 + i)}`;
      const nik = `317101120890${String(i).padStart(4, "0")}`;
      check.row(
        [kk, nik, `Budi ${"x".repeat(i % 3)}`, "L", "1990-08-12", "anak", "3171011001", "1", "2", address(i)],
        i + 1,
      );
      if (i === 300) batches.push(check.take());
    }
    batches.push(check.take());
    expect(check.problems).toEqual([]);
    // The first batch went as one string; the second, with the separator inside a cell, as fields.
    expect(typeof batches[0]?.packed).toBe("string");
    expect(Array.isArray(batches[1]?.packed)).toBe(true);
    const fields = batches.flatMap((b) => unpack(b));
    expect(fields.length).toBe(n * FIELDS);
    for (let i = 1; i <= n; i++) {
      const at = (i - 1) * FIELDS;
      expect([fields[at + F.ordinal], fields[at + F.nik], fields[at + F.address]]).toEqual([
        String(i - 1),
        `317101120890${String(i).padStart(4, "0")}`,
        address(i),
      ]);
    }
  });
});
