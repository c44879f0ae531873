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

/** Forgets address counts whose window began before `before` and whose lock (if any) has ended. */
export async function deleteStaleThrottles(db: Db, before: string, now: string): Promise<void> {
  await db
    .deleteFrom("login_throttle")
    .where("window_started_at", "<", before)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
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

/**
 * Counts one failed login for `key` in a single statement (an upsert that increments), so that
 * concurrent failures on several nodes are all counted. A window that began before `windowStart`
 * starts again at 1. Returns the count and the number of locks so far.
 */
export async function incrementThrottle(
  db: Db,
  key: string,
  at: string,
  windowStart: string,
): Promise<{ failures: number; lock_count: number }> {
  return db
    .insertInto("login_throttle")
    .values({ key, failures: 1, window_started_at: at, locked_until: null, lock_count: 0 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => {
        const stale = eb("login_throttle.window_started_at", "<", windowStart);
        return {
          failures: eb
            .case()
            .when(stale)
            .then(1)
            .else(eb("login_throttle.failures", "+", 1))
            .end(),
          window_started_at: eb
            .case()
            .when(stale)
            .then(at)
            .else(eb.ref("login_throttle.window_started_at"))
            .end(),
        };
      }),
    )
    .returning(["failures", "lock_count"])
    .executeTakeFirstOrThrow();
}

/**
 * Locks `key` until `until`, starts a new window and takes `threshold` off the count, only if it
 * still has at least `threshold` failures and `lockCount` locks: of several requests that crossed
 * the threshold at once, exactly one locks.
 */
export async function lockThrottle(
  db: Db,
  key: string,
  input: { at: string; until: string; threshold: number; lockCount: number },
): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set((eb) => ({
      // Subtracting rather than zeroing keeps the failures counted while the lock was on its way.
      failures: eb("failures", "-", input.threshold),
      window_started_at: input.at,
      locked_until: input.until,
      lock_count: input.lockCount + 1,
    }))
    .where("key", "=", key)
    .where("failures", ">=", input.threshold)
    .where("lock_count", "=", input.lockCount)
    .execute();
}
