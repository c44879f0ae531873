import type { Insertable, Selectable } from "kysely";

/**
 * The append-only audit trail: every create, update and delete of resident and staff data and
 * every view or export of an individual's personal data. A trigger refuses UPDATE and DELETE.
 */
export interface AuditLogTable {
  /** UUIDv7: ordered by time. */
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  ip: string | null;
  request_id: string | null;
  /** create | update | delete | view | export */
  action: string;
  table_name: string;
  record_id: string | null;
  region_code: string | null;
  /** JSON of the changed fields before the change (update, delete). */
  before_json: string | null;
  /** JSON of the changed fields after the change (create, update). */
  after_json: string | null;
  /** JSON of anything else worth keeping (an export's filter and row count). */
  detail_json: string | null;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
