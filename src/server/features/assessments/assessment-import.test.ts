import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { seedDemo } from "../demo/demo.service.ts";
import { importAssessments } from "./assessment-import.service.ts";

const HEADER =
  "kk,tanggal,pendapatan_per_kapita,kepala_tidak_bekerja,tanpa_tabungan,pendidikan_kepala,anak_tidak_sekolah,makan_per_hari,rawan_pangan,sakit_tanpa_jaminan,luas_lantai_per_orang,lantai,dinding,jamban,air_minum,penerangan,bahan_bakar,anggota_tanpa_jkn,anggota_tanpa_nik";
const POOR = "400000,ya,ya,sd,tidak,2,ya,tidak,5,tanah,tembok,bersama,pam,pln_450,gas,ya,tidak";
const FINE =
  "1500000,tidak,tidak,sma,tidak,3,tidak,tidak,12,keramik,tembok,sendiri,pam,pln_900,gas,tidak,tidak";

describeEachDialect("assessment import", (ctx) => {
  it("checks every row first, writes nothing when one is rejected, and writes the rest with skipInvalid", async () => {
    await seedDemo(ctx.db, { households: 20, seed: 5 });
    const kks = (
      await ctx.db
        .selectFrom("households")
        .select("kk_number")
        .where("kk_number", "is not", null)
        .orderBy("id")
        .limit(2)
        .execute()
    ).map((h) => h.kk_number);
    const before = (
      await ctx.db
        .selectFrom("assessments")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
    const csv = [
      HEADER,
      `${kks[0]},2026-11-02,${POOR}`,
      `${kks[1]},2026-11-03,${FINE}`,
      `3171000000000000,2026-11-03,${FINE.replace("keramik", "").replace("1500000", "banyak")}`,
    ].join("\n");
    const source = { buffer: Buffer.from(csv) };
    const atomic = await importAssessments(ctx.db, source);
    expect(atomic.written).toBe(false);
    expect(atomic.summary).toEqual({ read: 3, inserted: 0, rejected: 1 });
    expect(atomic.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, "kk", "household_not_found"],
      [4, "lantai", "answer_missing"],
      [4, "pendapatan_per_kapita", "answer_not_numeric"],
    ]);
    const unchanged = (
      await ctx.db
        .selectFrom("assessments")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(unchanged)).toBe(Number(before));

    const partial = await importAssessments(ctx.db, source, { skipInvalid: true });
    expect(partial.summary).toEqual({ read: 3, inserted: 2, rejected: 1 });
    const rows = await ctx.db
      .selectFrom("assessments as a")
      .innerJoin("households as h", "h.id", "a.household_id")
      .select(["h.kk_number", "a.is_poor", "a.period", "a.is_latest", "a.deprived_ids"])
      .where("a.assessed_on", "in", ["2026-11-02", "2026-11-03"])
      .orderBy("a.assessed_on")
      .execute();
    expect(rows.map((r) => [r.kk_number, Number(r.is_poor), r.period, Number(r.is_latest)])).toEqual([
      [kks[0], 1, "2026-Q4", 1],
      [kks[1], 0, "2026-Q4", 1],
    ]);
    expect(rows[0]?.deprived_ids).toContain("pendapatan_per_kapita");
  });
});
