/**
 * The outbox: every change the worker makes on the phone goes here first, with its own change id
 * (the idempotency key the server keeps) and, for edits, the base it was made from. The local view
 * is updated at once so the worker sees the change; sending happens in `sync-engine.ts`.
 */
import { uuidv7 } from "uuidv7";
import type { ChangeKind, SyncChange, SyncTable } from "../../core/api/sync.schema.ts";
import { type FieldEdit, overlayEdits, sameValue } from "../../core/sync/merge.ts";
import type { LocalRecord, LocalStore, OutboxEntry } from "./local-store.ts";

/** The local table a create adds to (visits, assessments and attendance are kept only in the outbox). */
const CREATES: Partial<Record<ChangeKind, SyncTable>> = {
  "household.create": "households",
  "person.create": "persons",
  "case.create": "cases",
};

export interface NewChange {
  kind: ChangeKind;
  /** The record's id; for a create, a new UUIDv7 (made here when absent). */
  recordId?: string;
  payload?: Record<string, unknown>;
}

/** Records a create or an append-only change (visit, assessment, task done, attendance). */
export async function recordChange(
  store: LocalStore,
  input: NewChange,
  now = new Date(),
): Promise<SyncChange> {
  const change: SyncChange = {
    changeId: uuidv7(),
    kind: input.kind,
    recordId: input.recordId ?? uuidv7(),
    payload: input.payload ?? {},
    madeAt: now.toISOString(),
  };
  const table = CREATES[input.kind];
  const put: LocalRecord[] = [];
  if (table) {
    const regionCode = typeof change.payload.regionCode === "string" ? change.payload.regionCode : null;
    put.push({
      table,
      id: change.recordId,
      seq: 0,
      regionCode,
      data: { ...change.payload, id: change.recordId },
    });
  }
  await store.addToOutbox(change);
  if (put.length > 0) await store.writeRecords(put, []);
  return change;
}

/**
 * Records an edit of a household or person: each changed field with the value the worker saw
 * (the server copy with earlier unsent edits laid over it) and the new value.
 */
export async function recordEdit(
  store: LocalStore,
  table: "households" | "persons",
  id: string,
  values: Record<string, unknown>,
  now = new Date(),
): Promise<SyncChange | null> {
  const record = await store.getRecord(table, id);
  if (!record) throw new Error(`${table}/${id} is not on this phone`);
  const seen = await currentView(store, record);
  const edits: Record<string, FieldEdit> = {};
  for (const [field, value] of Object.entries(values))
    if (!sameValue(seen[field], value)) edits[field] = { base: seen[field] ?? null, value };
  if (Object.keys(edits).length === 0) return null;
  const change: SyncChange = {
    changeId: uuidv7(),
    kind: table === "households" ? "household.update" : "person.update",
    recordId: id,
    payload: {},
    baseSeq: record.seq,
    edits,
    madeAt: now.toISOString(),
  };
  await store.addToOutbox(change);
  return change;
}

/** What the worker sees of a record: the local copy with the unsent edits laid over it. */
export async function currentView(store: LocalStore, record: LocalRecord): Promise<Record<string, unknown>> {
  const edits = (await store.outbox())
    .filter((e) => e.change.recordId === record.id && e.change.edits && e.state === "pending")
    .map((e) => e.change.edits as Record<string, FieldEdit>);
  return overlayEdits(record.data, edits);
}

/** Changes the worker must look at: refused ones (with the reason) and conflicts. */
export async function needsAttention(store: LocalStore): Promise<OutboxEntry[]> {
  return (await store.outbox()).filter((e) => e.state !== "pending");
}

/** Sends a refused change again after the worker fixed its payload (same change id: nothing was written). */
export async function retryChange(store: LocalStore, changeId: string, payload?: Record<string, unknown>) {
  const entry = (await store.outbox()).find((e) => e.change.changeId === changeId);
  if (!entry) return;
  await store.updateOutbox([
    { ...entry, state: "pending", change: { ...entry.change, payload: payload ?? entry.change.payload } },
  ]);
}

/** The worker has seen a conflict (the server keeps it for resolution) or gives up a refused change. */
export async function dismissChange(store: LocalStore, changeId: string) {
  // A given-up visit was never stored on the server: its photos have nowhere to go.
  // Files first: a sync between the two steps would take files without a change for applied ones.
  const files = await store.attachments(changeId);
  if (files.length > 0) await store.removeAttachments(files.map((f) => f.id));
  await store.removeFromOutbox([changeId]);
}
