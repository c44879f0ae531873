import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { seedDemo } from "../demo/demo.service.ts";

describeEachDialect("demo cases", (ctx) => {
  it("seeds a few hundred cases across the 44 kelurahan in every stage, with referrals, visits and overdue tasks; reseeding replaces them", async () => {
    await seedDemo(ctx.db, { households: 600, seed: 7 });
    const cases = await ctx.db
      .selectFrom("cases")
      .select(["region_code", "stage", "subject_type"])
      .where("is_demo", "=", 1)
      .execute();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.region_code)).size).toBe(44);
    expect(new Set(cases.map((c) => c.stage))).toEqual(
      new Set(["laporan", "asesmen", "rencana", "intervensi", "pemantauan", "selesai"]),
    );
    expect(new Set(cases.map((c) => c.subject_type))).toEqual(new Set(["person", "household", "area"]));
    const count = async (table: "referrals" | "visits" | "case_events") =>
      (await ctx.db.selectFrom(table).select("id").execute()).length;
    expect(await count("referrals")).toBeGreaterThan(20);
    // Some go to the demo PSKS of the case's own kelurahan or its kecamatan.
    const toPsks = await ctx.db
      .selectFrom("referrals as r")
      .innerJoin("psks_organisations as o", "o.id", "r.organisation_id")
      .select([
        "r.region_code",
        "r.target_name",
        "r.external",
        "o.name",
        "o.region_code as organisation_region",
      ])
      .execute();
    expect(toPsks.length).toBeGreaterThan(5);
    for (const r of toPsks) {
      expect(r.target_name).toBe(r.name);
      expect(r.external).toBe(1);
      expect(r.region_code.startsWith(r.organisation_region)).toBe(true);
    }
    expect(await count("visits")).toBeGreaterThan(100);
    const overdue = await ctx.db
      .selectFrom("case_tasks")
      .select("id")
      .where("status", "=", "open")
      .where("due_at", "<", new Date().toISOString())
      .execute();
    expect(overdue.length).toBeGreaterThan(0);

    await seedDemo(ctx.db, { households: 600, seed: 7 });
    const again = await ctx.db.selectFrom("cases").select("id").where("is_demo", "=", 1).execute();
    expect(again.length).toBe(cases.length);
  });
});
