import { gunzipSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { createTestUser, loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { CHANGE_TABLES, REFERENCE_TABLES } from "../../../core/api/sync.schema.ts";
import { newId } from "../../db/ids.ts";

const GAMBIR = "3171011001";
const CIDENG = "3171011002";

describeEachDialect("sync API: push once, pull in scope, conflicts, devices", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    await createTestUser(ctx.db, { username: "psm.sync.a", role: "psm", regionCode: GAMBIR });
    await createTestUser(ctx.db, { username: "psm.sync.b", role: "psm", regionCode: GAMBIR });
  });

  const as = async (username: string) => {
    const app = await ctx.app();
    const login = await loginAs(app, username);
    const deviceId = newId();
    return {
      userId: login.userId,
      deviceId,
      push: (changes: object[]) =>
        app.inject({
          method: "POST",
          url: "/api/v1/sync/push",
          headers: login.headers,
          payload: { deviceId, changes },
        }),
      pull: (since: number, scope = "", extra: Record<string, string> = {}, refs = "") =>
        app.inject({
          method: "GET",
          url: `/api/v1/sync/pull?since=${since}&deviceId=${deviceId}&scope=${scope}&refs=${refs}`,
          headers: { ...login.headers, ...extra },
        }),
      get: (url: string) => app.inject({ method: "GET", url, headers: login.headers }),
      post: (url: string, payload: object) =>
        app.inject({ method: "POST", url, headers: login.headers, payload }),
    };
  };

  const change = (kind: string, recordId: string, payload: object, more: object = {}) => ({
    changeId: newId(),
    kind,
    recordId,
    payload,
    madeAt: new Date().toISOString(),
    ...more,
  });

  it("applies each change once: a repeated batch answers duplicate and writes nothing more", async () => {
    const psm = await as("psm.sync.a");
    const householdId = newId();
    const personId = newId();
    const batch = [
      change("household.create", householdId, {
        regionCode: GAMBIR,
        rw: "2",
        rt: "5",
        address: "Gg. Sempit 3",
      }),
      change("person.create", personId, {
        householdId,
        name: "Siti Aminah",
        sex: "P",
        relation: "kepala_keluarga",
      }),
      change("person.create", newId(), { name: "Tanpa Wilayah", sex: "L", relation: "lainnya" }),
    ];
    const first = await psm.push(batch);
    expect(first.statusCode).toBe(200);
    expect(first.json().results.map((r: { status: string }) => r.status)).toEqual([
      "applied",
      "applied",
      "rejected",
    ]);
    expect(first.json().results[2].code).toBe("person_region_required");
    const again = await psm.push(batch);
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual([
      "duplicate",
      "duplicate",
      "rejected",
    ]);
    const persons = await ctx.db
      .selectFrom("persons")
      .select("id")
      .where("name", "=", "Siti Aminah")
      .execute();
    expect(persons).toHaveLength(1);
    const stored = await ctx.db
      .selectFrom("sync_changes")
      .select("change_id")
      .where("device_id", "=", psm.deviceId)
      .execute();
    expect(stored).toHaveLength(2);
  });

  it("rejects a malformed change with its reason and keeps the rest of the batch", async () => {
    const psm = await as("psm.sync.a");
    const res = await psm.push([
      change("household.create", newId(), { regionCode: GAMBIR, rw: "xx", rt: "1", address: "A" }),
      change("household.create", newId(), {
        regionCode: CIDENG,
        rw: "1",
        rt: "1",
        address: "Luar wilayah",
      }),
    ]);
    const [bad, outside] = res.json().results;
    expect(bad).toMatchObject({ status: "rejected", code: "sync_payload_invalid" });
    expect(bad.message).toContain("rw");
    expect(outside).toMatchObject({ status: "rejected", code: "forbidden" });
  });

  it("pulls the region's records paged by change number, gzip-compressed when asked", async () => {
    const psm = await as("psm.sync.a");
    const res = await psm.pull(0, "", { "accept-encoding": "gzip" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    const page = JSON.parse(gunzipSync(res.rawPayload).toString("utf8"));
    expect(page.scope).toBe(`region:${GAMBIR}`);
    expect(page.records.some((r: { data: { name?: string } }) => r.data.name === "Siti Aminah")).toBe(true);
    // The change tables in scope, ordered by change number; the reference tables come whole at the end.
    type Row = { table: string; seq: number; data: { regionCode: string } };
    const changed = page.records.filter((r: Row) => CHANGE_TABLES.includes(r.table as never));
    expect(changed.every((r: Row) => r.data.regionCode.startsWith(GAMBIR))).toBe(true);
    const seqs = changed.map((r: Row) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(page.replace).toEqual([...REFERENCE_TABLES]);
    expect(page.records.filter((r: Row) => r.table === "indicator_sets")).toHaveLength(1);
    const later = await psm.pull(page.nextSince, page.scope, {}, page.refs);
    expect(later.json()).toMatchObject({
      records: [],
      removed: [],
      hasMore: false,
      reset: false,
      replace: [],
      refs: page.refs,
    });
  });

  it("tells a phone whose data was pulled under another scope to reset", async () => {
    const psm = await as("psm.sync.a");
    const res = await psm.pull(120, `region:${CIDENG}`);
    expect(res.json()).toMatchObject({ reset: true, records: [], scope: `region:${GAMBIR}` });
  });

  it("merges edits of different fields and records a conflict for the same field, keeping the stored value", async () => {
    const a = await as("psm.sync.a");
    const b = await as("psm.sync.b");
    const personId = newId();
    await a.push([
      change("person.create", personId, { regionCode: GAMBIR, name: "Budi", sex: "L", relation: "lainnya" }),
    ]);
    const base = await ctx.db
      .selectFrom("persons")
      .select("seq")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    const fromA = await a.push([
      change(
        "person.update",
        personId,
        {},
        {
          baseSeq: base.seq,
          edits: {
            occupation: { base: null, value: "pengemudi" },
            phone: { base: null, value: "081234567890" },
          },
        },
      ),
    ]);
    expect(fromA.json().results[0].status).toBe("applied");
    const fromB = await b.push([
      change(
        "person.update",
        personId,
        {},
        {
          baseSeq: base.seq,
          edits: {
            occupation: { base: null, value: "buruh_harian" },
            education: { base: null, value: "sd" },
          },
        },
      ),
    ]);
    const result = fromB.json().results[0];
    expect(result.status).toBe("conflict");
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      field: "occupation",
      serverValue: "pengemudi",
      clientValue: "buruh_harian",
    });
    const row = await ctx.db
      .selectFrom("persons")
      .selectAll()
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(row.occupation).toBe("pengemudi");
    expect(row.education).toBe("sd");
    expect(row.phone).toBe("081234567890");

    const listed = await a.get(`/api/v1/sync/conflicts?recordId=${personId}`);
    expect(listed.json().items).toHaveLength(1);
    // The list names whom the record is about; the push answer does not carry it.
    expect(listed.json().items[0].subject).toEqual({
      name: "Budi",
      address: null,
      rw: null,
      rt: null,
      kkNumber: null,
    });
    expect(result.conflicts[0].subject).toBeUndefined();
    const conflictId = listed.json().items[0].id;
    const resolved = await b.post(`/api/v1/sync/conflicts/${conflictId}/resolve`, { keep: "client" });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ resolution: "client", resolvedBy: b.userId });
    const after = await ctx.db
      .selectFrom("persons")
      .select("occupation")
      .where("id", "=", personId)
      .executeTakeFirstOrThrow();
    expect(after.occupation).toBe("buruh_harian");
    expect(
      (await b.post(`/api/v1/sync/conflicts/${conflictId}/resolve`, { keep: "server" })).statusCode,
    ).toBe(409);
    expect((await a.get(`/api/v1/sync/conflicts?recordId=${personId}`)).json().items).toHaveLength(0);
  });

  it("lists a household conflict with the household's address, RW/RT and masked KK as they are now", async () => {
    const a = await as("psm.sync.a");
    const b = await as("psm.sync.b");
    const householdId = newId();
    await a.push([
      change("household.create", householdId, {
        regionCode: GAMBIR,
        rw: "4",
        rt: "9",
        address: "Jl. Awal 1",
      }),
    ]);
    await ctx.db
      .updateTable("households")
      .set({ kk_number: "3171010101200042" })
      .where("id", "=", householdId)
      .execute();
    const { seq } = await ctx.db
      .selectFrom("households")
      .select("seq")
      .where("id", "=", householdId)
      .executeTakeFirstOrThrow();
    const edit = (value: string) =>
      change(
        "household.update",
        householdId,
        {},
        { baseSeq: seq, edits: { address: { base: "Jl. Awal 1", value } } },
      );
    expect((await a.push([edit("Jl. Dari A 2")])).json().results[0].status).toBe("applied");
    expect((await b.push([edit("Jl. Dari B 3")])).json().results[0].status).toBe("conflict");
    const listed = (await b.get(`/api/v1/sync/conflicts?recordId=${householdId}`)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].subject).toEqual({
      name: null,
      address: "Jl. Dari A 2",
      rw: "004",
      rt: "009",
      kkNumber: "3171••••••••0042",
    });
  });

  it("sends a household that moved out of the region as removed, with its members", async () => {
    const psm = await as("psm.sync.a");
    const sudin = await as("sudin");
    const householdId = newId();
    const memberId = newId();
    await psm.push([
      change("household.create", householdId, {
        regionCode: GAMBIR,
        rw: "1",
        rt: "1",
        address: "Jl. Pindah 1",
      }),
      change("person.create", memberId, {
        householdId,
        name: "Rahmat",
        sex: "L",
        relation: "kepala_keluarga",
      }),
    ]);
    let since = 0;
    let scope = "";
    for (let more = true; more; ) {
      const page = (await psm.pull(since, scope)).json();
      since = page.nextSince;
      scope = page.scope;
      more = page.hasMore;
    }
    const app = await ctx.app();
    const login = await loginAs(app, "sudin");
    const moved = await app.inject({
      method: "PATCH",
      url: `/api/v1/households/${householdId}`,
      headers: login.headers,
      payload: { regionCode: CIDENG, address: "Jl. Baru 2" },
    });
    expect(moved.statusCode).toBe(200);
    expect(sudin.userId).toBeTruthy();
    const page = (await psm.pull(since, scope)).json();
    expect(page.removed).toEqual(
      expect.arrayContaining([
        { table: "households", id: householdId },
        { table: "persons", id: memberId },
      ]),
    );
    expect(page.records.some((r: { id: string }) => r.id === householdId)).toBe(false);
  });

  it("lets an administrator list devices and ask one to wipe; the device sees it at its next pull", async () => {
    const psm = await as("psm.sync.a");
    await psm.pull(0);
    const report = await psm.post("/api/v1/sync/device", {
      deviceId: psm.deviceId,
      counts: { persons: 3 },
      pending: 1,
    });
    expect(report.json()).toMatchObject({ counts: { persons: 3 }, pending: 1, wipeRequestedAt: null });
    const admin = await as("admin");
    expect((await psm.get("/api/v1/sync/devices")).statusCode).toBe(403);
    const listed = (await admin.get("/api/v1/sync/devices")).json();
    expect(listed.items.find((d: { id: string }) => d.id === psm.deviceId)).toMatchObject({
      username: "psm.sync.a",
    });
    const key = await psm.get(`/api/v1/sync/key?deviceId=${psm.deviceId}`);
    expect(Buffer.from(key.json().key, "base64")).toHaveLength(32);
    expect((await psm.get(`/api/v1/sync/key?deviceId=${psm.deviceId}`)).json().key).toBe(key.json().key);
    expect((await admin.get(`/api/v1/sync/key?deviceId=${psm.deviceId}`)).statusCode).toBe(403);
    const wipe = await admin.post(`/api/v1/sync/devices/${psm.deviceId}/wipe`, {});
    expect(wipe.statusCode).toBe(200);
    expect((await psm.get(`/api/v1/sync/key?deviceId=${psm.deviceId}`)).statusCode).toBe(403);
    expect((await psm.pull(5, `region:${GAMBIR}`)).json()).toMatchObject({
      wipe: true,
      reset: true,
      records: [],
    });
    const done = await psm.post("/api/v1/sync/device", {
      deviceId: psm.deviceId,
      counts: {},
      pending: 0,
      wiped: true,
    });
    expect(done.json().wipedAt).not.toBeNull();
    expect((await psm.pull(0)).json().wipe).toBe(false);
  });
});
