/**
 * The numbers of authentication, in one place (docs/access.md prints them): session lifetimes,
 * account lockout and per-address throttling.
 */

/** A session ends after 30 minutes without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and 12 hours after login whatever the activity (a working day). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most once a minute per session, and last_used_at per token. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export const SESSION_COOKIE = "peduli_session";
export const CSRF_HEADER = "x-csrf-token";

/** Consecutive wrong passwords that lock an account. */
export const ACCOUNT_LOCK_THRESHOLD = 10;
const ACCOUNT_LOCK_BASE_MS = 15 * 60 * 1000;
const ACCOUNT_LOCK_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * How long an account is locked after its `failures`-th consecutive wrong password: none below
 * the threshold, then 15 minutes, doubling with each further failure (after a lock has run out)
 * up to 24 hours. A successful login or an administrator's unlock resets the count.
 */
export function accountLockMs(failures: number): number {
  if (failures < ACCOUNT_LOCK_THRESHOLD) return 0;
  return Math.min(ACCOUNT_LOCK_BASE_MS * 2 ** (failures - ACCOUNT_LOCK_THRESHOLD), ACCOUNT_LOCK_MAX_MS);
}

/** Failed logins from one address within the window that lock the address. */
export const ADDRESS_LOCK_THRESHOLD = 30;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
const ADDRESS_LOCK_BASE_MS = 5 * 60 * 1000;
const ADDRESS_LOCK_MAX_MS = 60 * 60 * 1000;

/** An address's n-th lock (0-based) lasts 5 minutes, doubling up to an hour. */
export function addressLockMs(lockCount: number): number {
  return Math.min(ADDRESS_LOCK_BASE_MS * 2 ** lockCount, ADDRESS_LOCK_MAX_MS);
}
