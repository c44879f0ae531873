import { describe, expect, it } from "vitest";
import type { LocalRecord } from "../local-store.ts";
import { buildPickIndex, normalize, parseQuery, searchPicks } from "./record-search.ts";

const record = (table: string, id: string, data: Record<string, unknown>, seq = 1): LocalRecord => ({
  table: table as LocalRecord["table"],
  id,
  seq,
  regionCode: "3273010001",
  data,
});

const households = [
  record("households", "h1", {
    address: "Gg. Melati No. 12",
    rw: "007",
    rt: "003",
    kkNumber: "3273010101200001",
  }),
  record("households", "h2", {
    address: "Jl. Kebon Kelapa 5",
    rw: "7",
    rt: "4",
    kkNumber: "3273010101200002",
  }),
  record("households", "h3", { address: "Jl. Cempaka 8", rw: "2", rt: "3", kkNumber: null }, 0),
];
const persons = [
  record("persons", "p1", { name: "Siti Rahayu", householdId: "h1" }),
  record("persons", "p2", { name: "Budi Santoso", householdId: "h1" }),
  record("persons", "p3", { name: "Asep Sunandar", householdId: "h2" }),
  record("persons", "p4", { name: "Dédé Kurniasih", householdId: "h3" }),
];
const index = buildPickIndex(households, persons);
const ids = (query: string, entries = index.households, limit?: number) =>
  searchPicks(entries, query, limit).matches.map((m) => m.id);

describe("record search", () => {
  it("normalises case, accents and punctuation", () => {
    expect(normalize("  Gg. MELATI,  No.12 ")).toBe("gg melati no 12");
    expect(normalize("Dédé")).toBe("dede");
  });

  it("reads RW/RT in the ways workers write them, digit runs and words", () => {
    expect(parseQuery("rw 7 rt 3")).toEqual({ rw: 7, rt: 3, numbers: [], words: [] });
    expect(parseQuery("RW07 melati")).toEqual({ rw: 7, rt: null, numbers: [], words: ["melati"] });
    expect(parseQuery("7/3 12")).toEqual({ rw: 7, rt: 3, numbers: [], words: ["12"] });
    expect(parseQuery("0001 siti")).toEqual({ rw: null, rt: null, numbers: ["0001"], words: ["siti"] });
  });

  it("finds a household by part of its address, in any case", () => {
    expect(ids("melati")).toEqual(["h1"]);
    expect(ids("JL")).toEqual(["h2", "h3"]);
    expect(ids("kebon kel")).toEqual(["h2"]);
  });

  it("finds a household by RW/RT as numbers, leading zeros or not", () => {
    expect(ids("rw 7")).toEqual(["h1", "h2"]);
    expect(ids("RW 07 RT 003")).toEqual(["h1"]);
    expect(ids("rt 3")).toEqual(["h1", "h3"]);
    expect(ids("7/4")).toEqual(["h2"]);
    expect(ids("rw 9")).toEqual([]);
  });

  it("finds a household by KK digits, and shows the KK masked", () => {
    expect(ids("200002")).toEqual(["h2"]);
    expect(ids("32730101")).toEqual(["h1", "h2"]);
    const h1 = index.households[0]!;
    expect(h1.detail).toContain("KK\u00a03273••••••••0001");
    expect(h1.detail).not.toContain("3273010101200001");
  });

  it("finds a household by a member's name, accents ignored", () => {
    expect(ids("budi")).toEqual(["h1"]);
    expect(ids("dede")).toEqual(["h3"]);
    expect(ids("siti melati")).toEqual(["h1"]);
    expect(ids("siti kebon")).toEqual([]);
  });

  it("ranks a word start above a match inside a word, then keeps the index order", () => {
    // "maju" starts a word of c ("Maju Jaya") and is inside a word of a ("Sukamaju").
    const entries = buildPickIndex(
      [
        record("households", "a", { address: "Jl. Sukamaju 1", rw: "1", rt: "1" }),
        record("households", "b", { address: "Jl. Mawar 2", rw: "1", rt: "1" }),
        record("households", "c", { address: "Jl. Maju Jaya 3", rw: "1", rt: "1" }),
      ],
      [],
    ).households;
    expect(ids("maju", entries)).toEqual(["c", "a"]);
  });

  it("finds members by name or by their household's address, with the household named", () => {
    expect(ids("asep", index.persons)).toEqual(["p3"]);
    expect(ids("melati", index.persons)).toEqual(["p1", "p2"]);
    expect(ids("rw 7 rt 4", index.persons)).toEqual(["p3"]);
    const siti = index.persons[0]!;
    expect(siti.householdId).toBe("h1");
    expect(siti.detail).toBe("Gg. Melati No. 12 · RW\u00a0007/RT\u00a0003");
  });

  it("marks records made on the phone", () => {
    expect(index.households.map((h) => h.isNew)).toEqual([false, false, true]);
  });

  it("gives at most the limit, with the total, and the first entries for an empty query", () => {
    const many = buildPickIndex(
      Array.from({ length: 7000 }, (_, i) =>
        record("households", `h${i}`, { address: `Jl. Contoh ${i}`, rw: String(i % 12), rt: String(i % 9) }),
      ),
      [],
    ).households;
    const all = searchPicks(many, "contoh");
    expect(all.matches).toHaveLength(20);
    expect(all.total).toBe(7000);
    expect(searchPicks(many, "", 5).matches.map((m) => m.id)).toEqual(["h0", "h1", "h2", "h3", "h4"]);
    expect(searchPicks(many, "contoh 6999").matches.map((m) => m.id)).toEqual(["h6999"]);
  });

  it("searches 7,000 households and 25,000 members in well under a frame", () => {
    const hs = Array.from({ length: 7000 }, (_, i) =>
      record("households", `h${i}`, {
        address: `Jl. Kebon Kelapa Gg. ${i % 97} No. ${i}`,
        rw: String(i % 12),
        rt: String(i % 9),
        kkNumber: `32730101012${String(i).padStart(5, "0")}`,
      }),
    );
    const ps = Array.from({ length: 25000 }, (_, i) =>
      record("persons", `p${i}`, { name: `Warga Nomor ${i}`, householdId: `h${i % 7000}` }),
    );
    const built = buildPickIndex(hs, ps);
    const started = performance.now();
    for (const q of ["k", "ke", "keb", "kebon", "kebon 4", "rw 3 rt 2", "0101206", "warga 2499"])
      searchPicks(built.households, q);
    const perQuery = (performance.now() - started) / 8;
    expect(perQuery).toBeLessThan(16);
  });
});
