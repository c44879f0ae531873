import type { Selectable } from "kysely";

/** A pushed change, kept so that the same change id is never applied twice. */
export interface SyncChangeTable {
  change_id: string;
  user_id: string;
  device_id: string;
  kind: string;
  record_id: string;
  /** applied | conflict (rejections are not kept: nothing was written, a retry re-checks) */
  status: string;
  /** The JSON result returned to the phone, replayed for a duplicate. */
  result: string;
  made_at: string;
  applied_at: string;
}

/** An offline edit of a field someone else had changed: the stored value was kept. */
export interface SyncConflictTable {
  id: string;
  /** households | persons */
  table_name: string;
  record_id: string;
  region_code: string;
  /** The API field name (camelCase). */
  field: string;
  /** JSON of the value kept on the server when the conflict arose. */
  server_value: string;
  /** JSON of the value the phone sent. */
  client_value: string;
  change_id: string;
  created_by: string;
  created_at: string;
  /** server | client, once resolved. */
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** A phone holding a working set: what it last pulled, how much it holds, and a wipe request. */
export interface DeviceTable {
  id: string;
  user_id: string;
  last_sync_seq: number;
  /** The scope fingerprint of its data. */
  scope: string;
  /** JSON: records held per table, as the phone reports them. */
  counts: string;
  /** Changes waiting in its outbox at its last report. */
  pending: number;
  user_agent: string | null;
  wipe_requested_at: string | null;
  wipe_requested_by: string | null;
  wiped_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

/** The AES key of a device's offline data (base64), handed only to its user while logged in. */
export interface DeviceKeyTable {
  device_id: string;
  user_id: string;
  key: string;
  created_at: string;
}

export interface SyncTables {
  device_keys: DeviceKeyTable;
  sync_changes: SyncChangeTable;
  sync_conflicts: SyncConflictTable;
  devices: DeviceTable;
}

export type SyncConflictRow = Selectable<SyncConflictTable>;
export type DeviceRow = Selectable<DeviceTable>;
