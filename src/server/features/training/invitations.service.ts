/**
 * Invitations: who was invited to a cohort (every enrolment, withdrawn ones too, with its status)
 * and the printable letters — what each participant must attend (sessions, place, tests).
 */
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../auth/actor.ts";
import { ROLE_LABELS } from "../certificates/certificates.service.ts";
import { type InvitationLetter, renderInvitationsPdf } from "./invitation-pdf.ts";
import { listWithdrawn } from "./results.repository.ts";
import { type CohortResults, loadCohortResults } from "./results.ts";
import { assertManage } from "./training-access.ts";

const ENROLMENT = { id: "Peserta pelatihan", en: "Training participant" };

function sessionsOf(results: CohortResults) {
  return results.sessions.map((s) => ({
    date: s.date,
    startTime: s.start_time,
    endTime: s.end_time,
    venue: s.venue,
    title: s.title,
  }));
}

/** Every participant invited to the cohort: active ones first, then the withdrawn. */
export async function listInvitations(db: Db, actor: Actor, cohortId: string) {
  assertManage(actor);
  const results = await loadCohortResults(db, cohortId);
  const [withdrawn, enrolled] = await Promise.all([
    listWithdrawn(db, cohortId),
    db
      .selectFrom("training_enrolments")
      .select(["id", "enrolled_at"])
      .where("cohort_id", "=", cohortId)
      .execute(),
  ]);
  const invitedAt = new Map(enrolled.map((e) => [e.id, e.enrolled_at]));
  const sessions = sessionsOf(results);
  const tests = results.tests.map((t) => t.kind as "pre" | "post");
  const active = results.participants.map((p) => ({
    enrolmentId: p.enrolmentId,
    name: p.name,
    role: p.role,
    regionCode: p.regionCode,
    regionName: p.regionName,
    invitedAt: invitedAt.get(p.enrolmentId)!,
    status: "invited" as const,
    withdrawnAt: null,
    sessionsAttended: p.statuses.filter((s) => s === "hadir" || s === "terlambat").length,
    sessions,
    tests,
  }));
  const gone = withdrawn.map((w) => ({
    enrolmentId: w.enrolmentId,
    name: w.name,
    role: w.role,
    regionCode: w.regionCode,
    regionName: w.regionName,
    invitedAt: w.enrolledAt,
    status: "withdrawn" as const,
    withdrawnAt: w.withdrawnAt,
    sessionsAttended: 0,
    sessions,
    tests,
  }));
  return [...active, ...gone];
}

function todayInJakarta(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function letterFor(
  results: CohortResults,
  p: { name: string; role: string; regionName: string | null; regionCode: string },
  now: Date,
): InvitationLetter {
  return {
    name: p.name,
    roleLabel: ROLE_LABELS[p.role] ?? p.role.toUpperCase(),
    regionName: p.regionName ?? p.regionCode,
    programmeName: results.programme.name,
    organiser: results.programme.organiser,
    cohortName: results.cohort.name,
    venue: results.cohort.venue,
    startsOn: results.cohort.starts_on,
    endsOn: results.cohort.ends_on,
    sessions: sessionsOf(results),
    tests: results.tests.map((t) => t.kind as "pre" | "post"),
    signatoryName: results.programme.signatory_name,
    signatoryTitle: results.programme.signatory_title,
    issuedOn: todayInJakarta(now),
  };
}

/** The letters of every active participant of a cohort, one per page. */
export async function cohortInvitationsPdf(db: Db, actor: Actor, cohortId: string, now = new Date()) {
  assertManage(actor);
  const results = await loadCohortResults(db, cohortId);
  const letters = results.participants.map((p) => letterFor(results, p, now));
  return renderInvitationsPdf(letters, `Undangan ${results.cohort.name}`);
}

/** One participant's letter; a withdrawn participant is no longer invited. */
export async function invitationPdf(db: Db, actor: Actor, enrolmentId: string, now = new Date()) {
  assertManage(actor);
  const enrolment = await db
    .selectFrom("training_enrolments")
    .selectAll()
    .where("id", "=", enrolmentId)
    .executeTakeFirst();
  if (!enrolment) throw notFound(ENROLMENT);
  if (enrolment.withdrawn_at !== null) {
    throw new AppError("training_change_refused", {
      reasonId: "peserta ini sudah dikeluarkan dari angkatan, tidak ada undangan untuknya",
      reasonEn: "this participant was withdrawn from the cohort and has no invitation",
    });
  }
  const results = await loadCohortResults(db, enrolment.cohort_id);
  const p = results.participants.find((x) => x.enrolmentId === enrolmentId)!;
  return {
    name: p.name,
    pdf: await renderInvitationsPdf([letterFor(results, p, now)], `Undangan ${p.name}`),
  };
}
