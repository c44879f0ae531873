/**
 * The participant's side (TKSK and PSM on a phone): my trainings with sessions, tests and
 * certificate; the anonymous evaluation; and the training record of a worker's profile.
 */
import type { Kysely } from "kysely";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { AttendanceStatus } from "../../../core/training/attendance.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import type { Actor } from "../auth/actor.ts";
import { loadCohortResults } from "./results.ts";
import { presentCertificate, presentSession } from "./training.presenter.ts";
import { canReadTraining, requireOwnEnrolment, workerIdOf } from "./training-access.ts";

/** The cohorts the actor's worker is enrolled in. */
export async function myTrainings(db: Db, actor: Actor, baseUrl: string) {
  const workerId = await workerIdOf(db, actor);
  if (!workerId) return { workerId: null, cohorts: [] };
  const enrolments = await db
    .selectFrom("training_enrolments")
    .selectAll()
    .where("worker_id", "=", workerId)
    .where("withdrawn_at", "is", null)
    .orderBy("enrolled_at", "desc")
    .execute();
  const cohorts = [];
  for (const e of enrolments) {
    const r = await loadCohortResults(db, e.cohort_id);
    const me = r.participants.find((p) => p.enrolmentId === e.id)!;
    const attempts = await db
      .selectFrom("training_attempts")
      .selectAll()
      .where("enrolment_id", "=", e.id)
      .execute();
    const evaluated = await db
      .selectFrom("training_evaluation_receipts")
      .select("enrolment_id")
      .where("enrolment_id", "=", e.id)
      .executeTakeFirst();
    cohorts.push({
      cohortId: r.cohort.id,
      enrolmentId: e.id,
      name: r.cohort.name,
      programmeName: r.programme.name,
      sessions: r.sessions.map((s, i) => ({
        ...presentSession(s, r.modulesBySession.get(s.id) ?? []),
        status: (me.statuses[i] ?? null) as AttendanceStatus | null,
      })),
      tests: r.tests.map((t) => {
        const attempt = attempts.find((a) => a.test_id === t.id);
        return {
          id: t.id,
          kind: t.kind as "pre" | "post",
          open: t.is_open === 1,
          timeLimitMinutes: t.time_limit_minutes,
          score: attempt?.submitted_at ? attempt.score : null,
          submitted: Boolean(attempt?.submitted_at),
        };
      }),
      evaluated: Boolean(evaluated),
      certificate: me.certificate ? presentCertificate(me.certificate, baseUrl) : null,
    });
  }
  return { workerId, cohorts };
}

/**
 * Stores an evaluation without any link to the participant; a receipt (cohort, enrolment) only
 * prevents a second answer. The date is kept, not the time, so order and time cannot identify.
 */
export async function submitEvaluation(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  body: { content: number; trainer: number; venue: number; usefulness: number; comment?: string | undefined },
) {
  const enrolmentId = await requireOwnEnrolment(db, actor, cohortId);
  await db.transaction().execute(async (trx) => {
    const receipt = await trx
      .selectFrom("training_evaluation_receipts")
      .select("enrolment_id")
      .where("cohort_id", "=", cohortId)
      .where("enrolment_id", "=", enrolmentId)
      .executeTakeFirst();
    if (receipt) throw new AppError("training_already_evaluated");
    await trx
      .insertInto("training_evaluation_receipts")
      .values({ cohort_id: cohortId, enrolment_id: enrolmentId })
      .execute();
    await trx
      .insertInto("training_evaluations")
      .values({
        id: newId(),
        cohort_id: cohortId,
        content: body.content,
        trainer: body.trainer,
        venue: body.venue,
        usefulness: body.usefulness,
        comment: body.comment?.trim() ? body.comment.trim() : null,
        submitted_on: nowIso().slice(0, 10),
      })
      .execute();
  });
}

const WORKER = { id: "Petugas", en: "Worker" };

/**
 * A worker's training record: every cohort with scores and certificate, and the competencies of
 * the programmes completed. Readable by training staff, by the worker, and by users who may read
 * workers in the worker's region.
 */
export async function workerTraining(db: Db, actor: Actor, workerId: string) {
  const worker = await db.selectFrom("workers").selectAll().where("id", "=", workerId).executeTakeFirst();
  if (!worker) throw notFound(WORKER);
  const own = (await workerIdOf(db, actor)) === workerId;
  const regional = actor.permissions.has("workers:read") && isInScope(actor.scope, worker.region_code);
  if (!own && !regional && !canReadTraining(actor)) throw notFound(WORKER);
  const enrolments = await db
    .selectFrom("training_enrolments")
    .selectAll()
    .where("worker_id", "=", workerId)
    .where("withdrawn_at", "is", null)
    .execute();
  const trainings = [];
  const gained = new Set<string>();
  for (const e of enrolments) {
    const r = await loadCohortResults(db, e.cohort_id);
    const me = r.participants.find((p) => p.enrolmentId === e.id)!;
    if (me.completed) {
      const codes = await db
        .selectFrom("training_objectives as o")
        .innerJoin("training_modules as m", "m.id", "o.module_id")
        .select("o.competency_code")
        .where("m.programme_id", "=", r.programme.id)
        .execute();
      for (const c of codes) gained.add(c.competency_code);
    }
    trainings.push({
      cohortId: r.cohort.id,
      cohortName: r.cohort.name,
      programmeName: r.programme.name,
      year: r.programme.year,
      startsOn: r.cohort.starts_on,
      endsOn: r.cohort.ends_on,
      attendanceRate: me.attendanceRate,
      preScore: me.preScore,
      postScore: me.postScore,
      gain: me.gain,
      gainStatus: me.gainStatus,
      completed: me.completed,
      certificate: me.certificate
        ? {
            number: me.certificate.number,
            code: me.certificate.code,
            revoked: me.certificate.revoked_at !== null,
          }
        : null,
    });
  }
  const competencies = gained.size
    ? await db
        .selectFrom("training_competencies")
        .select(["code", "name"])
        .where("code", "in", [...gained])
        .orderBy("sort_order")
        .execute()
    : [];
  return { workerId, trainings, competencies };
}
