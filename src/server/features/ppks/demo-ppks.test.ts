import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { type LoggedIn, loginAs, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { seedDemo } from "../demo/demo.service.ts";

const PERIOD = "from=2020-01-01&to=2030-12-31";

describeEachDialect("demo PPKS", (ctx) => {
  let app: FastifyInstance;
  let sudin: LoggedIn;
  let kelurahan: string[];
  let summary: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    summary = await seedDemo(ctx.db, { households: 400, seed: 5, demoPassword: TEST_PASSWORD });
    app = await ctx.app();
    sudin = await loginAs(app, "sudin");
    kelurahan = (
      await ctx.db
        .selectFrom("regions")
        .select("code")
        .where("kind", "=", "kelurahan")
        .orderBy("code")
        .execute()
    ).map((r) => r.code);
  }, 180_000);

  const ppksList = async (region: string, all = false) => {
    const res = await app.inject({
      url: `/api/v1/ppks?region=${region}&pageSize=1${all ? "&all=1" : ""}`,
      headers: sudin.headers,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as { total: number; items: { categoryCode: string }[] };
  };

  it("registers PPKS in every kelurahan, a few percent of the residents, over several categories", async () => {
    expect(kelurahan.length).toBeGreaterThan(40);
    for (const code of kelurahan) expect((await ppksList(code, true)).total, code).toBeGreaterThan(0);
    const rows = await ctx.db
      .selectFrom("ppks_classifications")
      .select(["category_code", "is_demo", "person_id", "household_id"])
      .execute();
    expect(rows.every((r) => Number(r.is_demo) === 1)).toBe(true);
    // Every demo case names its PPKS (a few hundred cases whatever the population's size); beyond
    // those, a few percent of the residents.
    const cases = await ctx.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("is_demo", "=", 1)
      .where("category_kind", "=", "ppks")
      .executeTakeFirstOrThrow();
    const share = (rows.length - Number(cases.n)) / summary.persons;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.15);
    const categories = new Set(rows.map((r) => r.category_code));
    for (const c of ["08", "09", "24"]) expect(categories.has(c), c).toBe(true);
    expect(categories.size).toBeGreaterThanOrEqual(6);
    expect(summary.ppks).toBe(rows.length);
  });

  it("classifies what the demo cases, disabilities and poverty say", async () => {
    const disabled = await ctx.db
      .selectFrom("ppks_classifications as c")
      .innerJoin("persons as p", "p.id", "c.person_id")
      .select(["p.id", "p.disability", "c.category_code"])
      .where("c.category_code", "in", ["05", "09"])
      .execute();
    expect(disabled.length).toBeGreaterThan(0);
    // Beyond what a demo case says, only where a disability is recorded.
    const caseAbout = new Set(
      (
        await ctx.db
          .selectFrom("cases")
          .select(["person_id", "category"])
          .where("is_demo", "=", 1)
          .where("category", "in", ["05", "09"])
          .execute()
      ).map((c) => `${c.person_id}|${c.category}`),
    );
    const fromRegister = disabled.filter((r) => !caseAbout.has(`${r.id}|${r.category_code}`));
    expect(fromRegister.length).toBeGreaterThan(0);
    expect(fromRegister.every((r) => r.disability !== null)).toBe(true);
    const personCases = await ctx.db
      .selectFrom("cases")
      .select(["person_id", "category"])
      .where("is_demo", "=", 1)
      .where("subject_type", "=", "person")
      .where("category_kind", "=", "ppks")
      .execute();
    expect(personCases.length).toBeGreaterThan(0);
    for (const c of personCases) {
      const found = await ctx.db
        .selectFrom("ppks_classifications")
        .select("id")
        .where("person_id", "=", c.person_id)
        .where("category_code", "=", c.category)
        .executeTakeFirst();
      expect(found, `case about ${c.person_id} (${c.category})`).toBeDefined();
    }
    const miskin = await ctx.db
      .selectFrom("ppks_classifications as c")
      .innerJoin("assessments as a", "a.household_id", "c.household_id")
      .select(["a.is_poor"])
      .where("c.category_code", "=", "24")
      .where("c.person_id", "is", null)
      .where("a.is_latest", "=", 1)
      .execute();
    expect(miskin.filter((r) => Number(r.is_poor) === 1).length).toBeGreaterThan(miskin.length / 2);
  });

  it("the dashboard's PPKS figure of each kelurahan equals the count of its PPKS list", async () => {
    for (const code of kelurahan.slice(0, 12)) {
      const res = await app.inject({
        url: `/api/v1/dashboards/regions/${code}?${PERIOD}`,
        headers: sudin.headers,
      });
      expect(res.statusCode).toBe(200);
      const dashboard = res.json() as { ppksTotal: number };
      expect(dashboard.ppksTotal, code).toBe((await ppksList(code)).total);
      expect(dashboard.ppksTotal, code).toBeGreaterThan(0);
    }
  });

  it("replaces the demo PPKS on a reseed and keeps a real classification", async () => {
    const before = await ctx.db
      .selectFrom("ppks_classifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await seedDemo(ctx.db, { households: 400, seed: 5, demoPassword: TEST_PASSWORD });
    const after = await ctx.db
      .selectFrom("ppks_classifications")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  }, 180_000);
});
