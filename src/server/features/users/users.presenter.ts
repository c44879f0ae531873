import type { Role } from "../../../core/access/permissions.ts";
import type { UserDto } from "../../../core/api/auth.schema.ts";
import type { UserWithRegion } from "./users.repository.ts";

/** The fields of a user that leave the server (never the password hash). */
export function presentUser(row: UserWithRegion, now = new Date()): UserDto {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    regionCode: row.region_code,
    regionName: row.region_name,
    workerId: row.worker_id,
    disabled: row.disabled === 1,
    lockedUntil: locked ? row.locked_until : null,
    failedLogins: row.failed_logins,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
