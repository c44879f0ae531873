import type { Insertable, Selectable, Updateable } from "kysely";

/** People who log in. Never deleted (the audit trail names them); disabled instead. */
export interface UserTable {
  id: string;
  /** Lower-case, unique. */
  username: string;
  display_name: string;
  /** admin | sudin | tksk | psm | pelatih | pimpinan (src/core/access/permissions.ts) */
  role: string;
  /** A kecamatan for tksk, a kelurahan for psm; null for the other roles. */
  region_code: string | null;
  worker_id: string | null;
  /** argon2id, PHC string format. */
  password_hash: string;
  disabled: number;
  /** Consecutive failed logins since the last success. */
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
