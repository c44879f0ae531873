import type { Selectable } from "kysely";

/**
 * One row (id 1) holding the last change sequence number handed out. Every write to
 * region-scoped data takes numbers from here so that a client can ask for "changes since N".
 */
export interface ChangeCounterTable {
  id: number;
  value: number;
}

/** A deleted record, kept so that "changes since N" can include deletions. */
export interface TombstoneTable {
  seq: number;
  table_name: string;
  record_id: string;
  region_code: string;
  deleted_at: string;
}

/** Responses to mutating requests that carried an Idempotency-Key, replayed on retry. */
export interface IdempotencyKeyTable {
  key: string;
  /** Who sent it (user id, or "anonymous"): keys are per principal. */
  principal: string;
  method: string;
  path: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  request_hash: string;
  /** null while the first request is still running. */
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  created_at: string;
}

export type TombstoneRow = Selectable<TombstoneTable>;
