import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importRegionsCsv } from "./regions.service.ts";

/** The reference list of Jakarta Pusat's regions, as published in the domain notes. */
const reference = readFileSync(
  new URL("../../../../test/fixtures/wilayah-3171-reference.csv", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))
  .map(([kode, nama, tingkat]) => ({ code: (kode ?? "").replace(/\./g, ""), name: nama, kind: tingkat }));

describeEachDialect("regions", (ctx) => {
  it("loads the shipped Jakarta Pusat file", async () => {
    const summary = await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    expect(summary).toEqual({ read: 54, inserted: 54, updated: 0 });
    const again = await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    expect(again).toEqual({ read: 54, inserted: 0, updated: 54 });
  });

  it("GET /api/v1/regions/3171 lists 8 kecamatan and 44 kelurahan with official codes and names", async () => {
    const app = await ctx.app();
    const res = await app.inject({ method: "GET", url: "/api/v1/regions/3171" });
    expect(res.statusCode).toBe(200);
    const { region, ancestors } = res.json();
    expect(region.name).toBe("Kota Administrasi Jakarta Pusat");
    expect(ancestors).toEqual([{ code: "31", name: "Daerah Khusus Ibukota Jakarta", kind: "provinsi" }]);
    expect(region.children).toHaveLength(8);
    const kelurahan = region.children.flatMap(
      (k: { children: { code: string; name: string }[] }) => k.children,
    );
    expect(kelurahan).toHaveLength(44);
    const expected = reference
      .filter((r) => r.kind === "kelurahan")
      .map((r) => ({ code: r.code, name: r.name }));
    expect(kelurahan.map((k: { code: string; name: string }) => ({ code: k.code, name: k.name }))).toEqual(
      expected,
    );
    expect(region.children.map((k: { children: unknown[] }) => k.children.length)).toEqual([
      6, 5, 8, 6, 3, 5, 7, 4,
    ]);
  });

  it("accepts dotted codes and limits depth", async () => {
    const app = await ctx.app();
    const res = await app.inject({ method: "GET", url: "/api/v1/regions/31.71.01?depth=0" });
    expect(res.statusCode).toBe(200);
    expect(res.json().region.code).toBe("317101");
    expect(res.json().region.children).toBeUndefined();
    const children = await app.inject({ method: "GET", url: "/api/v1/regions?parent=31.71.01" });
    expect(children.json().items.map((r: { code: string }) => r.code)).toEqual([
      "3171011001",
      "3171011002",
      "3171011003",
      "3171011004",
      "3171011005",
      "3171011006",
    ]);
  });

  it("answers a bad code with 400 naming the field, and an unknown one with 404", async () => {
    const app = await ctx.app();
    const bad = await app.inject({ method: "GET", url: "/api/v1/regions/31.7x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().errors[0].field).toBe("params.code");
    const unknown = await app.inject({
      method: "GET",
      url: "/api/v1/regions/9999",
      headers: { "accept-language": "en" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain("was not found");
  });

  it("rejects a bad region file as a whole and names each row", async () => {
    const before = await ctx.db
      .selectFrom("regions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const csv = [
      "kode,nama,tingkat,kode_induk,kode_pos",
      "32,Jawa Barat,provinsi,,",
      "32.73,Kota Bandung,kota,32,",
      "32.73.01,Sukasari,kecamatan,32.73,",
      "32.73.01.1001,Sarijadi,kelurahan,32.73.01,40151",
      "32.73.01.1002,,kelurahan,32.73.01,40152",
      "32.73.02.1001,Anak Yatim,kelurahan,32.73.02,40111",
      "32.73.01.100,Salah,kelurahan,32.73.01,401",
    ].join("\n");
    const error = await importRegionsCsv(ctx.db, csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).problems.map((p) => p.field);
    expect(fields).toEqual([
      "baris 6, kolom nama",
      "baris 7, kolom kode_induk",
      "baris 8, kolom kode",
      "baris 8, kolom kode_pos",
    ]);
    const after = await ctx.db
      .selectFrom("regions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("loads another city's file with semicolons and dots", async () => {
    const csv =
      "kode;nama;tingkat;kode_induk;kode_pos\n32;Jawa Barat;provinsi;;\n32.73;Kota Bandung;kota;32;\n";
    expect(await importRegionsCsv(ctx.db, csv)).toEqual({ read: 2, inserted: 2, updated: 0 });
    const app = await ctx.app();
    const res = await app.inject({ method: "GET", url: "/api/v1/regions" });
    expect(res.json().items.map((r: { code: string }) => r.code)).toEqual(["31", "32"]);
    expect(res.json().items[0].children[0].children).toHaveLength(8);
    const roots = await app.inject({ method: "GET", url: "/api/v1/regions?depth=0" });
    expect(roots.json().items.map((r: { children?: unknown }) => r.children)).toEqual([undefined, undefined]);
  });
});
