/**
 * What features report to the metrics, as process-wide diagnostics channels: a feature makes one
 * call here and knows nothing of Prometheus; every app instance's registry subscribes while it
 * runs (metrics.ts). Publishing to a channel without subscribers costs a property check.
 */
import diagnosticsChannel from "node:diagnostics_channel";

/** A batch of sync changes was pushed; how many of each outcome. */
export interface SyncPushEvent {
  applied: number;
  duplicate: number;
  conflict: number;
  rejected: number;
}

/** One database query finished (from Kysely's log option in create-db.ts). */
export interface QueryEvent {
  /** The statement kind: select, insert, update, delete or raw. */
  kind: string;
  seconds: number;
  failed: boolean;
}

export const channels = {
  syncPush: diagnosticsChannel.channel("peduli:sync.push"),
  importJob: diagnosticsChannel.channel("peduli:import.job"),
  query: diagnosticsChannel.channel("peduli:db.query"),
  scheduledRun: diagnosticsChannel.channel("peduli:scheduler.run"),
} as const;

/** Sync: called once per pushed batch with the batch's results. */
export function recordSyncPush(results: readonly { status: string }[]): void {
  if (!channels.syncPush.hasSubscribers) return;
  const event: SyncPushEvent = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  for (const r of results) {
    if (r.status in event) event[r.status as keyof SyncPushEvent] += 1;
    else event.rejected += 1;
  }
  channels.syncPush.publish(event);
}

/** Imports: called once when a job ends, with its final state (done, failed, …). */
export function recordImportJob(state: string): void {
  if (channels.importJob.hasSubscribers) channels.importJob.publish({ state });
}

/** Scheduler: called once per housekeeping run this node made. */
export function recordScheduledRun(task: string, ok: boolean): void {
  if (channels.scheduledRun.hasSubscribers) channels.scheduledRun.publish({ task, ok });
}

const QUERY_KINDS: Record<string, string> = {
  SelectQueryNode: "select",
  InsertQueryNode: "insert",
  UpdateQueryNode: "update",
  DeleteQueryNode: "delete",
};

/** Kysely `log` option: one event per query, without its SQL (bounded label values). */
export function recordQuery(event: {
  level: "query" | "error";
  queryDurationMillis: number;
  query: { query: { kind: string } };
}): void {
  if (!channels.query.hasSubscribers) return;
  const payload: QueryEvent = {
    kind: QUERY_KINDS[event.query.query.kind] ?? "raw",
    seconds: event.queryDurationMillis / 1000,
    failed: event.level === "error",
  };
  channels.query.publish(payload);
}
