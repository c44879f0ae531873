/** SQL behind cohort results: participants, attendance, attempts and their items. */
import type { Db } from "../../db/database.ts";

export function findCohort(db: Db, id: string) {
  return db.selectFrom("training_cohorts").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listSessions(db: Db, cohortId: string) {
  return db
    .selectFrom("training_sessions")
    .selectAll()
    .where("cohort_id", "=", cohortId)
    .orderBy("date")
    .orderBy("start_time")
    .execute();
}

export async function sessionModules(db: Db, sessionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (sessionIds.length === 0) return map;
  const rows = await db
    .selectFrom("training_session_modules")
    .selectAll()
    .where("session_id", "in", sessionIds)
    .execute();
  for (const r of rows) map.set(r.session_id, [...(map.get(r.session_id) ?? []), r.module_id]);
  return map;
}

/** A cohort's enrolments with the worker's name and the region's name, withdrawn or not. */
function enrolmentsOf(db: Db, cohortId: string) {
  return db
    .selectFrom("training_enrolments as e")
    .innerJoin("workers as w", "w.id", "e.worker_id")
    .leftJoin("regions as r", "r.code", "e.region_code")
    .select([
      "e.id as enrolmentId",
      "e.worker_id as workerId",
      "e.role as role",
      "e.region_code as regionCode",
      "w.name as name",
      "r.name as regionName",
    ])
    .where("e.cohort_id", "=", cohortId);
}

export function listParticipants(db: Db, cohortId: string) {
  return enrolmentsOf(db, cohortId)
    .where("e.withdrawn_at", "is", null)
    .orderBy("e.role", "desc")
    .orderBy("e.region_code")
    .orderBy("w.name")
    .execute();
}

/** Participants withdrawn from the cohort: kept in its history, counted nowhere. */
export function listWithdrawn(db: Db, cohortId: string) {
  return enrolmentsOf(db, cohortId)
    .select(["e.enrolled_at as enrolledAt", "e.withdrawn_at as withdrawnAt", "e.withdrawn_reason as reason"])
    .where("e.withdrawn_at", "is not", null)
    .orderBy("e.withdrawn_at")
    .execute();
}

export function listAttendance(db: Db, cohortId: string) {
  return db
    .selectFrom("training_attendance as a")
    .innerJoin("training_sessions as s", "s.id", "a.session_id")
    .select(["a.session_id", "a.enrolment_id", "a.status", "a.method"])
    .where("s.cohort_id", "=", cohortId)
    .execute();
}

export function listTests(db: Db, cohortId: string) {
  return db
    .selectFrom("training_tests")
    .selectAll()
    .where("cohort_id", "=", cohortId)
    .orderBy("kind", "desc")
    .execute();
}

/** Submitted attempts of the cohort's tests. */
export function listSubmittedAttempts(db: Db, cohortId: string) {
  return db
    .selectFrom("training_attempts as a")
    .innerJoin("training_tests as t", "t.id", "a.test_id")
    .select(["a.id", "a.test_id", "a.enrolment_id", "a.score", "t.kind"])
    .where("t.cohort_id", "=", cohortId)
    .where("a.submitted_at", "is not", null)
    .execute();
}

/** Items of the cohort's submitted attempts, with module and competency of each question. */
export function listSubmittedItems(db: Db, cohortId: string) {
  return db
    .selectFrom("training_attempt_items as i")
    .innerJoin("training_attempts as a", "a.id", "i.attempt_id")
    .innerJoin("training_tests as t", "t.id", "a.test_id")
    .innerJoin("training_questions as q", "q.id", "i.question_id")
    .select([
      "i.attempt_id",
      "i.question_id",
      "i.is_correct",
      "a.enrolment_id",
      "t.kind",
      "q.module_id",
      "q.competency_code",
    ])
    .where("t.cohort_id", "=", cohortId)
    .where("a.submitted_at", "is not", null)
    .execute();
}

export function listCertificates(db: Db, cohortId: string) {
  return db
    .selectFrom("training_certificates as c")
    .innerJoin("training_enrolments as e", "e.id", "c.enrolment_id")
    .selectAll("c")
    .where("e.cohort_id", "=", cohortId)
    .execute();
}
