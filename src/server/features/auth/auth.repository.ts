/** SQL for sessions, API tokens and login throttling. No rules here: see auth.service.ts. */
import type { Db } from "../../db/database.ts";
import type { ApiTokenRow, LoginThrottleRow, NewSessionRow, SessionRow } from "./auth.table.ts";

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user, except `keep` (the caller's own, on a password change). */
export async function deleteUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keep) query = query.where("id", "!=", keep);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, idleBefore: string, now: string): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("last_seen_at", "<", idleBefore), eb("expires_at", "<", now)]))
    .execute();
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

export async function markApiTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
}

export async function revokeApiToken(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .execute();
}

export async function findThrottle(db: Db, key: string): Promise<LoginThrottleRow | undefined> {
  return db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
}

export async function saveThrottle(db: Db, row: LoginThrottleRow): Promise<void> {
  await db
    .insertInto("login_throttle")
    .values(row)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
        lock_count: row.lock_count,
      }),
    )
    .execute();
}
