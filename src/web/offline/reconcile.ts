/**
 * reconcile(): how a pulled page changes the phone's records. Pure and table-tested.
 *
 * - A pulled record replaces the local copy unless the local copy is newer (a higher change
 *   number: pages can arrive late, e.g. a retried request answered after a newer one).
 * - A removal (deletion, move out of scope, closed case, done task) drops the local copy, except
 *   a record made on the phone that the server has not sent back yet (seq 0): it is not the
 *   server's to remove.
 * The outbox is never touched: unsent changes stay until the server has answered them, and what
 * the worker sees is the server copy with the unsent edits laid over it (core/sync overlayEdits).
 */
import type { PulledRecord, SyncTable } from "../../core/api/sync.schema.ts";
import { type LocalRecord, recordKey, toLocal } from "./local-store.ts";

export { recordKey };

export interface ReconcileInput {
  /** The local copies of the records the page mentions, by `${table}/${id}`. */
  local: ReadonlyMap<string, Pick<LocalRecord, "seq">>;
  records: readonly PulledRecord[];
  removed: readonly { table: SyncTable; id: string }[];
}

export interface ReconcileOutcome {
  put: LocalRecord[];
  remove: { table: SyncTable; id: string }[];
}

export function reconcile({ local, records, removed }: ReconcileInput): ReconcileOutcome {
  const latest = new Map<string, PulledRecord>();
  for (const r of records) {
    const key = recordKey(r.table, r.id);
    const seen = latest.get(key);
    if (!seen || seen.seq < r.seq) latest.set(key, r);
  }
  const put: LocalRecord[] = [];
  for (const [key, r] of latest) {
    const mine = local.get(key);
    if (!mine || mine.seq <= r.seq) put.push(toLocal(r));
  }
  const remove: { table: SyncTable; id: string }[] = [];
  for (const r of removed) {
    const key = recordKey(r.table, r.id);
    const mine = local.get(key);
    if (latest.has(key)) continue;
    if (mine && mine.seq > 0) remove.push(r);
  }
  return { put, remove };
}
