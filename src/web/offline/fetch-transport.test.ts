/**
 * The browser transport's timeouts: a request that never answers is aborted and fails the round,
 * and the next round sends the same change again (nothing lost, nothing sent twice as new).
 */
import { describe, expect, it } from "vitest";
import type { PullResponse, PushBody } from "../../core/api/sync.schema.ts";
import { createFetchTransport, requestJson, SyncRequestError } from "./fetch-transport.ts";
import { MemoryStore } from "./local-store.ts";
import { recordChange } from "./outbox.ts";
import { syncOnce } from "./sync-engine.ts";

/** A fetch that never answers until its signal aborts (a stalled connection). */
const stalled: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () =>
      reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
    );
  });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const emptyPull: PullResponse = {
  scope: "region:3171011001",
  reset: false,
  wipe: false,
  records: [],
  removed: [],
  nextSince: 5,
  hasMore: false,
  refs: "v1:x",
  replace: [],
  budget: null,
};

describe("fetch transport", () => {
  it("aborts a request that does not answer in time", async () => {
    const started = Date.now();
    const error = await requestJson(stalled, "/api/v1/sync/pull", { method: "GET" }, 50).catch((e) => e);
    expect(error).toBeInstanceOf(SyncRequestError);
    expect(error).toMatchObject({ status: 0, code: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("turns a problem answer into its status and code", async () => {
    const answer: typeof fetch = async () => json({ code: "forbidden", detail: "Tidak boleh" }, 403);
    await expect(requestJson(answer, "/x", { method: "GET" }, 1_000)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
      message: "Tidak boleh",
    });
  });

  it("lets the engine recover after a stalled push: the change stays and goes out once later", async () => {
    const store = new MemoryStore("0193a000-0000-7000-8000-000000000001");
    const change = await recordChange(store, {
      kind: "household.create",
      payload: { regionCode: "3171011001", rw: "1", rt: "1", address: "Gg. Macet" },
    });
    let stall = true;
    const pushed: PushBody[] = [];
    const server: typeof fetch = async (input, init) => {
      if (stall) return stalled(input, init);
      const url = String(input);
      if (url.startsWith("/api/v1/sync/push")) {
        const body = JSON.parse(String(init?.body)) as PushBody;
        pushed.push(body);
        return json({ results: body.changes.map((c) => ({ changeId: c.changeId, status: "applied" })) });
      }
      return json(emptyPull);
    };
    const transport = createFetchTransport({
      csrfToken: () => "token",
      language: () => "id",
      fetch: server,
      timeouts: { push: 50, pull: 50 },
    });
    await expect(syncOnce(store, transport)).rejects.toMatchObject({ code: "timeout" });
    expect((await store.outbox()).map((e) => e.change.changeId)).toEqual([change.changeId]);

    stall = false;
    const report = await syncOnce(store, transport);
    expect(report.applied).toBe(1);
    expect(pushed.flatMap((b) => b.changes.map((c) => c.changeId))).toEqual([change.changeId]);
    expect(await store.outbox()).toEqual([]);
    expect((await store.getMeta()).since).toBe(5);
  });
});
