/**
 * The browser's LocalStore: IndexedDB through Dexie. Record data and outbox changes are sealed
 * with the device key (crypto.ts); only what sync needs to find rows stays readable (table, id,
 * change number, kelurahan code, outbox order and state).
 *
 * Storage names and versions are fixed here; a new version declares its schema and, when old
 * rows need it, an upgrade step.
 */
import { Dexie, type Table } from "dexie";
import { type PushResult, SYNC_TABLES, type SyncChange, type SyncTable } from "../../core/api/sync.schema.ts";
import { open, openBytes, type Sealed, seal, sealBytes } from "./crypto.ts";
import {
  type AttachmentInput,
  attachmentTarget,
  type LocalRecord,
  type LocalStore,
  type OutboxEntry,
  type OutboxState,
  recordKey,
  type StoredAttachment,
  type SyncMeta,
} from "./local-store.ts";

export const DB_NAME = "peduli-offline";

interface RecordRow {
  table: SyncTable;
  id: string;
  seq: number;
  regionCode: string | null;
  sealed: Sealed;
}

interface OutboxRow {
  changeId: string;
  order: number;
  state: OutboxState;
  attempts: number;
  /** Sealed { change, result }. */
  sealed: Sealed;
}

interface MetaRow {
  key: "sync";
  value: SyncMeta;
}

interface AttachmentRow {
  id: string;
  changeId: string;
  attempts: number;
  /** Sealed { caseId, visitId, name, type, error }. */
  sealed: Sealed;
  /** The file's bytes, sealed on their own (no JSON round trip). */
  bytes: Sealed;
}

class OfflineDb extends Dexie {
  records!: Table<RecordRow, [SyncTable, string]>;
  outbox!: Table<OutboxRow, string>;
  meta!: Table<MetaRow, string>;
  attachments!: Table<AttachmentRow, string>;

  constructor() {
    super(DB_NAME);
    // Version 1: records and outbox; the outbox had no state (every entry waited to be sent).
    this.version(1).stores({ records: "[table+id], table", outbox: "changeId, order", meta: "key" });
    // Version 2: records indexed by kelurahan (dropping a region), outbox entries carry a state.
    this.version(2)
      .stores({ records: "[table+id], table, regionCode", outbox: "changeId, order, state", meta: "key" })
      .upgrade(async (tx) => {
        await tx
          .table("outbox")
          .toCollection()
          .modify((row: Partial<OutboxRow>) => {
            row.state ??= "pending";
            row.attempts ??= 0;
          });
      });
    // Version 3: files of offline visits (photos) waiting to be uploaded; the sync metadata gains
    // the reference-table fingerprint (none held yet: the next pull sends them whole).
    this.version(3)
      .stores({
        records: "[table+id], table, regionCode",
        outbox: "changeId, order, state",
        meta: "key",
        attachments: "id, changeId",
      })
      .upgrade(async (tx) => {
        await tx
          .table("meta")
          .toCollection()
          .modify((row: MetaRow) => {
            row.value.refs ??= "";
          });
      });
  }
}

export class DexieStore implements LocalStore {
  private readonly db = new OfflineDb();

  constructor(
    private readonly key: CryptoKey,
    private readonly deviceId: string,
  ) {}

  async getMeta(): Promise<SyncMeta> {
    const row = await this.db.meta.get("sync");
    return row?.value ?? { deviceId: this.deviceId, since: 0, scope: "", lastSyncAt: null };
  }
  async setMeta(meta: SyncMeta) {
    await this.db.meta.put({ key: "sync", value: meta });
  }

  private async toRecord(row: RecordRow): Promise<LocalRecord> {
    return {
      table: row.table,
      id: row.id,
      seq: row.seq,
      regionCode: row.regionCode,
      data: await open(this.key, row.sealed),
    };
  }
  async getRecord(table: SyncTable, id: string) {
    const row = await this.db.records.get([table, id]);
    return row && this.toRecord(row);
  }
  async recordSeqs(keys: { table: SyncTable; id: string }[]) {
    const out = new Map<string, number>();
    if (keys.length === 0) return out;
    // Which keys are held, from the key index alone: reading whole rows (sealed data included) for
    // a page of mostly new records was a third of a first sync's time on a slow phone.
    const held = (await this.db.records
      .where(":id")
      .anyOf(keys.map((k) => [k.table, k.id]))
      .primaryKeys()) as [SyncTable, string][];
    if (held.length === 0) return out;
    const rows = await this.db.records.bulkGet(held);
    for (const row of rows) if (row) out.set(recordKey(row.table, row.id), row.seq);
    return out;
  }
  async listRecords(table: SyncTable) {
    const rows = await this.db.records.where("table").equals(table).toArray();
    return Promise.all(rows.map((r) => this.toRecord(r)));
  }
  async writeRecords(put: LocalRecord[], remove: { table: SyncTable; id: string }[]) {
    // Sealing is asynchronous WebCrypto work: done before the transaction, which must not wait on it.
    const rows: RecordRow[] = await Promise.all(
      put.map(async (r) => ({
        table: r.table,
        id: r.id,
        seq: r.seq,
        regionCode: r.regionCode,
        sealed: await seal(this.key, r.data),
      })),
    );
    await this.db.transaction("rw", this.db.records, async () => {
      if (remove.length > 0)
        await this.db.records.bulkDelete(remove.map((r) => [r.table, r.id] as [SyncTable, string]));
      if (rows.length > 0) await this.db.records.bulkPut(rows);
    });
  }
  async clearRecords() {
    await this.db.records.clear();
  }

  private async toEntry(row: OutboxRow): Promise<OutboxEntry> {
    const body = await open<{ change: SyncChange; result?: PushResult }>(this.key, row.sealed);
    return {
      order: row.order,
      state: row.state,
      attempts: row.attempts,
      change: body.change,
      ...(body.result ? { result: body.result } : {}),
    };
  }
  private async toRow(entry: OutboxEntry): Promise<OutboxRow> {
    return {
      changeId: entry.change.changeId,
      order: entry.order,
      state: entry.state,
      attempts: entry.attempts,
      sealed: await seal(this.key, { change: entry.change, result: entry.result }),
    };
  }
  async outbox() {
    const rows = await this.db.outbox.orderBy("order").toArray();
    return Promise.all(rows.map((r) => this.toEntry(r)));
  }
  async addToOutbox(change: SyncChange) {
    const last = await this.db.outbox.orderBy("order").last();
    const entry: OutboxEntry = { order: (last?.order ?? 0) + 1, change, state: "pending", attempts: 0 };
    await this.db.outbox.add(await this.toRow(entry));
    return entry;
  }
  async updateOutbox(entries: OutboxEntry[]) {
    const rows = await Promise.all(entries.map((e) => this.toRow(e)));
    await this.db.transaction("rw", this.db.outbox, async () => {
      for (const row of rows) if (await this.db.outbox.get(row.changeId)) await this.db.outbox.put(row);
    });
  }
  async removeFromOutbox(changeIds: string[]) {
    await this.db.outbox.bulkDelete(changeIds);
  }
  async pendingCount(): Promise<number> {
    return this.db.outbox.where("state").equals("pending").count();
  }
  async addAttachment(changeId: string, file: AttachmentInput) {
    const row = await this.db.outbox.get(changeId);
    const target = attachmentTarget(row && (await this.toEntry(row)), changeId);
    await this.db.attachments.add({
      id: crypto.randomUUID(),
      changeId,
      attempts: 0,
      sealed: await seal(this.key, { ...target, name: file.name, type: file.type }),
      bytes: await sealBytes(this.key, file.bytes),
    });
  }
  private async toAttachment(row: AttachmentRow): Promise<StoredAttachment> {
    const info = await open<Omit<StoredAttachment, "id" | "changeId" | "attempts" | "bytes">>(
      this.key,
      row.sealed,
    );
    return {
      ...info,
      id: row.id,
      changeId: row.changeId,
      attempts: row.attempts,
      bytes: await openBytes(this.key, row.bytes),
    };
  }
  async attachments(changeId: string) {
    const rows = await this.db.attachments.where("changeId").equals(changeId).toArray();
    return Promise.all(rows.map((r) => this.toAttachment(r)));
  }
  async pendingAttachments() {
    return Promise.all((await this.db.attachments.toArray()).map((r) => this.toAttachment(r)));
  }
  async updateAttachment(a: StoredAttachment) {
    const row = await this.db.attachments.get(a.id);
    if (!row) return;
    const sealed = await seal(this.key, {
      caseId: a.caseId,
      visitId: a.visitId,
      name: a.name,
      type: a.type,
      ...(a.error ? { error: a.error } : {}),
    });
    await this.db.attachments.update(a.id, { attempts: a.attempts, sealed });
  }
  async removeAttachments(ids: string[]) {
    await this.db.attachments.bulkDelete(ids);
  }
  async counts() {
    const out: Record<string, number> = {};
    for (const table of SYNC_TABLES) out[table] = await this.db.records.where("table").equals(table).count();
    return out;
  }
  async wipe() {
    const { records, outbox, meta, attachments } = this.db;
    await this.db.transaction("rw", [records, outbox, meta, attachments], async () => {
      await records.clear();
      await outbox.clear();
      await meta.clear();
      await attachments.clear();
    });
  }
}

/** Deletes the whole database (logout): nothing personal stays on the phone. */
export async function deleteOfflineDatabase(): Promise<void> {
  await Dexie.delete(DB_NAME);
}
