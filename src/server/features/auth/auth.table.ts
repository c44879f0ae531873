import type { Insertable, Selectable } from "kysely";

/** A browser session. `id` is the SHA-256 of the cookie value, so a leaked table opens nothing. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  /** Absolute end, whatever the activity. */
  expires_at: string;
}

/** An integration's bearer token; only its SHA-256 is stored. */
export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Failed logins per client address (`ip:<address>`). Per-account counts live on the user row. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
  lock_count: number;
}

export type SessionRow = Selectable<SessionTable>;
export type NewSessionRow = Insertable<SessionTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type LoginThrottleRow = Selectable<LoginThrottleTable>;
