import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { type LoggedIn, loginAs, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { allocateSeq, recordDeletion } from "../../db/change-log.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { seedDemo } from "../demo/demo.service.ts";

const KEBON_KELAPA = "3171011005";
const PERIOD = "from=2020-01-01&to=2030-12-31";

type Dashboard = Record<string, unknown> & {
  persons: number;
  households: number;
  ppksByCategory: Record<string, number>;
  openCases: number;
  openCasesByUrgency: Record<string, number>;
  children: { code: string; persons: number; openCases: number }[];
};

describeEachDialect("area dashboards", (ctx) => {
  let app: FastifyInstance;
  let pimpinan: LoggedIn;
  let psm: LoggedIn;
  const get = async (code: string, who: LoggedIn = pimpinan) => {
    const res = await app.inject({
      url: `/api/v1/dashboards/regions/${code}?${PERIOD}`,
      headers: who.headers,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json() as Dashboard;
  };

  beforeAll(async () => {
    await seedDemo(ctx.db, { households: 200, seed: 3, demoPassword: TEST_PASSWORD });
    app = await ctx.app();
    [pimpinan, psm] = await Promise.all([loginAs(app, "pimpinan"), loginAs(app, "psm.kebon-kelapa")]);
  }, 120_000);

  it("answers the kota figures as the sums of its kecamatan dashboards", async () => {
    const kota = await get("3171");
    expect(kota.mpi).toEqual(
      expect.objectContaining({ H: expect.any(Number), A: expect.any(Number), M0: expect.any(Number) }),
    );
    expect(kota.persons).toBeGreaterThan(0);
    expect(kota.openCases).toBeGreaterThan(0);
    const kecamatan = await Promise.all(kota.children.map((c) => get(c.code)));
    expect(kecamatan).toHaveLength(8);
    const sum = (pick: (d: Dashboard) => number) => kecamatan.reduce((a, d) => a + pick(d), 0);
    for (const key of [
      "persons",
      "households",
      "householdsRegistered",
      "ppksTotal",
      "ppksFound",
      "openCases",
      "casesOpened",
      "casesClosed",
      "overdueFollowUps",
    ]) {
      expect(kota[key], key).toBe(sum((d) => d[key] as number));
    }
    const categories = new Set(kecamatan.flatMap((d) => Object.keys(d.ppksByCategory)));
    for (const c of categories) expect(kota.ppksByCategory[c], c).toBe(sum((d) => d.ppksByCategory[c] ?? 0));
    for (const u of ["darurat", "tinggi", "biasa"])
      expect(kota.openCasesByUrgency[u]).toBe(sum((d) => d.openCasesByUrgency[u] ?? 0));
    // The children rows of the kota are the kecamatan's own totals.
    for (const [i, c] of kota.children.entries()) expect(c.persons).toBe(kecamatan[i]?.persons);
  });

  it("matches the base tables, and follows writes and deletions without a rebuild", async () => {
    const living = await ctx.db
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("died_at", "is", null)
      .where("merged_into_id", "is", null)
      .where("region_code", "=", KEBON_KELAPA)
      .executeTakeFirstOrThrow();
    const before = await get(KEBON_KELAPA);
    expect(before.persons).toBe(Number(living.n));

    const id = newId();
    await ctx.db.transaction().execute(async (trx) => {
      const now = nowIso();
      await trx
        .insertInto("persons")
        .values({
          id,
          household_id: null,
          nik: null,
          nik_status: "belum_ada",
          name: "Warga Uji",
          name_normalized: "warga uji",
          sex: "L",
          birth_place: null,
          birth_date: null,
          relation: "lainnya",
          marital_status: null,
          education: null,
          occupation: null,
          monthly_income: null,
          disability: null,
          chronic_illness: null,
          health_insurance: null,
          phone: null,
          region_code: KEBON_KELAPA,
          died_at: null,
          merged_into_id: null,
          is_demo: 0,
          seq: await allocateSeq(trx),
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    expect((await get(KEBON_KELAPA)).persons).toBe(before.persons + 1);
    expect((await get("3171")).persons).toBe(
      (await get("317101")).persons +
        (await get("3171")).children.slice(1).reduce((a, c) => a + c.persons, 0),
    );

    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("persons").where("id", "=", id).execute();
      await recordDeletion(trx, { tableName: "persons", recordId: id, regionCode: KEBON_KELAPA });
    });
    expect((await get(KEBON_KELAPA)).persons).toBe(before.persons);

    // A new open case changes only the case counters of its kelurahan, and the city's with them.
    const city = await get("3171");
    await ctx.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      await trx
        .insertInto("cases")
        .values({
          id: newId(),
          case_number: "KS-2026-990101",
          subject_type: "area",
          person_id: null,
          household_id: null,
          region_code: KEBON_KELAPA,
          rw: null,
          rt: null,
          category_kind: "area",
          category: "kumuh",
          description: "Uji dasbor",
          source: "laporan_warga",
          urgency: "darurat",
          stage: "laporan",
          closure_reason: null,
          closure_requested_reason: null,
          closure_requested_at: null,
          closure_requested_by: null,
          assignee_id: null,
          reported_at: at,
          first_visit_at: null,
          closed_at: null,
          version: 1,
          created_by: null,
          is_demo: 0,
          seq: await allocateSeq(trx),
          created_at: at,
          updated_at: at,
        })
        .execute();
    });
    const after = await get(KEBON_KELAPA);
    expect(after.openCases).toBe(before.openCases + 1);
    expect(after.openCasesByUrgency.darurat).toBe((before.openCasesByUrgency.darurat ?? 0) + 1);
    expect(after.persons).toBe(before.persons);
    expect((await get("3171")).openCases).toBe(city.openCases + 1);
  });

  it("gives the pimpinan every dashboard and no individual record; a PSM only their own area", async () => {
    const kota = await get("3171");
    for (const kec of kota.children) {
      const d = await get(kec.code);
      for (const kel of d.children) await get(kel.code);
    }
    const worker = await ctx.db.selectFrom("workers").select("id").executeTakeFirstOrThrow();
    const household = await ctx.db.selectFrom("households").select("id").executeTakeFirstOrThrow();
    for (const url of [
      `/api/v1/workers/${worker.id}/kinerja`,
      `/api/v1/workers/${worker.id}`,
      `/api/v1/households/${household.id}`,
      "/api/v1/persons",
      "/api/v1/kinerja/workers",
    ]) {
      expect((await app.inject({ url, headers: pimpinan.headers })).statusCode, url).toBe(403);
    }
    await get(KEBON_KELAPA, psm);
    expect(
      (await app.inject({ url: "/api/v1/dashboards/regions/3171", headers: psm.headers })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: "/api/v1/dashboards/regions/3171" })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          url: "/api/v1/dashboards/regions/3171?from=2024-05-31&to=2024-05-01",
          headers: pimpinan.headers,
        })
      ).statusCode,
    ).toBe(400);
  });

  it("serves the monthly report to the pimpinan as PDF and XLSX, and refuses other areas to a PSM", async () => {
    const pdf = await app.inject({
      url: "/api/v1/reports/monthly?region=3171&month=2024-05",
      headers: pimpinan.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const xlsx = await app.inject({
      url: "/api/v1/reports/monthly?region=317101&month=2024-05&format=xlsx",
      headers: pimpinan.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const denied = await app.inject({
      url: "/api/v1/reports/monthly?region=3171&month=2024-05",
      headers: psm.headers,
    });
    expect(denied.statusCode).toBe(403);
  });
});
