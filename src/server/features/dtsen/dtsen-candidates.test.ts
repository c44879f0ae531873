import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { ALL_REGIONS, regionScope } from "../../db/scope.ts";
import { DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { importAssessments } from "../assessments/assessment-import.service.ts";
import { importPersons } from "../imports/person-import.service.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { dtsenCandidates } from "./dtsen-candidates.service.ts";
import { importDtsen } from "./dtsen-import.service.ts";

const KK = (n: number) => `317101010120000${n}`;
const REGISTRY = `no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat,ppks
${KK(1)},3171010101700001,Andi Wijaya,L,1970-01-01,kepala_keluarga,3171011001,001,001,Jl. Satu 1,
${KK(2)},3171010202700002,Bambang Sutrisno,L,1970-02-02,kepala_keluarga,3171011001,001,001,Jl. Dua 2,
${KK(3)},3171010303400003,Cahyo Nugroho,L,1940-03-03,kepala_keluarga,3171011001,002,001,Jl. Tiga 3,08
${KK(4)},3171010404700004,Dedi Kurniawan,L,1970-04-04,kepala_keluarga,3171011002,001,001,Jl. Empat 4,
${KK(4)},3171014505720005,Endang Lestari,P,1972-05-05,istri,3171011002,001,001,Jl. Empat 4,
${KK(5)},3171010606700006,Fajar Hidayat,L,1970-06-06,kepala_keluarga,3171011002,001,001,Jl. Lima 5,
`;
const HEADER =
  "kk,tanggal,pendapatan_per_kapita,kepala_tidak_bekerja,tanpa_tabungan,pendidikan_kepala,anak_tidak_sekolah,makan_per_hari,rawan_pangan,sakit_tanpa_jaminan,luas_lantai_per_orang,lantai,dinding,jamban,air_minum,penerangan,bahan_bakar,anggota_tanpa_jkn,anggota_tanpa_nik";
const POOR = "400000,ya,ya,sd,tidak,2,ya,tidak,5,tanah,tembok,bersama,pam,pln_450,gas,ya,tidak";
const FINE =
  "1500000,tidak,tidak,sma,tidak,3,tidak,tidak,12,keramik,tembok,sendiri,pam,pln_900,gas,tidak,tidak";
const ASSESSMENTS = [
  HEADER,
  `${KK(1)},2026-11-02,${FINE}`,
  `${KK(2)},2026-11-02,${POOR}`,
  `${KK(4)},2026-11-02,${POOR}`,
  `${KK(5)},2026-11-02,${FINE}`,
].join("\n");
// Andi desil 2 (inclusion), Bambang desil 8 (exclusion), Cahyo absent (exclusion: PPKS),
// Dedi desil 3 and poor (agreement; his wife is recorded dead in Peduli), Fajar desil 9 and not
// poor (agreement; the extract puts him in another kelurahan).
const EXTRACT = `no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan_keluarga,kode_kelurahan,rw,rt,alamat,desil
${KK(1)},3171010101700001,Andi Wijaya,L,1970-01-01,1,3171011001,001,001,Jl. Satu 1,2
${KK(2)},3171010202700002,Bambang Sutrisno,L,1970-02-02,1,3171011001,001,001,Jl. Dua 2,8
${KK(4)},3171010404700004,Dedi Kurniawan,L,1970-04-04,1,3171011002,001,001,Jl. Empat 4,3
${KK(4)},3171014505720005,Endang Lestari,P,1972-05-05,3,3171011002,001,001,Jl. Empat 4,3
${KK(5)},3171010606700006,Fajar Hidayat,L,1970-06-06,1,3171011003,001,001,Jl. Lima 5,9
`;

describeEachDialect("DTSEN candidate lists", (ctx) => {
  it("finds the planted inclusion and exclusion cases and the data problems, each family once", async () => {
    const target = { db: ctx.db, sqlite: ctx.handle.sqlite };
    await importRegionsCsv(ctx.db, readShippedData(DEMO_REGION_FILE));
    await importPersons(target, { buffer: Buffer.from(REGISTRY) });
    const assessed = await importAssessments(ctx.db, { buffer: Buffer.from(ASSESSMENTS) });
    expect(assessed.problems).toEqual([]);
    await ctx.db
      .updateTable("persons")
      .set({ died_at: "2026-10-01" })
      .where("nik", "=", "3171014505720005")
      .execute();
    await importDtsen(target, { buffer: Buffer.from(EXTRACT) }, { period: "2026-Q4" });

    const lists = await dtsenCandidates(ctx.db, ALL_REGIONS, "2026-q4");
    expect(lists.period).toBe("2026-Q4");
    expect(lists.inclusion.map((c) => [c.kkNumber, c.desil, c.headName])).toEqual([
      [KK(1), 2, "Andi Wijaya"],
    ]);
    expect(lists.inclusion[0]?.reasons.map((r) => r.code)).toEqual(["low_desil", "not_poor"]);
    // Absent from the extract counts as beyond desil 10: Cahyo comes before Bambang (desil 8).
    expect(lists.exclusion.map((c) => c.kkNumber)).toEqual([KK(3), KK(2)]);
    expect(lists.exclusion[0]?.reasons.map((r) => r.code)).toEqual(["not_in_dtsen", "ppks"]);
    expect(lists.exclusion[1]?.reasons.map((r) => r.code)).toEqual(["high_desil", "poor"]);
    const all = [...lists.inclusion, ...lists.exclusion].map((c) => c.householdId);
    expect(new Set(all).size).toBe(all.length);

    expect(lists.data.map((p) => [p.name, p.kinds])).toEqual([
      ["Endang Lestari", ["meninggal"]],
      ["Fajar Hidayat", ["pindah"]],
    ]);
    expect(lists.data[0]?.nik).not.toContain("4505");

    // A kelurahan's lists hold only its own families.
    const one = await dtsenCandidates(ctx.db, regionScope("3171011002"), "2026-Q4");
    expect([...one.inclusion, ...one.exclusion]).toEqual([]);
    expect(one.data.map((p) => p.name)).toEqual(["Endang Lestari", "Fajar Hidayat"]);
  });
});
