/** Per-address login throttling (per-account lockout lives on the user row: see auth.service.ts). */
import { AppError } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import * as repo from "./auth.repository.ts";
import { ADDRESS_LOCK_THRESHOLD, ADDRESS_WINDOW_MS, addressLockMs } from "./auth-policy.ts";

const keyOf = (ip: string) => `ip:${ip}`;

/** Throws too_many_attempts while the address is locked. */
export async function assertAddressAllowed(db: Db, ip: string, now: Date): Promise<void> {
  const row = await repo.findThrottle(db, keyOf(ip));
  if (row?.locked_until && row.locked_until > now.toISOString()) {
    throw new AppError("too_many_attempts", { until: row.locked_until });
  }
}

/**
 * Counts a failed login from `ip`; locks the address for a growing time when it fails too often.
 * The count is one atomic upsert, so failures spread over several nodes add up exactly.
 */
export async function recordAddressFailure(db: Db, ip: string, now: Date): Promise<void> {
  const key = keyOf(ip);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString();
  const { failures, lock_count: lockCount } = await repo.incrementThrottle(db, key, at, windowStart);
  if (failures < ADDRESS_LOCK_THRESHOLD) return;
  const until = new Date(now.getTime() + addressLockMs(lockCount)).toISOString();
  await repo.lockThrottle(db, key, { at, until, threshold: ADDRESS_LOCK_THRESHOLD, lockCount });
}
