/**
 * One cohort's results per participant: attendance rate, pre- and post-test scores, normalised
 * gain and completion. Cohort detail, reports, certificates and worker profiles all read them
 * from here, so the numbers agree everywhere.
 */
import { notFound } from "../../../core/errors/app-error.ts";
import { type AttendanceStatus, attendanceRate } from "../../../core/training/attendance.ts";
import { evaluateCompletion } from "../../../core/training/completion.ts";
import { normalizedGain } from "../../../core/training/scoring.ts";
import type { Db } from "../../db/database.ts";
import { findProgramme } from "./programmes.repository.ts";
import * as repo from "./results.repository.ts";

export const COHORT = { id: "Angkatan pelatihan", en: "Training cohort" };

export type CohortResults = Awaited<ReturnType<typeof loadCohortResults>>;
export type ParticipantResult = CohortResults["participants"][number];

export async function loadCohortResults(db: Db, cohortId: string) {
  const cohort = await repo.findCohort(db, cohortId);
  if (!cohort) throw notFound(COHORT);
  const programme = (await findProgramme(db, cohort.programme_id))!;
  const [allSessions, participants, allAttendance, tests, attempts, certificates] = await Promise.all([
    repo.listSessions(db, cohortId),
    repo.listParticipants(db, cohortId),
    repo.listAttendance(db, cohortId),
    repo.listTests(db, cohortId),
    repo.listSubmittedAttempts(db, cohortId),
    repo.listCertificates(db, cohortId),
  ]);
  // A cancelled session counts in no attendance rate and no lesson hours; it is still listed.
  const sessions = allSessions.filter((s) => s.cancelled_at === null);
  // Marks of withdrawn participants and of cancelled sessions are kept but counted nowhere.
  const counted = new Set(sessions.map((s) => s.id));
  const active = new Set(participants.map((p) => p.enrolmentId));
  const attendance = allAttendance.filter((a) => counted.has(a.session_id) && active.has(a.enrolment_id));
  const modulesBySession = await repo.sessionModules(
    db,
    allSessions.map((s) => s.id),
  );
  const statusOf = new Map(
    attendance.map((a) => [`${a.session_id}:${a.enrolment_id}`, a.status as AttendanceStatus]),
  );
  const scoreOf = new Map(attempts.map((a) => [`${a.kind}:${a.enrolment_id}`, a.score]));
  const certificateOf = new Map(certificates.map((c) => [c.enrolment_id, c]));
  const rule = { minAttendanceRate: programme.min_attendance_rate, minPostScore: programme.min_post_score };

  const results = participants.map((p) => {
    const statuses = sessions.map((s) => statusOf.get(`${s.id}:${p.enrolmentId}`) ?? null);
    const rate = attendanceRate(statuses, sessions.length);
    const pre = scoreOf.get(`pre:${p.enrolmentId}`) ?? null;
    const post = scoreOf.get(`post:${p.enrolmentId}`) ?? null;
    const gain = normalizedGain(pre, post);
    const completion = evaluateCompletion(rule, rate, post);
    return {
      ...p,
      statuses,
      attendanceRate: rate,
      preScore: pre,
      postScore: post,
      gain: gain.value,
      gainStatus: gain.status,
      completed: completion.completed,
      shortfalls: completion.shortfalls,
      certificate: certificateOf.get(p.enrolmentId) ?? null,
    };
  });
  return {
    cohort,
    programme,
    sessions,
    allSessions,
    modulesBySession,
    tests,
    participants: results,
    attendance,
  };
}

/** A participant's row as the cohort detail lists it. */
export function presentParticipant(p: ParticipantResult) {
  return {
    enrolmentId: p.enrolmentId,
    workerId: p.workerId,
    name: p.name,
    role: p.role,
    regionCode: p.regionCode,
    regionName: p.regionName,
    attendanceRate: p.attendanceRate,
    preScore: p.preScore,
    postScore: p.postScore,
    gain: p.gain,
    gainStatus: p.gainStatus,
    completed: p.completed,
    certificateId: p.certificate?.id ?? null,
  };
}
