/**
 * The sync client's pure core: push the outbox in batches, then pull until the local copies are
 * complete. It talks to a `SyncTransport` (fetch in the browser, the real server through inject in
 * the fault harness) and a `LocalStore`; no DOM, so Node runs it unchanged.
 *
 * Safety rests on three facts: a change leaves the outbox only when the server answered it
 * (applied or duplicate), and a lost answer means sending it again, which the server recognises by
 * its change id; the pull position moves only after the page is stored; and reconcile() never lets
 * an older page overwrite a newer copy. Files of offline visits (photos) are uploaded after their
 * visit is on the server and leave the phone only when the upload succeeded.
 *
 * Every transport call must end: the browser's transport gives each request a timeout, so a
 * stalled connection fails the round (nothing is lost: the round runs again later).
 */
import type {
  PullQuery,
  PullResponse,
  PushBody,
  PushResponse,
  PushResult,
} from "../../core/api/sync.schema.ts";
import type { LocalStore, OutboxEntry, StoredAttachment, SyncMeta } from "./local-store.ts";
import { reconcile } from "./reconcile.ts";

export interface SyncTransport {
  push(body: PushBody): Promise<PushResponse>;
  pull(query: PullQuery): Promise<PullResponse>;
  /** Uploads a visit photo to its visit (POST /cases/:id/visits/:visitId/photos); absent in tests without files. */
  upload?(file: StoredAttachment): Promise<void>;
}

export interface SyncReport {
  pushed: number;
  applied: number;
  duplicate: number;
  rejected: number;
  conflict: number;
  pulled: number;
  removed: number;
  reset: boolean;
  wiped: boolean;
  uploaded: number;
  /** Uploads that failed this round (kept, tried again at the next). */
  uploadFailed: number;
}

export interface SyncOptions {
  batchSize?: number;
  pageSize?: number;
  now?: () => Date;
}

/** One full round: push everything pending, then pull to the end. Throws when the network fails. */
export async function syncOnce(
  store: LocalStore,
  transport: SyncTransport,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    applied: 0,
    duplicate: 0,
    rejected: 0,
    conflict: 0,
    pulled: 0,
    removed: 0,
    reset: false,
    wiped: false,
    uploaded: 0,
    uploadFailed: 0,
  };
  await pushOutbox(store, transport, options.batchSize ?? 25, report);
  await uploadAttachments(store, transport, report);
  await pullAll(store, transport, options.pageSize ?? 2000, report);
  const meta = await store.getMeta();
  if (!report.wiped)
    await store.setMeta({ ...meta, lastSyncAt: (options.now?.() ?? new Date()).toISOString() });
  return report;
}

async function pushOutbox(
  store: LocalStore,
  transport: SyncTransport,
  batchSize: number,
  report: SyncReport,
) {
  const { deviceId } = await store.getMeta();
  for (;;) {
    const pending = (await store.outbox()).filter((e) => e.state === "pending").slice(0, batchSize);
    if (pending.length === 0) return;
    await store.updateOutbox(pending.map((e) => ({ ...e, attempts: e.attempts + 1 })));
    const response = await transport.push({ deviceId, changes: pending.map((e) => e.change) });
    const byId = new Map(response.results.map((r) => [r.changeId, r]));
    const done: string[] = [];
    const answered: OutboxEntry[] = [];
    for (const entry of pending) {
      const result = byId.get(entry.change.changeId);
      if (!result) continue;
      report.pushed++;
      report[result.status]++;
      if (result.status === "applied" || result.status === "duplicate") {
        // A duplicate of a change that first raised a conflict still needs the worker's eyes.
        if (result.conflicts?.length) answered.push(flagged(entry, "conflict", result));
        else done.push(entry.change.changeId);
      } else answered.push(flagged(entry, result.status, result));
    }
    await store.updateOutbox(answered);
    await store.removeFromOutbox(done);
    // A record made on the phone stays a local copy (seq 0) until the pull brings the server's.
    if (done.length + answered.length === 0) return;
  }
}

/** Uploads the files of visits the server has applied (their change left the outbox). */
async function uploadAttachments(store: LocalStore, transport: SyncTransport, report: SyncReport) {
  if (!transport.upload) return;
  const files = await store.pendingAttachments();
  if (files.length === 0) return;
  const waiting = new Set((await store.outbox()).map((e) => e.change.changeId));
  for (const file of files) {
    // Not applied yet (pending, refused or in conflict): the visit is not on the server.
    if (waiting.has(file.changeId)) continue;
    try {
      await transport.upload(file);
      await store.removeAttachments([file.id]);
      report.uploaded++;
    } catch (error) {
      report.uploadFailed++;
      await store.updateAttachment({
        ...file,
        attempts: file.attempts + 1,
        error: (error as Error).message || "upload_failed",
      });
    }
  }
}

function flagged(entry: OutboxEntry, state: "rejected" | "conflict", result: PushResult): OutboxEntry {
  return { ...entry, state, result, attempts: entry.attempts + 1 };
}

/** The pull request that continues from `meta`. */
function pullQuery(meta: SyncMeta, pageSize: number): PullQuery {
  return {
    since: meta.since,
    deviceId: meta.deviceId,
    scope: meta.scope,
    limit: pageSize,
    refs: meta.refs ?? "",
    cutoff: meta.cutoff ?? "",
  };
}

async function pullAll(store: LocalStore, transport: SyncTransport, pageSize: number, report: SyncReport) {
  // The next page is asked for while the current one is stored (a first sync is many pages): the
  // request is made from the position the store will hold once this page is written, and a page
  // is only ever stored after the one before it.
  let ahead: Promise<PullResponse> | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const meta = await store.getMeta();
    const page = await (ahead ?? transport.pull(pullQuery(meta, pageSize)));
    ahead = null;
    if (page.wipe) {
      await store.wipe();
      report.wiped = true;
      return;
    }
    if (page.reset) {
      // The user's scope changed: drop every copy and pull the new scope from 0. The outbox stays:
      // unsent changes are never dropped (ones now outside the scope come back refused).
      await store.clearRecords();
      await store.setMeta({ ...meta, since: 0, scope: page.scope, refs: "", cutoff: "", budget: null });
      report.reset = true;
      continue;
    }
    // The position moves only forward and only after the page is stored.
    const after: SyncMeta = {
      ...meta,
      since: Math.max(meta.since, page.nextSince),
      scope: page.scope,
      refs: page.refs ?? meta.refs ?? "",
      cutoff: page.budget?.cutoff ?? "",
      budget: page.budget ? { inScope: page.budget.inScope, limit: page.budget.limit } : null,
    };
    if (page.hasMore) {
      ahead = transport.pull(pullQuery(after, pageSize));
      // Awaited on the next turn; a failure while this page is stored must not go unhandled.
      ahead.catch(() => undefined);
    }
    const seqs = await store.recordSeqs([...page.records, ...page.removed]);
    const local = new Map([...seqs].map(([key, seq]) => [key, { seq }]));
    const { put, remove } = reconcile({ local, records: page.records, removed: page.removed });
    // A table sent whole replaces the local one: rows the server no longer lists go.
    for (const table of page.replace ?? []) {
      const sent = new Set(page.records.filter((r) => r.table === table).map((r) => r.id));
      for (const r of await store.listRecords(table)) if (!sent.has(r.id)) remove.push({ table, id: r.id });
    }
    await store.writeRecords(put, remove);
    report.pulled += put.length;
    report.removed += remove.length;
    await store.setMeta(after);
    if (!page.hasMore) return;
  }
}
