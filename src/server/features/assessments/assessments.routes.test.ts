import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { defaultSetAnswers } from "../../../../test/assessment-answers.ts";
import { type LoggedIn, loginAs, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { DEFAULT_INDICATOR_SET } from "../../../core/mpi/default-indicator-set.ts";
import { computeMpi } from "../../../core/mpi/mpi.ts";
import { seedDemo } from "../demo/demo.service.ts";

const KEBON_KELAPA = "3171011005";

describeEachDialect("assessments and poverty analysis", (ctx) => {
  let app: FastifyInstance;
  let psm: LoggedIn;
  let pimpinan: LoggedIn;
  let admin: LoggedIn;
  let inside: string;
  let outside: string;

  beforeAll(async () => {
    await seedDemo(ctx.db, { households: 300, seed: 11, demoPassword: TEST_PASSWORD });
    app = await ctx.app();
    [psm, pimpinan, admin] = await Promise.all([
      loginAs(app, "psm.kebon-kelapa"),
      loginAs(app, "pimpinan"),
      loginAs(app, "admin"),
    ]);
    const households = await ctx.db
      .selectFrom("households")
      .select(["id", "region_code"])
      .orderBy("id")
      .execute();
    inside = households.find((h) => h.region_code === KEBON_KELAPA)!.id;
    outside = households.find((h) => !h.region_code.startsWith("317101"))!.id;
  }, 120_000);

  it("scores a new assessment at once and names the deprivations in plain Indonesian", async () => {
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/households/${inside}/assessments`,
      headers: psm.headers,
      payload: {
        assessedOn: "2026-11-20",
        values: defaultSetAnswers([
          "pendapatan_per_kapita",
          "kepala_tidak_bekerja",
          "lantai",
          "jamban",
          "rawan_pangan",
        ]),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    // Economy 2 of 3 (2/15), housing 2 of 7 (2/35), health 1 of 3 (1/15).
    expect(body.score).toBeCloseTo(2 / 15 + 2 / 35 + 1 / 15, 10);
    expect(body.poor).toBe(false);
    expect(body.period).toBe("2026-Q4");
    expect(body.indicatorSet.name).toBe("Indeks Kemiskinan Multidimensi (IKM) Peduli");
    expect(body.deprived.map((d: { id: string }) => d.id)).toEqual([
      "pendapatan_per_kapita",
      "kepala_tidak_bekerja",
      "rawan_pangan",
      "lantai",
      "jamban",
    ]);
    expect(body.deprived[0].text.id).toBe("Pendapatan per orang kurang dari Rp600.000 sebulan");
    expect(body.latestInPeriod).toBe(true);
  });

  it("keeps the history: a second visit in the period becomes the latest, the first stays", async () => {
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/households/${inside}/assessments`,
      headers: psm.headers,
      payload: {
        assessedOn: "2026-11-25",
        values: defaultSetAnswers([
          "pendapatan_per_kapita",
          "kepala_tidak_bekerja",
          "tanpa_tabungan",
          "pendidikan_kepala",
          "anak_tidak_sekolah",
        ]),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().poor).toBe(true);
    const history = await app.inject({
      url: `/api/v1/households/${inside}/assessments`,
      headers: psm.headers,
    });
    const items = history.json().items as { assessedOn: string; latestInPeriod: boolean; period: string }[];
    const q4 = items.filter((i) => i.period === "2026-Q4");
    expect(q4.map((i) => [i.assessedOn, i.latestInPeriod])).toContainEqual(["2026-11-25", true]);
    expect(q4.map((i) => [i.assessedOn, i.latestInPeriod])).toContainEqual(["2026-11-20", false]);
    expect(q4.filter((i) => i.latestInPeriod)).toHaveLength(1);
  });

  it("marks exactly one assessment latest when several of one household are sent at once", async () => {
    const households = await ctx.db
      .selectFrom("households")
      .select("id")
      .where("region_code", "=", KEBON_KELAPA)
      .where("id", "!=", inside)
      .orderBy("id")
      .execute();
    const target = households[0]!.id;
    const before = await ctx.db
      .selectFrom("assessments")
      .select("id")
      .where("household_id", "=", target)
      .where("period", "=", "2026-Q4")
      .execute();
    const send = (day: string) =>
      app.inject({
        method: "POST",
        url: `/api/v1/households/${target}/assessments`,
        headers: psm.headers,
        payload: { assessedOn: `2026-10-${day}`, values: defaultSetAnswers(["lantai"]) },
      });
    const results = await Promise.all(["01", "02", "02", "01", "02", "01"].map(send));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const rows = await ctx.db
      .selectFrom("assessments")
      .select(["id", "assessed_on", "is_latest"])
      .where("household_id", "=", target)
      .where("period", "=", "2026-Q4")
      .execute();
    expect(rows).toHaveLength(before.length + 6);
    const latest = rows.filter((r) => Number(r.is_latest) === 1);
    expect(latest).toHaveLength(1);
    const newest = rows
      .map((r) => String(r.assessed_on).slice(0, 10))
      .sort()
      .at(-1);
    expect(String(latest[0]!.assessed_on).slice(0, 10)).toBe(newest);
  });

  it("rejects missing and non-numeric answers, naming them, and writes nothing", async () => {
    const before = await ctx.db
      .selectFrom("assessments")
      .select((e) => e.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    const values: Record<string, unknown> = { ...defaultSetAnswers(), makan_per_hari: "dua" };
    delete values.lantai;
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/households/${inside}/assessments`,
      headers: psm.headers,
      payload: { assessedOn: "2026-11-21", values },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["values.lantai", "values.makan_per_hari"]));
    expect(res.json().errors.find((e: { field: string }) => e.field === "values.lantai").message).toContain(
      "Jenis lantai terluas",
    );
    const after = await ctx.db
      .selectFrom("assessments")
      .select((e) => e.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("answers 404 for a household outside the PSM's kelurahan", async () => {
    const res = await app.inject({
      method: "POST",
      url: `/api/v1/households/${outside}/assessments`,
      headers: psm.headers,
      payload: { assessedOn: "2026-11-20", values: defaultSetAnswers() },
    });
    expect(res.statusCode).toBe(404);
  });

  it("gives pimpinan the kota analysis whose kecamatan M0s, weighted by population share, add up to the kota M0", async () => {
    const res = await app.inject({
      url: "/api/v1/poverty/analysis?region=3171&period=2026-Q4&comparePeriod=2026-Q2",
      headers: pimpinan.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.childKind).toBe("kecamatan");
    expect(a.groups.length).toBeGreaterThan(1);
    expect(a.persons.M0).toBeGreaterThan(0);
    const sum = a.groups.reduce(
      (s: number, g: { persons: { populationShare: number; M0: number } }) =>
        s + g.persons.populationShare * g.persons.M0,
      0,
    );
    expect(sum).toBeCloseTo(a.persons.M0, 12);
    const shares = a.groups.reduce(
      (s: number, g: { persons: { populationShare: number } }) => s + g.persons.populationShare,
      0,
    );
    expect(shares).toBeCloseTo(1, 12);
    expect(a.persons.M0).toBeCloseTo(a.persons.H * a.persons.A, 12);
    const contributions = a.indicators.reduce(
      (s: number, i: { contribution: number }) => s + i.contribution,
      0,
    );
    expect(contributions).toBeCloseTo(1, 10);
    expect(a.compare.persons.n).toBeGreaterThan(0);
    expect(a.sensitivity.map((s: { k: number }) => s.k)).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    for (let i = 1; i < a.sensitivity.length; i++)
      expect(a.sensitivity[i].H).toBeLessThanOrEqual(a.sensitivity[i - 1].H);
  });

  it("matches the engine run over the stored answers of the latest assessments (per person and per household)", async () => {
    const rows = await ctx.db
      .selectFrom("assessments")
      .select(["values_json", "household_size"])
      .where("period", "=", "2026-Q4")
      .where("is_latest", "=", 1)
      .execute();
    const records = rows.map((r) => ({ ...JSON.parse(r.values_json), size: Number(r.household_size) }));
    const persons = computeMpi(records, DEFAULT_INDICATOR_SET, { weight: "size" });
    const households = computeMpi(records, DEFAULT_INDICATOR_SET);
    const res = await app.inject({
      url: "/api/v1/poverty/analysis?period=2026-Q4",
      headers: pimpinan.headers,
    });
    const a = res.json();
    expect(a.region.code).toBe("3171");
    expect(a.persons.n).toBe(persons.n);
    expect(a.persons.H).toBeCloseTo(persons.H, 12);
    expect(a.persons.M0).toBeCloseTo(persons.M0, 12);
    expect(a.households.H).toBeCloseTo(households.H, 12);
    expect(a.households.A).toBeCloseTo(households.A, 12);
    a.indicators.forEach((indicator: { censoredHeadcount: number }, j: number) => {
      expect(indicator.censoredHeadcount).toBeCloseTo(persons.indicators[j]!.censoredHeadcount, 12);
    });
  });

  it("limits a PSM's analysis and poor-household list to the kelurahan, grouped by RW", async () => {
    const own = await app.inject({ url: "/api/v1/poverty/analysis?period=2026-Q4", headers: psm.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json().region.code).toBe(KEBON_KELAPA);
    expect(own.json().childKind).toBe("rw");
    const other = await app.inject({ url: "/api/v1/poverty/analysis?region=317102", headers: psm.headers });
    expect(other.statusCode).toBe(403);
    const list = await app.inject({
      url: "/api/v1/poverty/poor-households?period=2026-Q4&pageSize=500",
      headers: psm.headers,
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { regionCode: string; score: number; kkNumber: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.regionCode === KEBON_KELAPA && i.score >= 1 / 3 - 1e-9)).toBe(true);
    expect(list.json().total).toBe(Math.round(own.json().households.poor));
    const none = await app.inject({ url: "/api/v1/poverty/poor-households", headers: pimpinan.headers });
    expect(none.statusCode).toBe(403);
  });

  it("makes a new version of an indicator set and rejects an invalid one with the engine's messages", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/indicator-sets",
      headers: admin.headers,
      payload: { code: "ikm-peduli", name: "IKM Peduli v2", definition: { k: 2, indicators: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      "definition.k",
      "definition.indicators",
    ]);
    expect(bad.json().errors[0].message).toContain("batas kemiskinan k");
    const good = await app.inject({
      method: "POST",
      url: "/api/v1/indicator-sets",
      headers: admin.headers,
      payload: {
        code: "ikm-peduli",
        name: "IKM Peduli (k = 0,4)",
        definition: { ...DEFAULT_INDICATOR_SET, k: 0.4 },
      },
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().version).toBe(2);
    const list = await app.inject({ url: "/api/v1/indicator-sets", headers: psm.headers });
    const versions = list.json().items.filter((s: { code: string }) => s.code === "ikm-peduli");
    expect(versions.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    expect(versions[1].assessments).toBeGreaterThan(0);
    const psmTries = await app.inject({
      method: "POST",
      url: "/api/v1/indicator-sets",
      headers: psm.headers,
      payload: { code: "lain", name: "Set lain", definition: DEFAULT_INDICATOR_SET },
    });
    expect(psmTries.statusCode).toBe(403);
  });
});
