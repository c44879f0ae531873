/**
 * The phone's working set beyond the change tables, on each engine: the reference tables (the
 * indicator set, the PPKS and referral catalogues, the worker's trainings) sent whole when they
 * changed; records made offline keep the phone's ids on the server (assessment, case, visit);
 * and the device budget: a scope over it is held as a prioritised subset, with households that
 * gain a case later sent whole (a small budget is passed to the pull service; no 40,000 rows).
 */
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { PullQuery, PullResponse } from "../../src/core/api/sync.schema.ts";
import { newId } from "../../src/server/db/ids.ts";
import { buildActor } from "../../src/server/features/auth/actor.ts";
import { pullChanges } from "../../src/server/features/sync/pull.service.ts";
import { MemoryStore } from "../../src/web/offline/local-store.ts";
import { recordChange } from "../../src/web/offline/outbox.ts";
import { type SyncTransport, syncOnce } from "../../src/web/offline/sync-engine.ts";
import { createTestUser, type LoggedIn, loginAs, seedAccessFixture } from "../auth-helpers.ts";
import { describeEachDialect } from "../test-db.ts";

const GAMBIR = "3171011001";
const PETOJO = "3171011003";
/** Answers to every indicator of the default set. */
const ANSWERS = {
  pendapatan_per_kapita: 900000,
  kepala_tidak_bekerja: false,
  tanpa_tabungan: true,
  pendidikan_kepala: "sd",
  anak_tidak_sekolah: false,
  makan_per_hari: 3,
  rawan_pangan: false,
  sakit_tanpa_jaminan: false,
  luas_lantai_per_orang: 7,
  lantai: "keramik",
  dinding: "tembok",
  jamban: "sendiri",
  air_minum: "pam",
  penerangan: "pln_900",
  bahan_bakar: "gas",
  anggota_tanpa_jkn: false,
  anggota_tanpa_nik: false,
};

describeEachDialect("sync working set: reference tables, client ids, device budget", (ctx) => {
  let app: FastifyInstance;
  let psm: LoggedIn;
  let budgetUser: { login: LoggedIn; id: string };

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    await createTestUser(ctx.db, { username: "psm.ws.a", role: "psm", regionCode: GAMBIR });
    const id = await createTestUser(ctx.db, { username: "psm.ws.budget", role: "psm", regionCode: PETOJO });
    app = await ctx.app();
    psm = await loginAs(app, "psm.ws.a");
    budgetUser = { login: await loginAs(app, "psm.ws.budget"), id };
  });

  const routeTransport = (login: LoggedIn): SyncTransport => ({
    push: async (body) =>
      (
        await app.inject({ method: "POST", url: "/api/v1/sync/push", headers: login.headers, payload: body })
      ).json(),
    pull: async (q) => {
      const params = new URLSearchParams({ ...q, since: String(q.since), limit: String(q.limit) } as never);
      const res = await app.inject({
        method: "GET",
        url: `/api/v1/sync/pull?${params}`,
        headers: login.headers,
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      return res.json();
    },
  });

  it("delivers the indicator set, the PPKS and referral catalogues and the worker's trainings, again only when they change", async () => {
    const login = await loginAs(app, "psm.kebon-kelapa");
    const store = new MemoryStore(newId());
    await syncOnce(store, routeTransport(login));
    const sets = await store.listRecords("indicator_sets");
    const ppks = await store.listRecords("ppks_categories");
    const services = await store.listRecords("services");
    const enrolments = await store.listRecords("enrolments");
    const sessions = await store.listRecords("training_sessions");
    const api = (url: string) =>
      app.inject({ method: "GET", url, headers: login.headers }).then((r) => r.json());
    const listed = await api("/api/v1/indicator-sets");
    const newest = listed.items
      .filter((s: { code: string }) => s.code === sets[0]?.data.code)
      .sort((a: { version: number }, b: { version: number }) => b.version - a.version)[0];
    expect(sets).toHaveLength(1);
    expect(sets[0]!.id).toBe(newest.id);
    expect(sets[0]!.data.definition).toEqual((await api(`/api/v1/indicator-sets/${newest.id}`)).definition);
    const catalogue = await api("/api/v1/ppks-categories");
    expect(ppks.map((p) => p.id).sort()).toEqual(catalogue.items.map((c: { code: string }) => c.code).sort());
    const referral = await api("/api/v1/services");
    expect(services).toHaveLength(referral.total);
    const mine = await api("/api/v1/training/me");
    expect(enrolments.length).toBeGreaterThan(0);
    expect(sessions.length).toBeGreaterThan(0);
    expect(enrolments.map((e) => e.id).sort()).toEqual(
      mine.cohorts.map((c: { enrolmentId: string }) => c.enrolmentId).sort(),
    );
    expect(sessions).toHaveLength(
      mine.cohorts.reduce((n: number, c: { sessions: unknown[] }) => n + c.sessions.length, 0),
    );
    for (const s of sessions)
      expect(s.data).toMatchObject({ cohortId: expect.any(String), date: expect.any(String) });

    // Nothing changed: the next round sends no reference rows; a stale fingerprint gets them whole.
    const meta = await store.getMeta();
    expect(meta.refs).toMatch(/^v1:/);
    const quiet = await routeTransport(login).pull({ ...meta, limit: 2000, cutoff: "" } as PullQuery);
    expect(quiet.replace).toEqual([]);
    expect(quiet.records.filter((r) => r.table === "ppks_categories")).toEqual([]);
    await store.writeRecords(
      [{ table: "ppks_categories", id: "99", seq: 1, regionCode: null, data: { code: "99" } }],
      [],
    );
    await store.setMeta({ ...meta, refs: "v1:old" });
    await syncOnce(store, routeTransport(login));
    expect((await store.listRecords("ppks_categories")).map((r) => r.id)).not.toContain("99");
    expect(await store.listRecords("ppks_categories")).toHaveLength(catalogue.items.length);
  });

  it("keeps the phone's ids of an assessment, a case and a visit made offline", async () => {
    const store = new MemoryStore(newId());
    const transport = routeTransport(psm);
    await syncOnce(store, transport);
    const setId = (await store.listRecords("indicator_sets"))[0]!.id;
    const household = await recordChange(store, {
      kind: "household.create",
      payload: { regionCode: GAMBIR, rw: "3", rt: "4", address: "Gg. Kenari 9" },
    });
    await recordChange(store, {
      kind: "person.create",
      payload: {
        householdId: household.recordId,
        name: "Rahmat Hidayat",
        sex: "L",
        relation: "kepala_keluarga",
      },
    });
    const assessment = await recordChange(store, {
      kind: "assessment.create",
      payload: {
        householdId: household.recordId,
        assessedOn: "2026-11-01",
        indicatorSetId: setId,
        values: ANSWERS,
      },
    });
    const kase = await recordChange(store, {
      kind: "case.create",
      payload: {
        subjectType: "household",
        householdId: household.recordId,
        category: "01",
        description: "Atap bocor",
        source: "temuan_lapangan",
        urgency: "biasa",
      },
    });
    const visit = await recordChange(store, {
      kind: "visit.create",
      payload: { caseId: kase.recordId, met: "Pak Rahmat", notes: "", visitedAt: new Date().toISOString() },
    });
    const report = await syncOnce(store, transport);
    expect(await store.outbox()).toEqual([]);
    expect(report.applied).toBe(5);
    const stored = await app.inject({
      method: "GET",
      url: `/api/v1/households/${household.recordId}/assessments`,
      headers: psm.headers,
    });
    expect(stored.json().items.map((a: { id: string }) => a.id)).toEqual([assessment.recordId]);
    expect((await store.getRecord("cases", kase.recordId))?.seq).toBeGreaterThan(0);
    const visits = await app.inject({
      method: "GET",
      url: `/api/v1/cases/${kase.recordId}/visits`,
      headers: psm.headers,
    });
    expect(visits.json().items.map((v: { id: string }) => v.id)).toEqual([visit.recordId]);
  });

  it("holds a prioritised subset over the budget and adds a household when a case opens on it", async () => {
    const actor = buildActor(
      { id: budgetUser.id, username: "psm.ws.budget", role: "psm", region_code: PETOJO },
      { via: "session", ip: "127.0.0.1", requestId: "test" },
    );
    const phone = new MemoryStore(newId());
    const push = routeTransport(budgetUser.login).push;
    const pulled: PullResponse[] = [];
    const budgeted: SyncTransport = {
      push,
      pull: async (q) => {
        const page = await pullChanges(ctx.db, actor, q, new Date(), { personBudget: 6 });
        pulled.push(page);
        return page;
      },
    };
    // Four households with 2, 2, 3 and 2 members, made through the API (another phone).
    const maker = new MemoryStore(newId());
    const households: string[] = [];
    for (const [i, size] of [2, 2, 3, 2].entries()) {
      const h = await recordChange(maker, {
        kind: "household.create",
        payload: { regionCode: PETOJO, rw: "1", rt: String(i + 1), address: `Jl. Petojo ${i}` },
      });
      households.push(h.recordId);
      for (let m = 0; m < size; m++)
        await recordChange(maker, {
          kind: "person.create",
          payload: {
            householdId: h.recordId,
            name: `Warga ${i} ${m}`,
            sex: "P",
            relation: m ? "anak" : "kepala_keluarga",
          },
        });
    }
    const openCase = (householdId: string) =>
      recordChange(maker, {
        kind: "case.create",
        payload: {
          subjectType: "household",
          householdId,
          category: "01",
          description: "Butuh bantuan",
          source: "temuan_lapangan",
          urgency: "biasa",
        },
      });
    await openCase(households[1]!);
    await syncOnce(maker, { push, pull: async () => ({ ...emptyPage(), scope: `region:${PETOJO}` }) });
    expect((await maker.outbox()).filter((e) => e.state !== "pending")).toEqual([]);

    await syncOnce(phone, budgeted);
    const [h0, h1, h2, h3] = households as [string, string, string, string];
    const held = async () => (await phone.listRecords("households")).map((h) => h.id).sort();
    // The household with the open case first, then the rest by id while it fits: 2 + 2 of 9.
    expect(await held()).toEqual([h0, h1].sort());
    expect(await phone.listRecords("persons")).toHaveLength(4);
    const meta = await phone.getMeta();
    expect(meta.budget).toEqual({ inScope: 9, limit: 6 });
    expect(meta.cutoff).toMatch(/^b1:4:/);

    // A case opens on the last household: the next pull brings it with its members; an edit of a
    // household outside the selection does not come.
    await openCase(h3);
    await syncOnce(maker, { push, pull: async () => ({ ...emptyPage(), scope: `region:${PETOJO}` }) });
    const edit = await app.inject({
      method: "PATCH",
      url: `/api/v1/households/${h2}`,
      headers: budgetUser.login.headers,
      payload: { address: "Jl. Petojo Baru" },
    });
    expect(edit.statusCode).toBe(200);
    await syncOnce(phone, budgeted);
    expect(await held()).toEqual([h0, h1, h3].sort());
    expect(await phone.listRecords("persons")).toHaveLength(6);
    expect(pulled.at(-1)?.budget).toMatchObject({ inScope: 9, limit: 6 });

    // Over the normal budget, the same scope is held whole.
    const whole = await pullChanges(
      ctx.db,
      actor,
      { since: 0, scope: "", limit: 2000, refs: "", cutoff: "" },
      new Date(),
    );
    expect(whole.budget).toBeNull();
    expect(whole.records.filter((r) => r.table === "persons")).toHaveLength(9);
  });
});

function emptyPage(): PullResponse {
  return {
    scope: "",
    reset: false,
    wipe: false,
    records: [],
    removed: [],
    nextSince: 0,
    hasMore: false,
    refs: "",
    replace: [],
    budget: null,
  };
}
