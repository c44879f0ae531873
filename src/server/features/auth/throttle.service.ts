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

/** Counts a failed login from `ip`; locks the address for a growing time when it fails too often. */
export async function recordAddressFailure(db: Db, ip: string, now: Date): Promise<void> {
  const key = keyOf(ip);
  const row = await repo.findThrottle(db, key);
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString();
  const fresh = !row || row.window_started_at < windowStart;
  const failures = fresh ? 1 : row.failures + 1;
  const lockCount = row?.lock_count ?? 0;
  const locks = failures >= ADDRESS_LOCK_THRESHOLD;
  await repo.saveThrottle(db, {
    key,
    failures: locks ? 0 : failures,
    window_started_at: fresh || locks ? now.toISOString() : (row?.window_started_at ?? now.toISOString()),
    locked_until: locks
      ? new Date(now.getTime() + addressLockMs(lockCount)).toISOString()
      : (row?.locked_until ?? null),
    lock_count: locks ? lockCount + 1 : lockCount,
  });
}
