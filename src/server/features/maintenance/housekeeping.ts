/**
 * The housekeeping tasks the scheduler runs on one node at a time: each forgets what its feature
 * no longer needs (the purge itself lives with the feature that owns the table).
 */
import { purgeIdempotencyKeys } from "../../http/idempotency.ts";
import { deleteExpiredSessions, deleteStaleThrottles } from "../auth/auth.repository.ts";
import { SESSION_IDLE_MS } from "../auth/auth-policy.ts";
import { purgeFinishedJobs } from "../imports/import-jobs.ts";
import { every, type ScheduledTask } from "./scheduler.ts";

const HOUR_MS = 60 * 60 * 1000;
/** Address counts are forgotten a day after their window began, once any lock has ended. */
const THROTTLE_MEMORY_MS = 24 * HOUR_MS;

export const HOUSEKEEPING: readonly ScheduledTask[] = [
  {
    name: "sessions.expire",
    dueSince: every(HOUR_MS),
    run: (db, now) =>
      deleteExpiredSessions(db, new Date(now.getTime() - SESSION_IDLE_MS).toISOString(), now.toISOString()),
  },
  { name: "idempotency-keys.purge", dueSince: every(HOUR_MS), run: purgeIdempotencyKeys },
  { name: "import-jobs.purge", dueSince: every(HOUR_MS), run: purgeFinishedJobs },
  {
    name: "login-throttle.purge",
    dueSince: every(HOUR_MS),
    run: (db, now) =>
      deleteStaleThrottles(db, new Date(now.getTime() - THROTTLE_MEMORY_MS).toISOString(), now.toISOString()),
  },
];
