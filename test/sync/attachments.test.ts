/**
 * Photos of a visit recorded offline, on each engine: kept with the visit.create change in the
 * in-memory store, uploaded to the visit's photo route only after the visit is on the server,
 * kept and tried again when an upload fails, and removed only once it succeeded.
 */
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { newId } from "../../src/server/db/ids.ts";
import { MemoryStore, type StoredAttachment } from "../../src/web/offline/local-store.ts";
import { dismissChange, recordChange } from "../../src/web/offline/outbox.ts";
import { type SyncTransport, syncOnce } from "../../src/web/offline/sync-engine.ts";
import { createTestUser, type LoggedIn, loginAs, seedAccessFixture } from "../auth-helpers.ts";
import { describeEachDialect } from "../test-db.ts";

const GAMBIR = "3171011001";
/** The smallest PNG header the photo route recognises, padded. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

describeEachDialect("sync: photos of offline visits", (ctx) => {
  let app: FastifyInstance;
  let psm: LoggedIn;

  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
    await createTestUser(ctx.db, { username: "psm.photo", role: "psm", regionCode: GAMBIR });
    app = await ctx.app();
    psm = await loginAs(app, "psm.photo");
  });

  /** The real routes through inject; uploads fail while `failUploads` is set. */
  function transport(state: { failUploads: boolean; uploads: number }): SyncTransport {
    return {
      push: async (body) =>
        (
          await app.inject({ method: "POST", url: "/api/v1/sync/push", headers: psm.headers, payload: body })
        ).json(),
      pull: async (q) => {
        const params = new URLSearchParams({ ...q, since: String(q.since), limit: String(q.limit) } as never);
        return (
          await app.inject({ method: "GET", url: `/api/v1/sync/pull?${params}`, headers: psm.headers })
        ).json();
      },
      upload: async (file: StoredAttachment) => {
        state.uploads++;
        if (state.failUploads) throw new Error("network_error");
        const boundary = "----peduli-sync";
        const payload = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
          ),
          Buffer.from(file.bytes),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const res = await app.inject({
          method: "POST",
          url: `/api/v1/cases/${file.caseId}/visits/${file.visitId}/photos`,
          headers: { ...psm.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
          payload,
        });
        if (res.statusCode !== 201) throw new Error(`upload ${res.statusCode}: ${res.body}`);
      },
    };
  }

  async function offlineVisit(store: MemoryStore) {
    const household = await recordChange(store, {
      kind: "household.create",
      payload: { regionCode: GAMBIR, rw: "1", rt: "2", address: "Gg. Foto 1" },
    });
    const kase = await recordChange(store, {
      kind: "case.create",
      payload: {
        subjectType: "household",
        householdId: household.recordId,
        category: "01",
        description: "Rumah rusak",
        source: "temuan_lapangan",
        urgency: "biasa",
      },
    });
    const visit = await recordChange(store, {
      kind: "visit.create",
      payload: { caseId: kase.recordId, met: "Ibu Ani", notes: "", visitedAt: new Date().toISOString() },
    });
    return { caseId: kase.recordId, visit };
  }

  const photos = async (caseId: string) =>
    (await app.inject({ method: "GET", url: `/api/v1/cases/${caseId}/visits`, headers: psm.headers })).json()
      .items[0].photos as unknown[];

  it("uploads a visit's photo after the visit is applied, retrying a failed upload without losing it", async () => {
    const store = new MemoryStore(newId());
    const { caseId, visit } = await offlineVisit(store);
    const bytes = new Uint8Array(PNG).buffer;
    await store.addAttachment(visit.changeId, { name: "rumah.png", type: "image/png", bytes });
    await expect(store.addAttachment(newId(), { name: "x.png", type: "image/png", bytes })).rejects.toThrow();
    expect(await store.attachments(visit.changeId)).toMatchObject([{ caseId, visitId: visit.recordId }]);

    const state = { failUploads: true, uploads: 0 };
    const first = await syncOnce(store, transport(state));
    expect(first).toMatchObject({ applied: 3, uploaded: 0, uploadFailed: 1 });
    const [kept] = await store.attachments(visit.changeId);
    expect(kept).toMatchObject({ attempts: 1, error: "network_error" });
    expect(new Uint8Array(kept!.bytes)).toEqual(new Uint8Array(PNG));
    expect(await photos(caseId)).toHaveLength(0);

    state.failUploads = false;
    const second = await syncOnce(store, transport(state));
    expect(second).toMatchObject({ uploaded: 1, uploadFailed: 0 });
    expect(await store.pendingAttachments()).toEqual([]);
    expect(await photos(caseId)).toHaveLength(1);
    await syncOnce(store, transport(state));
    expect(state.uploads).toBe(2);
  });

  it("waits while the visit is not applied and drops the photos of a visit the worker gives up", async () => {
    const store = new MemoryStore(newId());
    const household = await recordChange(store, {
      kind: "household.create",
      payload: { regionCode: GAMBIR, rw: "1", rt: "3", address: "Gg. Foto 2" },
    });
    // A visit to a case that does not exist: refused, so its photo has no visit to go to.
    const visit = await recordChange(store, {
      kind: "visit.create",
      payload: { caseId: newId(), met: "Pak Budi", notes: "", visitedAt: new Date().toISOString() },
    });
    await store.addAttachment(visit.changeId, {
      name: "a.png",
      type: "image/png",
      bytes: new Uint8Array(PNG).buffer,
    });
    const state = { failUploads: false, uploads: 0 };
    const report = await syncOnce(store, transport(state));
    expect(report.rejected).toBe(1);
    expect(state.uploads).toBe(0);
    expect(await store.attachments(visit.changeId)).toHaveLength(1);
    await dismissChange(store, visit.changeId);
    expect(await store.pendingAttachments()).toEqual([]);
    expect(await store.getRecord("households", household.recordId)).toBeDefined();
  });
});
