/**
 * The fault harness's pieces: a seeded random source, a transport to the real server (inject)
 * that drops, duplicates, delays and cuts requests and responses, and a perfect one to settle.
 */
import type { FastifyInstance } from "fastify";
import type { PullQuery, PullResponse, PushBody, PushResponse } from "../../src/core/api/sync.schema.ts";
import type { SyncTransport } from "../../src/web/offline/sync-engine.ts";

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class NetworkFault extends Error {}

export interface FaultCounts {
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  delayed: number;
  replayed: number;
  cutBatches: number;
}

export function noFaults(): FaultCounts {
  return { droppedRequests: 0, droppedResponses: 0, duplicated: 0, delayed: 0, replayed: 0, cutBatches: 0 };
}

type Request = { method: "GET" | "POST"; url: string; payload?: object };

/** Talks to the app as a logged-in user, with faults drawn from `rnd` at rate `rate`. */
export class FaultyTransport implements SyncTransport {
  /** Requests that will reach the server again later (a late retransmission). */
  private late: Request[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string>,
    private readonly rnd: () => number,
    readonly counts: FaultCounts,
    private readonly rate = 0.12,
  ) {}

  private async send(req: Request) {
    const res = await this.app.inject({ ...req, headers: this.headers });
    if (res.statusCode !== 200) throw new Error(`${req.method} ${req.url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Delivers every late request now (their answers go nowhere). */
  async flushLate(): Promise<void> {
    while (this.late.length > 0) {
      await this.send(this.late.shift()!);
      this.counts.replayed++;
    }
  }

  private async call(req: Request, batch?: PushBody): Promise<unknown> {
    if (this.late.length > 0 && this.rnd() < 0.3) {
      const old = this.late.splice(Math.floor(this.rnd() * this.late.length), 1)[0]!;
      await this.send(old);
      this.counts.replayed++;
    }
    if (this.rnd() < this.rate) {
      this.counts.droppedRequests++;
      throw new NetworkFault("request lost");
    }
    if (batch && batch.changes.length > 1 && this.rnd() < this.rate) {
      // The connection dies mid-batch: the server got (and applied) only the first changes.
      const cut = 1 + Math.floor(this.rnd() * (batch.changes.length - 1));
      await this.send({ ...req, payload: { ...batch, changes: batch.changes.slice(0, cut) } });
      this.counts.cutBatches++;
      throw new NetworkFault("connection closed mid-batch");
    }
    let body: unknown;
    if (this.rnd() < this.rate) {
      const [a, b] = await Promise.all([this.send(req), this.send(req)]);
      this.counts.duplicated++;
      body = this.rnd() < 0.5 ? a : b;
    } else body = await this.send(req);
    if (this.rnd() < this.rate) {
      this.late.push(req);
      this.counts.delayed++;
    }
    if (this.rnd() < this.rate) {
      this.counts.droppedResponses++;
      throw new NetworkFault("response lost");
    }
    return body;
  }

  push(body: PushBody): Promise<PushResponse> {
    return this.call(
      { method: "POST", url: "/api/v1/sync/push", payload: body },
      body,
    ) as Promise<PushResponse>;
  }

  pull(q: PullQuery): Promise<PullResponse> {
    const params = { ...q, since: String(q.since), limit: String(q.limit), deviceId: q.deviceId ?? "" };
    const url = `/api/v1/sync/pull?${new URLSearchParams(params)}`;
    return this.call({ method: "GET", url }) as Promise<PullResponse>;
  }
}
