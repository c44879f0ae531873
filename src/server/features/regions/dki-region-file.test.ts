import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { type RegionRecord, validateRegionRows } from "../../../core/region/region-file.ts";
import { DEMO_REGION_FILE, DKI_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importRegionsCsv } from "./regions.service.ts";

function rowsOf(file: string): Record<string, string>[] {
  return parse(readShippedData(file), { columns: true, skip_empty_lines: true });
}

function validated(file: string): RegionRecord[] {
  const { regions, problems } = validateRegionRows(rowsOf(file), new Set());
  expect(problems).toEqual([]);
  return regions;
}

describe("the shipped DKI Jakarta region file", () => {
  const regions = validated(DKI_REGION_FILE);
  const count = (kinds: string[]) => regions.filter((r) => kinds.includes(r.kind)).length;

  it("passes the region-file validation with no region known beforehand", () => {
    expect(regions).toHaveLength(318);
  });

  it("has 1 province, 6 kota/kabupaten, 44 kecamatan and 267 kelurahan (Kepmendagri 2025 totals)", () => {
    expect(count(["provinsi"])).toBe(1);
    expect(count(["kota", "kabupaten"])).toBe(6);
    expect(regions.filter((r) => r.kind === "kabupaten").map((r) => r.code)).toEqual(["3101"]);
    expect(count(["kecamatan"])).toBe(44);
    expect(count(["kelurahan"])).toBe(267);
    expect(count(["desa"])).toBe(0);
  });

  it("lists the six kota/kabupaten of DKI Jakarta by their Kemendagri codes", () => {
    const cities = regions
      .filter((r) => r.parentCode === "31")
      .map((r) => [formatRegionCode(r.code), r.name]);
    expect(cities).toEqual([
      ["31.01", "Kabupaten Administrasi Kepulauan Seribu"],
      ["31.71", "Kota Administrasi Jakarta Pusat"],
      ["31.72", "Kota Administrasi Jakarta Utara"],
      ["31.73", "Kota Administrasi Jakarta Barat"],
      ["31.74", "Kota Administrasi Jakarta Selatan"],
      ["31.75", "Kota Administrasi Jakarta Timur"],
    ]);
  });

  it("gives every child a code that starts with its parent's, and a parent that is in the file", () => {
    const codes = new Set(regions.map((r) => r.code));
    for (const r of regions.filter((x) => x.kind !== "provinsi")) {
      expect(r.parentCode, r.code).not.toBeNull();
      expect(codes.has(r.parentCode as string), r.code).toBe(true);
      expect(r.code.startsWith(r.parentCode as string), r.code).toBe(true);
      expect(r.code.length, r.code).toBeGreaterThan((r.parentCode as string).length);
    }
  });

  it("gives every kelurahan a postal code and no other level one", () => {
    for (const r of regions) {
      if (r.kind === "kelurahan") expect(r.postalCode, r.code).toMatch(/^\d{5}$/);
      else expect(r.postalCode, r.code).toBeNull();
    }
  });

  it("carries the Jakarta Pusat rows exactly as the Jakarta Pusat file", () => {
    const pusat = rowsOf(DEMO_REGION_FILE);
    const inDki = rowsOf(DKI_REGION_FILE).filter((r) => r.kode === "31" || r.kode?.startsWith("31.71"));
    const byCode = (a: Record<string, string>, b: Record<string, string>) =>
      (a.kode ?? "").localeCompare(b.kode ?? "");
    expect(pusat).toHaveLength(54);
    expect([...inDki].sort(byCode)).toEqual([...pusat].sort(byCode));
  });
});

describeEachDialect("DKI Jakarta region import", (ctx) => {
  it("loads the whole province on top of the Jakarta Pusat file, updating its 54 rows in place", async () => {
    expect(await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE))).toEqual({
      read: 54,
      inserted: 54,
      updated: 0,
    });
    expect(await importRegionsCsv(ctx.db, readShippedData(DKI_REGION_FILE))).toEqual({
      read: 318,
      inserted: 264,
      updated: 54,
    });
    const rows = await ctx.db
      .selectFrom("regions")
      .select(["kind", (eb) => eb.fn.countAll<number | string>().as("n")])
      .groupBy("kind")
      .orderBy("kind")
      .execute();
    expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
      ["kabupaten", 1],
      ["kecamatan", 44],
      ["kelurahan", 267],
      ["kota", 5],
      ["provinsi", 1],
    ]);
    const menteng = await ctx.db
      .selectFrom("regions")
      .select(["name", "parent_code", "postal_code"])
      .where("code", "=", "3171061001")
      .executeTakeFirstOrThrow();
    expect(menteng).toEqual({ name: "Menteng", parent_code: "317106", postal_code: "10310" });
  });
});
