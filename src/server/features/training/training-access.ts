/**
 * Who may do what in training. Managing (programmes, cohorts, attendance, question banks,
 * certificates) needs `training:write` (pelatih, sudin); reading training records needs
 * `training:read`; cohort reports are aggregates, readable with `training:read` or by roles that
 * hold `aggregates:read` over the whole system (pimpinan, admin). TKSK and PSM act as
 * participants: they reach only their own enrolments, through the worker their account is
 * linked to.
 */
import { AppError } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../auth/actor.ts";

export function canManage(actor: Actor): boolean {
  return actor.permissions.has("training:write");
}

export function assertManage(actor: Actor): void {
  if (!canManage(actor)) throw new AppError("forbidden");
}

export function canReadTraining(actor: Actor): boolean {
  return actor.permissions.has("training:read");
}

export function canReadReports(actor: Actor): boolean {
  return (
    actor.permissions.has("training:read") ||
    (actor.permissions.has("aggregates:read") && actor.scope.kind === "all")
  );
}

export function assertReports(actor: Actor): void {
  if (!canReadReports(actor)) throw new AppError("forbidden");
}

/** The worker the actor's account is linked to, or null. */
export async function workerIdOf(db: Db, actor: Actor): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("worker_id")
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  return row?.worker_id ?? null;
}

/** The actor's enrolment in a cohort, or 403 (not a participant). */
export async function requireOwnEnrolment(db: Db, actor: Actor, cohortId: string): Promise<string> {
  const workerId = await workerIdOf(db, actor);
  if (!workerId) throw new AppError("training_not_participant");
  const row = await db
    .selectFrom("training_enrolments")
    .select("id")
    .where("cohort_id", "=", cohortId)
    .where("worker_id", "=", workerId)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  if (!row) throw new AppError("training_not_participant");
  return row.id;
}
