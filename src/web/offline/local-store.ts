/**
 * The phone's local state, as the sync logic sees it: server copies of the working set, the
 * outbox, and a little sync metadata. Two adapters implement it: `MemoryStore` (below; tests and
 * the fault harness run the real sync logic on it in Node) and the Dexie store in the browser
 * (`dexie-store.ts`, encrypted). Nothing here touches the DOM.
 */
import type { PulledRecord, PushResult, SyncChange, SyncTable } from "../../core/api/sync.schema.ts";

/** A record as the phone holds it: the server's copy (seq > 0) or one made on the phone (seq 0). */
export interface LocalRecord {
  table: SyncTable;
  id: string;
  /** The change number of the server copy; 0 for a record made on the phone and not pulled yet. */
  seq: number;
  /** Kelurahan code, kept outside the encrypted data so a scope change can drop by region. */
  regionCode: string | null;
  data: Record<string, unknown>;
}

/** pending: waits to be sent; rejected / conflict: answered, shown to the worker until dealt with. */
export type OutboxState = "pending" | "rejected" | "conflict";

export interface OutboxEntry {
  /** Insertion order: changes are sent in the order the worker made them. */
  order: number;
  change: SyncChange;
  state: OutboxState;
  result?: PushResult;
  attempts: number;
}

export interface SyncMeta {
  deviceId: string;
  /** The change number the local copies are complete up to. */
  since: number;
  /** The scope fingerprint the copies were pulled under ("" before the first pull). */
  scope: string;
  lastSyncAt: string | null;
  /** Fingerprint of the reference tables held (indicator set, catalogues, trainings); "" = none. */
  refs?: string;
  /** Over the device budget: the selection the phone holds, echoed back on every pull. */
  cutoff?: string;
  /** Over the device budget: persons in the user's scope and the budget, at the last count. */
  budget?: { inScope: number; limit: number } | null;
}

/** A file (a visit photo) waiting to be uploaded once its change is applied on the server. */
export interface StoredAttachment {
  id: string;
  changeId: string;
  /** Where it goes: the visit the change created, in its case. */
  caseId: string;
  visitId: string;
  name: string;
  type: string;
  bytes: ArrayBuffer;
  attempts: number;
  /** The last upload failure, shown to the worker; the upload is tried again at the next sync. */
  error?: string;
}

/** A file as a form hands it over. */
export interface AttachmentInput {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

export interface LocalStore {
  getMeta(): Promise<SyncMeta>;
  setMeta(meta: SyncMeta): Promise<void>;
  getRecord(table: SyncTable, id: string): Promise<LocalRecord | undefined>;
  /** The change numbers of the records held among `keys` (no decryption), by recordKey(). */
  recordSeqs(keys: { table: SyncTable; id: string }[]): Promise<Map<string, number>>;
  listRecords(table: SyncTable): Promise<LocalRecord[]>;
  /** Writes and deletes records in one step (one transaction in IndexedDB). */
  writeRecords(put: LocalRecord[], remove: { table: SyncTable; id: string }[]): Promise<void>;
  /** Drops every record (not the outbox): a scope change. */
  clearRecords(): Promise<void>;
  outbox(): Promise<OutboxEntry[]>;
  addToOutbox(change: SyncChange): Promise<OutboxEntry>;
  updateOutbox(entries: OutboxEntry[]): Promise<void>;
  removeFromOutbox(changeIds: string[]): Promise<void>;
  /**
   * Keeps a file of a visit.create change in the outbox (`changeId` must be in it); the sync engine
   * uploads it to the visit's photo route once the change is applied.
   */
  addAttachment(changeId: string, file: AttachmentInput): Promise<void>;
  /** The files of a change still waiting to be uploaded. */
  attachments(changeId: string): Promise<StoredAttachment[]>;
  /** Every file waiting to be uploaded, oldest first. */
  pendingAttachments(): Promise<StoredAttachment[]>;
  updateAttachment(attachment: StoredAttachment): Promise<void>;
  removeAttachments(ids: string[]): Promise<void>;
  counts(): Promise<Record<string, number>>;
  /** Deletes everything, metadata included (logout, remote wipe). */
  wipe(): Promise<void>;
}

/** The key of a record in maps: `${table}/${id}`. */
export const recordKey = (table: string, id: string) => `${table}/${id}`;

/** The target of a visit.create change's files; throws for any other change. */
export function attachmentTarget(entry: OutboxEntry | undefined, changeId: string) {
  if (!entry) throw new Error(`change ${changeId} is not in the outbox`);
  const caseId = entry.change.payload.caseId;
  if (entry.change.kind !== "visit.create" || typeof caseId !== "string")
    throw new Error(`change ${changeId} is not a visit with a case`);
  return { caseId, visitId: entry.change.recordId };
}

/** The record a pulled one becomes on the phone. */
export function toLocal(record: PulledRecord): LocalRecord {
  const region = record.data.regionCode;
  return {
    table: record.table,
    id: record.id,
    seq: record.seq,
    regionCode: typeof region === "string" ? region : null,
    data: record.data,
  };
}

/** An in-memory LocalStore: the same contract as the browser's, for Node and tests. */
export class MemoryStore implements LocalStore {
  private meta: SyncMeta;
  private records = new Map<string, LocalRecord>();
  private box = new Map<string, OutboxEntry>();
  private files = new Map<string, StoredAttachment>();
  private nextOrder = 1;

  constructor(deviceId: string) {
    this.meta = { deviceId, since: 0, scope: "", lastSyncAt: null };
  }

  private key = (table: string, id: string) => `${table}/${id}`;

  async getMeta() {
    return { ...this.meta };
  }
  async setMeta(meta: SyncMeta) {
    this.meta = { ...meta };
  }
  async getRecord(table: SyncTable, id: string) {
    const r = this.records.get(this.key(table, id));
    return r && structuredClone(r);
  }
  async recordSeqs(keys: { table: SyncTable; id: string }[]) {
    const out = new Map<string, number>();
    for (const k of keys) {
      const r = this.records.get(this.key(k.table, k.id));
      if (r) out.set(recordKey(k.table, k.id), r.seq);
    }
    return out;
  }
  async listRecords(table: SyncTable) {
    return [...this.records.values()].filter((r) => r.table === table).map((r) => structuredClone(r));
  }
  async writeRecords(put: LocalRecord[], remove: { table: SyncTable; id: string }[]) {
    for (const r of remove) this.records.delete(this.key(r.table, r.id));
    for (const r of put) this.records.set(this.key(r.table, r.id), structuredClone(r));
  }
  async clearRecords() {
    this.records.clear();
  }
  async outbox() {
    return [...this.box.values()].sort((a, b) => a.order - b.order).map((e) => structuredClone(e));
  }
  async addToOutbox(change: SyncChange) {
    const entry: OutboxEntry = { order: this.nextOrder++, change, state: "pending", attempts: 0 };
    this.box.set(change.changeId, entry);
    return structuredClone(entry);
  }
  async updateOutbox(entries: OutboxEntry[]) {
    for (const e of entries)
      if (this.box.has(e.change.changeId)) this.box.set(e.change.changeId, structuredClone(e));
  }
  async removeFromOutbox(changeIds: string[]) {
    for (const id of changeIds) this.box.delete(id);
  }
  async addAttachment(changeId: string, file: AttachmentInput) {
    const target = attachmentTarget(this.box.get(changeId), changeId);
    const id = crypto.randomUUID();
    this.files.set(id, { id, changeId, ...target, ...file, bytes: file.bytes.slice(0), attempts: 0 });
  }
  async attachments(changeId: string) {
    return (await this.pendingAttachments()).filter((a) => a.changeId === changeId);
  }
  async pendingAttachments() {
    return [...this.files.values()].map((a) => ({ ...a, bytes: a.bytes.slice(0) }));
  }
  async updateAttachment(attachment: StoredAttachment) {
    if (this.files.has(attachment.id)) this.files.set(attachment.id, { ...attachment });
  }
  async removeAttachments(ids: string[]) {
    for (const id of ids) this.files.delete(id);
  }
  async counts() {
    const out: Record<string, number> = {};
    for (const r of this.records.values()) out[r.table] = (out[r.table] ?? 0) + 1;
    return out;
  }
  async wipe() {
    this.records.clear();
    this.box.clear();
    this.files.clear();
    this.meta = { deviceId: this.meta.deviceId, since: 0, scope: "", lastSyncAt: null };
  }
}
