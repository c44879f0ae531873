import { expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { seedDemo } from "../demo/demo.service.ts";

describeEachDialect("demo PSKS", (ctx) => {
  const demoOrganisations = () =>
    ctx.db
      .selectFrom("psks_organisations")
      .select(["id", "kind_code", "name", "region_code"])
      .where("is_demo", "=", 1)
      .orderBy("name")
      .execute();

  it("registers the PSKS of every area; seeding again replaces them and leaves real ones and those a referral names", async () => {
    const summary = await seedDemo(ctx.db, { households: 20, seed: 3 });
    const first = await demoOrganisations();
    // 1 Tagana for the city, an LKS, an LK3 and a business for each of the 8 kecamatan, a Karang
    // Taruna for each of the 44 kelurahan and a WKSBM for every other one.
    expect(first.length).toBe(1 + 8 * 3 + 44 + 22);
    expect(summary.psks).toBe(first.length);
    const kelurahan = await ctx.db
      .selectFrom("regions")
      .select("code")
      .where("kind", "=", "kelurahan")
      .execute();
    const withKarangTaruna = new Set(
      first.filter((o) => o.kind_code === "karang_taruna").map((o) => o.region_code),
    );
    expect(withKarangTaruna).toEqual(new Set(kelurahan.map((k) => k.code)));
    const kinds = new Set(
      (await ctx.db.selectFrom("psks_kinds").select("code").execute()).map((k) => k.code),
    );
    expect(first.every((o) => kinds.has(o.kind_code))).toBe(true);

    // A real organisation, and a real case whose referral names a demo one.
    const now = nowIso();
    await ctx.db
      .insertInto("psks_organisations")
      .values({
        id: newId(),
        kind_code: "lks",
        name: "LKS Nyata Gambir",
        region_code: "3171011001",
        address: null,
        contact_name: null,
        phone: null,
        note: null,
        seq: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const named = first.find((o) => o.kind_code === "lk3") as (typeof first)[number];
    const areaCase = { id: newId(), region_code: "3171011001" };
    await ctx.db
      .insertInto("cases")
      .values({
        ...areaCase,
        case_number: "KS-2026-99999",
        subject_type: "area",
        person_id: null,
        household_id: null,
        rw: null,
        rt: null,
        category_kind: "masalah",
        category: "lingkungan_kumuh",
        description: "Kasus nyata yang merujuk ke PSKS demo",
        source: "temuan_lapangan",
        urgency: "biasa",
        stage: "intervensi",
        assignee_id: null,
        reported_at: now,
        version: 1,
        created_by: null,
        is_demo: 0,
        seq: 3,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto("referrals")
      .values({
        id: newId(),
        case_id: areaCase.id,
        region_code: areaCase.region_code,
        service_code: null,
        organisation_id: named.id,
        target_name: named.name,
        external: 0,
        status: "dikirim",
        sent_on: now.slice(0, 10),
        responded_on: null,
        completed_on: null,
        outcome: null,
        note: null,
        letter_number: "001/RUJ/2026",
        created_by: null,
        seq: 2,
        created_at: now,
        updated_at: now,
      })
      .execute();

    const again = await seedDemo(ctx.db, { households: 20, seed: 3 });
    const second = await demoOrganisations();
    expect(second.map((o) => o.name)).toEqual(first.map((o) => o.name));
    expect(again.psks).toBe(first.length - 1);
    expect(second.find((o) => o.name === named.name)?.id).toBe(named.id);
    const real = await ctx.db
      .selectFrom("psks_organisations")
      .select("name")
      .where("is_demo", "=", 0)
      .execute();
    expect(real.map((o) => o.name)).toEqual(["LKS Nyata Gambir"]);
  });
});
