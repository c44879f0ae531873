/**
 * Sync under real faults: phones running the real client sync logic (src/web/offline, on the
 * in-memory store) against the real server (buildApp, inject) on each engine, through a transport
 * that loses requests and responses, sends requests twice at once, delivers old requests late
 * and cuts batches mid-way. Each seeded run makes offline changes on one phone (and, sometimes,
 * server-side edits and moves by the sudin), syncs until quiet and checks: no change lost (each is
 * on the server or shown to the worker), none applied twice, phone and server end equal.
 */
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { PullResponse, SyncChange, SyncTable } from "../../src/core/api/sync.schema.ts";
import { newId } from "../../src/server/db/ids.ts";
import { type LocalStore, MemoryStore } from "../../src/web/offline/local-store.ts";
import { dismissChange, recordChange, recordEdit } from "../../src/web/offline/outbox.ts";
import { syncOnce } from "../../src/web/offline/sync-engine.ts";
import { createTestUser, type LoggedIn, loginAs, seedAccessFixture } from "../auth-helpers.ts";
import { describeEachDialect, testDialects } from "../test-db.ts";
import { FaultyTransport, NetworkFault, noFaults, seeded } from "./sync-harness.ts";

const REGIONS = ["3171011001", "3171011002", "3171011003", "3171011004"];
const OCCUPATIONS = ["pedagang", "buruh_harian", "pengemudi", "wiraswasta", "lainnya"];
const EDUCATION = ["sd", "tidak_sekolah", "belum_tamat_sd"];
/** 200 runs on SQLite; PostgreSQL (CI sets it too) repeats a share of them. */
const RUNS = { sqlite: 200, postgres: 60 } as const;
const TABLES: SyncTable[] = ["households", "persons", "cases", "case_tasks"];

interface Phone {
  region: string;
  login: LoggedIn;
  store: LocalStore;
  transport: FaultyTransport;
}

describeEachDialect("sync fault harness", (ctx) => {
  let app: FastifyInstance;
  let sudin: LoggedIn;
  const phones: Phone[] = [];
  const counts = noFaults();
  const totals = { changes: 0, applied: 0, duplicate: 0, conflict: 0, rejected: 0 };

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    app = await ctx.app();
    sudin = await loginAs(app, "sudin");
    for (const [i, region] of REGIONS.entries()) {
      await createTestUser(ctx.db, { username: `psm.harness.${i}`, role: "psm", regionCode: region });
      const login = await loginAs(app, `psm.harness.${i}`);
      phones.push({
        region,
        login,
        store: new MemoryStore(newId()),
        transport: new FaultyTransport(app, login.headers, seeded(1000 + i), counts),
      });
    }
  });

  const api = (who: LoggedIn, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  /** Everything the server holds for a user's scope, through a device-less pull from 0. */
  async function serverView(who: LoggedIn) {
    const out = new Map<string, { seq: number; data: unknown }>();
    for (let since = 0, more = true; more; ) {
      const page = (
        await api(who, "GET", `/api/v1/sync/pull?since=${since}&limit=5000`)
      ).json() as PullResponse;
      // The change tables only: the reference tables (catalogues) are checked in working-set.test.ts.
      for (const r of page.records)
        if (TABLES.includes(r.table)) out.set(`${r.table}/${r.id}`, { seq: r.seq, data: r.data });
      since = page.nextSince;
      more = page.hasMore;
    }
    return out;
  }

  async function phoneView(store: LocalStore) {
    const out = new Map<string, { seq: number; data: unknown }>();
    for (const table of TABLES)
      for (const r of await store.listRecords(table))
        out.set(`${table}/${r.id}`, { seq: r.seq, data: r.data });
    return out;
  }

  /** Syncs through faults until the outbox has nothing pending, then settles late packets. */
  async function syncUntilQuiet(phone: Phone) {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        const report = await syncOnce(phone.store, phone.transport, { batchSize: 3, pageSize: 40 });
        totals.applied += report.applied;
        totals.duplicate += report.duplicate;
        if ((await phone.store.outbox()).every((e) => e.state !== "pending")) break;
      } catch (error) {
        if (!(error instanceof NetworkFault)) throw error;
      }
    }
    await phone.transport.flushLate();
    const perfect = new FaultyTransport(app, phone.login.headers, () => 1, noFaults(), 0);
    await syncOnce(phone.store, perfect, { batchSize: 3, pageSize: 40 });
  }

  /** Offline changes a worker might make in one outing. */
  async function makeChanges(phone: Phone, rnd: () => number): Promise<SyncChange[]> {
    const made: SyncChange[] = [];
    const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!;
    const n = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < n; i++) {
      const households = (await phone.store.listRecords("households")).filter((h) => h.seq > 0);
      const persons = (await phone.store.listRecords("persons")).filter((p) => p.seq > 0);
      const cases = (await phone.store.listRecords("cases")).filter((c) => c.seq > 0);
      const roll = rnd();
      if (roll < 0.35 || households.length === 0) {
        const household = await recordChange(phone.store, {
          kind: "household.create",
          payload: {
            regionCode: phone.region,
            rw: String(1 + Math.floor(rnd() * 9)),
            rt: "4",
            address: `Gg. ${Math.floor(rnd() * 1e6)}`,
          },
        });
        made.push(household);
        for (let m = Math.floor(rnd() * 3); m > 0; m--)
          made.push(
            await recordChange(phone.store, {
              kind: "person.create",
              payload: {
                householdId: household.recordId,
                name: `Warga ${Math.floor(rnd() * 1e6)}`,
                sex: pick(["L", "P"]),
                relation: "lainnya",
              },
            }),
          );
      } else if (roll < 0.7 && persons.length > 0) {
        const person = pick(persons);
        const values =
          rnd() < 0.5
            ? { occupation: pick(OCCUPATIONS) }
            : { occupation: pick(OCCUPATIONS), education: pick(EDUCATION) };
        const edit = await recordEdit(phone.store, "persons", person.id, values);
        if (edit) made.push(edit);
      } else if (roll < 0.85 || cases.length === 0) {
        const caseChange = await recordChange(phone.store, {
          kind: "case.create",
          payload: {
            subjectType: "household",
            householdId: pick(households).id,
            category: "01",
            description: "Temuan kunjungan",
            source: "temuan_lapangan",
            urgency: "biasa",
          },
        });
        made.push(caseChange);
        made.push(
          await recordChange(phone.store, {
            kind: "visit.create",
            payload: { caseId: caseChange.recordId, met: "Ibu", notes: "" },
          }),
        );
      } else {
        made.push(
          await recordChange(phone.store, {
            kind: "visit.create",
            payload: { caseId: pick(cases).id, met: "Bapak", notes: "Lanjutan" },
          }),
        );
      }
    }
    return made;
  }

  /** What the sudin changes on the server meanwhile: an occupation, sometimes a household's kelurahan. */
  async function serverEdits(phone: Phone, rnd: () => number) {
    const persons = (await phone.store.listRecords("persons")).filter((p) => p.seq > 0);
    if (persons.length > 0 && rnd() < 0.3) {
      const person = persons[Math.floor(rnd() * persons.length)]!;
      await api(sudin, "PATCH", `/api/v1/persons/${person.id}`, {
        occupation: OCCUPATIONS[Math.floor(rnd() * OCCUPATIONS.length)],
      });
    }
    const households = (await phone.store.listRecords("households")).filter((h) => h.seq > 0);
    if (households.length > 2 && rnd() < 0.08) {
      const household = households[Math.floor(rnd() * households.length)]!;
      const to = REGIONS.filter((r) => r !== phone.region)[Math.floor(rnd() * (REGIONS.length - 1))]!;
      await api(sudin, "PATCH", `/api/v1/households/${household.id}`, { regionCode: to });
    }
  }

  async function checkRun(phone: Phone, made: SyncChange[], seed: number) {
    const label = `seed ${seed}`;
    const outbox = await phone.store.outbox();
    expect(
      outbox.filter((e) => e.state === "pending"),
      label,
    ).toEqual([]);
    const shown = new Set(outbox.map((e) => e.change.changeId));
    const stored = new Set(
      made.length === 0
        ? []
        : (
            await ctx.db
              .selectFrom("sync_changes")
              .select("change_id")
              .where(
                "change_id",
                "in",
                made.map((c) => c.changeId),
              )
              .execute()
          ).map((r) => r.change_id),
    );
    for (const change of made) {
      // Not lost: applied on the server, or shown to the worker (refused or in conflict).
      expect(stored.has(change.changeId) || shown.has(change.changeId), `${label}: ${change.kind} lost`).toBe(
        true,
      );
      if (outbox.find((e) => e.change.changeId === change.changeId)?.state === "rejected") totals.rejected++;
    }
    totals.conflict += outbox.filter((e) => e.state === "conflict").length;
    // Not applied twice: one create in the audit trail per created record, one timeline event per visit.
    const created = made.filter((c) => c.kind.endsWith(".create") && stored.has(c.changeId));
    const records = created.filter((c) => c.kind !== "visit.create").map((c) => c.recordId);
    if (records.length > 0) {
      const audits = await ctx.db
        .selectFrom("audit_log")
        .select(["record_id"])
        .where("action", "=", "create")
        .where("record_id", "in", records)
        .execute();
      const perRecord = new Map<string, number>();
      for (const a of audits) perRecord.set(a.record_id!, (perRecord.get(a.record_id!) ?? 0) + 1);
      for (const id of records) expect(perRecord.get(id) ?? 0, `${label}: ${id} created once`).toBe(1);
    }
    const visits = created.filter((c) => c.kind === "visit.create");
    for (const v of visits) {
      const events = await ctx.db
        .selectFrom("case_events")
        .select("id")
        .where("type", "=", "visit_recorded")
        .where("data_json", "like", `%${v.recordId}%`)
        .execute();
      expect(events.length, `${label}: visit ${v.recordId} recorded once`).toBe(1);
    }
    // Phone and server equal: the phone's copies are the server's records in its scope.
    const refused = new Set(outbox.filter((e) => e.state === "rejected").map((e) => e.change.recordId));
    const mine = await phoneView(phone.store);
    for (const [key, r] of mine) if (r.seq === 0 && refused.has(key.split("/")[1]!)) mine.delete(key);
    const server = await serverView(phone.login);
    expect([...mine.keys()].sort(), `${label}: same records`).toEqual([...server.keys()].sort());
    for (const [key, r] of server) expect(mine.get(key), `${label}: ${key}`).toEqual(r);
    // The worker has seen what needed attention.
    for (const e of outbox) await dismissChange(phone.store, e.change.changeId);
  }

  it(`keeps every change exactly once over ${RUNS[ctx.dialect]} seeded runs with faults`, async () => {
    for (const phone of phones) await syncUntilQuiet(phone);
    for (let seed = 1; seed <= RUNS[ctx.dialect]; seed++) {
      const rnd = seeded(seed);
      const phone = phones[seed % phones.length]!;
      await serverEdits(phone, rnd);
      const made = await makeChanges(phone, rnd);
      totals.changes += made.length;
      await syncUntilQuiet(phone);
      await checkRun(phone, made, seed);
    }
    // The faults did happen, of every kind.
    for (const [kind, n] of Object.entries(counts)) expect(n, kind).toBeGreaterThan(0);
    expect(totals.duplicate).toBeGreaterThan(0);
    console.info(`sync fault harness [${ctx.dialect}]`, JSON.stringify({ ...totals, faults: counts }));
  }, 240_000);

  it("drops the old region's records from the phone after the worker's region changes", async () => {
    const userId = await createTestUser(ctx.db, {
      username: "psm.harness.pindah",
      role: "psm",
      regionCode: REGIONS[0],
    });
    const login = await loginAs(app, "psm.harness.pindah");
    const phone: Phone = {
      region: REGIONS[0]!,
      login,
      store: new MemoryStore(newId()),
      transport: new FaultyTransport(app, login.headers, seeded(7), noFaults()),
    };
    await syncUntilQuiet(phone);
    const before = await phone.store.listRecords("households");
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((h) => h.regionCode === REGIONS[0])).toBe(true);
    await ctx.db.updateTable("users").set({ region_code: REGIONS[1] }).where("id", "=", userId).execute();
    await syncUntilQuiet(phone);
    const after = await phone.store.listRecords("households");
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((h) => h.regionCode !== REGIONS[1])).toEqual([]);
    expect((await phone.store.getMeta()).scope).toBe(`region:${REGIONS[1]}`);
    expect([...(await phoneView(phone.store)).keys()].sort()).toEqual(
      [...(await serverView(login)).keys()].sort(),
    );
  });

  it("turns two offline edits of the same field of a person into a visible conflict", async () => {
    const a = phones[0]!;
    const b = { ...a, store: new MemoryStore(newId()) };
    const bLogin = await loginAs(app, "psm.harness.0");
    b.login = bLogin;
    b.transport = new FaultyTransport(app, bLogin.headers, () => 1, noFaults(), 0);
    await syncUntilQuiet(a);
    await syncUntilQuiet(b);
    const person = (await a.store.listRecords("persons")).find((p) => p.seq > 0)!;
    const base = person.data.occupation;
    const first = base === "asn" ? "pedagang" : "asn";
    await recordEdit(a.store, "persons", person.id, { occupation: first });
    await recordEdit(b.store, "persons", person.id, { occupation: "pemulung" });
    await syncUntilQuiet(a);
    await syncUntilQuiet(b);
    const [entry] = await b.store.outbox();
    expect(entry?.state).toBe("conflict");
    expect(entry?.result?.conflicts?.[0]).toMatchObject({
      field: "occupation",
      serverValue: first,
      clientValue: "pemulung",
    });
    expect((await b.store.getRecord("persons", person.id))?.data.occupation).toBe(first);
    const listed = (await api(sudin, "GET", `/api/v1/sync/conflicts?recordId=${person.id}`)).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ field: "occupation", serverValue: first, clientValue: "pemulung" }),
    ]);
  });
});

it("runs the harness on every configured engine", () => {
  expect(testDialects()).toContain("sqlite");
});
