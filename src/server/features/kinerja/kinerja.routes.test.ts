import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { defaultSetAnswers } from "../../../../test/assessment-answers.ts";
import { type LoggedIn, loginAs, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { monthRange, wibDate, wibMonth } from "../../../core/kinerja/period.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import { buildActor } from "../auth/actor.ts";
import { seedDemo } from "../demo/demo.service.ts";
import { checkTargets } from "./kinerja.service.ts";

const KEBON_KELAPA = "3171011005";
const DAY = 86_400_000;

/** A household without deprivations. */
const ANSWERS = defaultSetAnswers();

describeEachDialect("kinerja: worker indicators credited to the holder at the time", (ctx) => {
  let app: FastifyInstance;
  let psm: LoggedIn;
  let tksk: LoggedIn;
  let pimpinan: LoggedIn;
  let sudin: LoggedIn;
  let psmWorker: string;
  let otherPsmWorker: string;

  beforeAll(async () => {
    await seedDemo(ctx.db, { households: 120, seed: 5, demoPassword: TEST_PASSWORD });
    app = await ctx.app();
    [psm, tksk, pimpinan, sudin] = await Promise.all([
      loginAs(app, "psm.kebon-kelapa"),
      loginAs(app, "tksk.gambir"),
      loginAs(app, "pimpinan"),
      loginAs(app, "sudin"),
    ]);
    const workers = await ctx.db.selectFrom("workers").select(["id", "region_code", "role"]).execute();
    psmWorker = workers.find((w) => w.region_code === KEBON_KELAPA && w.role === "psm")!.id;
    otherPsmWorker = workers.find((w) => w.role === "psm" && w.region_code.startsWith("317102"))!.id;
  }, 120_000);

  it("counts a worker's households assessed this month exactly as the assessments in the database", async () => {
    const today = wibDate(new Date());
    const month = monthRange(wibMonth(new Date()));
    const households = await ctx.db
      .selectFrom("households")
      .select("id")
      .where("region_code", "=", KEBON_KELAPA)
      .limit(3)
      .execute();
    for (const h of households) {
      const res = await app.inject({
        method: "POST",
        url: `/api/v1/households/${h.id}/assessments`,
        headers: psm.headers,
        payload: { assessedOn: today, values: ANSWERS },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const psmUser = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "psm.kebon-kelapa")
      .executeTakeFirstOrThrow();
    const inDb = await ctx.db
      .selectFrom("assessments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("assessor_id", "=", psmUser.id)
      .where("assessed_on", ">=", month.from)
      .where("assessed_on", "<=", month.to)
      .executeTakeFirstOrThrow();
    const res = await app.inject({
      url: `/api/v1/workers/${psmWorker}/kinerja?from=${month.from}&to=${month.to}`,
      headers: psm.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(Number(inDb.n)).toBe(3);
    expect(res.json().indicators.householdsAssessed).toBe(Number(inDb.n));
    const lastMonth = await app.inject({
      url: `/api/v1/workers/${psmWorker}/kinerja?from=2020-01-01&to=2020-01-31`,
      headers: psm.headers,
    });
    expect(lastMonth.json().indicators.householdsAssessed).toBe(0);
  });

  it("keeps past work credited to the previous holder after a transfer", async () => {
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
    const caseId = newId();
    // Two workers of their own, so the demo cases of the kelurahan do not mix into the figures.
    const [first, second] = [newId(), newId()];
    await ctx.db.transaction().execute(async (trx) => {
      const seq = await allocateSeq(trx, 6);
      for (const [i, id] of [first, second].entries())
        await trx
          .insertInto("workers")
          .values({
            id,
            name: `Petugas Uji ${i + 1}`,
            role: "psm",
            region_code: KEBON_KELAPA,
            phone: null,
            is_demo: 0,
            active: 1,
            seq: seq + 4 + i,
            created_at: at(60),
            updated_at: at(60),
          })
          .execute();
      await trx
        .insertInto("cases")
        .values({
          id: caseId,
          case_number: "KS-2026-990001",
          subject_type: "area",
          person_id: null,
          household_id: null,
          region_code: KEBON_KELAPA,
          rw: null,
          rt: null,
          category_kind: "area",
          category: "kumuh",
          description: "Uji pengalihan kasus",
          source: "temuan_lapangan",
          urgency: "tinggi",
          stage: "selesai",
          closure_reason: "tertangani",
          closure_requested_reason: null,
          closure_requested_at: null,
          closure_requested_by: null,
          assignee_id: second,
          reported_at: at(10),
          first_visit_at: at(8),
          closed_at: at(1),
          version: 5,
          created_by: null,
          is_demo: 0,
          seq,
          created_at: at(10),
          updated_at: at(1),
        })
        .execute();
      await trx
        .insertInto("case_assignments")
        .values([
          {
            id: newId(),
            case_id: caseId,
            region_code: KEBON_KELAPA,
            worker_id: first,
            from_at: at(10),
            to_at: at(5),
            assigned_by: null,
            assigned_by_name: null,
            seq: seq + 1,
          },
          {
            id: newId(),
            case_id: caseId,
            region_code: KEBON_KELAPA,
            worker_id: second,
            from_at: at(5),
            to_at: null,
            assigned_by: null,
            assigned_by_name: null,
            seq: seq + 2,
          },
        ])
        .execute();
      await trx
        .insertInto("visits")
        .values({
          id: newId(),
          case_id: caseId,
          region_code: KEBON_KELAPA,
          visited_at: at(8),
          worker_id: first,
          met: "ya",
          notes: "Kunjungan pertama",
          latitude: null,
          longitude: null,
          created_by: null,
          seq: seq + 3,
          created_at: at(8),
        })
        .execute();
    });
    const period = `from=${wibDate(at(40))}&to=${wibDate(new Date(now))}`;
    const before = (
      await app.inject({ url: `/api/v1/workers/${first}/kinerja?${period}`, headers: sudin.headers })
    ).json();
    const after = (
      await app.inject({ url: `/api/v1/workers/${second}/kinerja?${period}`, headers: sudin.headers })
    ).json();
    // The first holder opened the case and made the first visit two days in; the new holder closed it.
    expect(before.indicators).toMatchObject({
      casesOpened: 1,
      casesClosed: 0,
      medianDaysToFirstVisit: 2,
      visitsMade: 1,
    });
    expect(after.indicators).toMatchObject({
      casesOpened: 0,
      casesClosed: 1,
      medianDaysToClose: 9,
      visitsMade: 0,
    });
    expect(after.indicators.medianDaysToFirstVisit).toBeNull();
  });

  it("shows a PSM only their own kinerja, a TKSK the PSM of their kecamatan, and the pimpinan no individual", async () => {
    expect(
      (await app.inject({ url: `/api/v1/workers/${otherPsmWorker}/kinerja`, headers: psm.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/workers/${psmWorker}/kinerja`, headers: tksk.headers })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ url: `/api/v1/workers/${otherPsmWorker}/kinerja`, headers: tksk.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ url: `/api/v1/workers/${psmWorker}/kinerja`, headers: pimpinan.headers }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ url: "/api/v1/kinerja/workers", headers: pimpinan.headers })).statusCode).toBe(
      403,
    );
    const team = (await app.inject({ url: "/api/v1/kinerja/workers", headers: tksk.headers })).json();
    expect(team.items.length).toBeGreaterThan(1);
    expect(team.items.every((w: { regionCode: string }) => w.regionCode.startsWith("317101"))).toBe(true);
  });

  it("lets the Suku Dinas set a monthly target and shows the worker's progress against it", async () => {
    const month = wibMonth(new Date());
    const put = await app.inject({
      method: "PUT",
      url: "/api/v1/kinerja/targets",
      headers: sudin.headers,
      payload: { role: "psm", indicator: "householdsAssessed", month, target: 30 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const denied = await app.inject({
      method: "PUT",
      url: "/api/v1/kinerja/targets",
      headers: tksk.headers,
      payload: { role: "psm", indicator: "householdsAssessed", month, target: 1 },
    });
    expect(denied.statusCode).toBe(403);
    const mine = (
      await app.inject({ url: `/api/v1/workers/${psmWorker}/kinerja`, headers: psm.headers })
    ).json();
    expect(mine.targets).toEqual([
      expect.objectContaining({ indicator: "householdsAssessed", month, target: 30, actual: 3, percent: 10 }),
    ]);
  });

  it("raises an alert for the TKSK when a PSM is far behind the month's target", async () => {
    const month = wibMonth(new Date());
    const sudinActor = buildActor(
      { id: "sudin-test", username: "sudin", role: "sudin", region_code: null },
      { via: "session", ip: "127.0.0.1", requestId: "t" },
    );
    // On the 20th three of thirty is far behind (less than half of the twenty expected by then).
    const result = await checkTargets(ctx.db, sudinActor, month, new Date(`${month}-20T05:00:00.000Z`));
    expect(result.raised).toBeGreaterThanOrEqual(44);
    const alerts = (await app.inject({ url: "/api/v1/kinerja/alerts", headers: tksk.headers })).json();
    const gambirPsm = await ctx.db
      .selectFrom("workers")
      .select("id")
      .where("role", "=", "psm")
      .where("region_code", "like", "317101%")
      .execute();
    expect(alerts.items.length).toBe(gambirPsm.length);
    expect(alerts.items.every((a: { regionCode: string }) => a.regionCode.startsWith("317101"))).toBe(true);
    const own = alerts.items.find((a: { workerId: string }) => a.workerId === psmWorker);
    expect(own).toMatchObject({ indicator: "householdsAssessed", target: 30, actual: 3, status: "open" });
    const mine = (await app.inject({ url: "/api/v1/kinerja/alerts", headers: psm.headers })).json();
    expect(mine.items.map((a: { workerId: string }) => a.workerId)).toEqual([psmWorker]);
    // Early in the month nobody is far behind yet: the alerts are resolved.
    await checkTargets(ctx.db, sudinActor, month, new Date(`${month}-02T05:00:00.000Z`));
    expect((await app.inject({ url: "/api/v1/kinerja/alerts", headers: tksk.headers })).json().items).toEqual(
      [],
    );
  });

  it("compares a cohort's participants with the workers who did not attend, before and after, without a causal claim", async () => {
    const cohort = await ctx.db
      .selectFrom("training_cohorts")
      .select(["id", "starts_on", "ends_on"])
      .executeTakeFirstOrThrow();
    // One participant withdrew: they count with the workers who did not take the training.
    const leaver = await ctx.db
      .selectFrom("training_enrolments")
      .select("id")
      .where("cohort_id", "=", cohort.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable("training_enrolments")
      .set({ withdrawn_at: new Date().toISOString() })
      .where("id", "=", leaver.id)
      .execute();
    const enrolled = await ctx.db
      .selectFrom("training_enrolments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cohort_id", "=", cohort.id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirstOrThrow();
    const active = await ctx.db
      .selectFrom("workers")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("active", "=", 1)
      .executeTakeFirstOrThrow();
    const res = await app.inject({
      url: `/api/v1/kinerja/training-cohorts/${cohort.id}/comparison?months=2`,
      headers: pimpinan.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.participants.workers).toBe(Number(enrolled.n));
    expect(body.participants.workers + body.others.workers).toBe(Number(active.n));
    expect(body.before.to < cohort.starts_on && body.after.from > cohort.ends_on).toBe(true);
    expect(body.note.id).toContain("bukan bukti sebab-akibat");
    expect(Object.keys(body.participants.before)).toContain("casesClosed");
  });
});
