/**
 * Attendance: the trainer's roster for a session (one or many marks at once), the QR code the
 * trainer shows, and participants checking themselves in with it. A QR check-in is accepted only
 * for an enrolled participant and only inside that session's window (core/training/attendance).
 */
import type { Kysely } from "kysely";
import QRCode from "qrcode";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { AttendanceStatus } from "../../../core/training/attendance.ts";
import {
  CHECK_IN_OPENS_BEFORE_MINUTES,
  checkInDecision,
  sessionInstants,
} from "../../../core/training/attendance.ts";
import type { Database, Db } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import type { Actor } from "../auth/actor.ts";
import { listParticipants, sessionModules } from "./results.repository.ts";
import { presentSession } from "./training.presenter.ts";
import { assertManage, workerIdOf } from "./training-access.ts";

const SESSION = { id: "Sesi pelatihan", en: "Training session" };

async function findSession(db: Db, id: string) {
  const row = await db.selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(SESSION);
  return row;
}

export async function getRoster(db: Db, actor: Actor, sessionId: string) {
  assertManage(actor);
  const session = await findSession(db, sessionId);
  const [participants, marks, modules] = await Promise.all([
    listParticipants(db, session.cohort_id),
    db.selectFrom("training_attendance").selectAll().where("session_id", "=", sessionId).execute(),
    sessionModules(db, [sessionId]),
  ]);
  const markOf = new Map(marks.map((m) => [m.enrolment_id, m]));
  return {
    session: presentSession(session, modules.get(sessionId) ?? []),
    entries: participants.map((p) => ({
      enrolmentId: p.enrolmentId,
      name: p.name,
      role: p.role,
      status: (markOf.get(p.enrolmentId)?.status ?? null) as AttendanceStatus | null,
      method: markOf.get(p.enrolmentId)?.method ?? null,
    })),
  };
}

/** Marks one or many participants; every enrolment must belong to the session's cohort. */
export async function markAttendance(
  db: Kysely<Database>,
  actor: Actor,
  sessionId: string,
  entries: { enrolmentId: string; status: AttendanceStatus }[],
) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const session = await findSession(trx, sessionId);
    if (session.cancelled_at !== null) {
      throw new AppError("training_change_refused", {
        reasonId: "sesi ini dibatalkan, presensinya tidak dapat diubah",
        reasonEn: "this session was cancelled, its attendance cannot change",
      });
    }
    const enrolled = new Set((await listParticipants(trx, session.cohort_id)).map((p) => p.enrolmentId));
    const strangers = entries.filter((e) => !enrolled.has(e.enrolmentId));
    if (strangers.length > 0) {
      throw new AppError(
        "validation_failed",
        {},
        strangers.map((e) => ({
          field: "body.entries",
          code: "not_enrolled",
          value: e.enrolmentId,
          message: {
            id: "Bukan peserta angkatan sesi ini.",
            en: "Not a participant of this session's cohort.",
          },
        })),
      );
    }
    const now = nowIso();
    for (const e of entries) {
      await trx
        .insertInto("training_attendance")
        .values({
          session_id: sessionId,
          enrolment_id: e.enrolmentId,
          status: e.status,
          method: "trainer",
          marked_at: now,
          marked_by: actor.userId,
        })
        .onConflict((oc) =>
          oc.columns(["session_id", "enrolment_id"]).doUpdateSet({
            status: e.status,
            method: "trainer",
            marked_at: now,
            marked_by: actor.userId,
          }),
        )
        .execute();
    }
    return getRoster(trx, actor, sessionId);
  });
}

/** The code the trainer shows: the session's token as a QR (SVG) of the check-in address. */
export async function checkInCode(db: Db, actor: Actor, sessionId: string, baseUrl: string) {
  assertManage(actor);
  const session = await findSession(db, sessionId);
  const checkInUrl = `${baseUrl.replace(/\/$/, "")}/pelatihan/presensi?token=${session.check_in_token}`;
  const { start, end } = sessionInstants({
    date: session.date,
    startTime: session.start_time,
    endTime: session.end_time,
  });
  return {
    token: session.check_in_token,
    checkInUrl,
    qrSvg: await QRCode.toString(checkInUrl, { type: "svg", margin: 1 }),
    opensAt: new Date(start.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000).toISOString(),
    closesAt: end.toISOString(),
  };
}

const REFUSALS = {
  not_yet_open: { id: "sesi ini belum dimulai", en: "this session has not started yet" },
  closed: { id: "sesi ini sudah berakhir", en: "this session is over" },
  unknown: { id: "kode QR tidak dikenal", en: "the QR code is unknown" },
  cancelled: { id: "sesi atau angkatan ini dibatalkan", en: "this session or its cohort was cancelled" },
} as const;

/**
 * A participant checks in with the token from the QR code. An earlier mark by the trainer is not
 * overwritten (the trainer's word wins); a repeated scan returns the existing status.
 */
export async function checkIn(db: Db, actor: Actor, token: string, now = new Date()) {
  const session = await db
    .selectFrom("training_sessions")
    .selectAll()
    .where("check_in_token", "=", token)
    .executeTakeFirst();
  if (!session) {
    throw new AppError("training_check_in_refused", {
      reasonId: REFUSALS.unknown.id,
      reasonEn: REFUSALS.unknown.en,
    });
  }
  const workerId = await workerIdOf(db, actor);
  const enrolment = workerId
    ? await db
        .selectFrom("training_enrolments")
        .select("id")
        .where("cohort_id", "=", session.cohort_id)
        .where("worker_id", "=", workerId)
        .where("withdrawn_at", "is", null)
        .executeTakeFirst()
    : undefined;
  if (!enrolment) throw new AppError("training_not_participant");
  const cohort = await db
    .selectFrom("training_cohorts")
    .select("cancelled_at")
    .where("id", "=", session.cohort_id)
    .executeTakeFirstOrThrow();
  if (session.cancelled_at !== null || cohort.cancelled_at !== null) {
    throw new AppError("training_check_in_refused", {
      reasonId: REFUSALS.cancelled.id,
      reasonEn: REFUSALS.cancelled.en,
    });
  }
  const decision = checkInDecision(
    { date: session.date, startTime: session.start_time, endTime: session.end_time },
    now,
  );
  if (!decision.allowed) {
    const reason = REFUSALS[decision.reason];
    throw new AppError("training_check_in_refused", { reasonId: reason.id, reasonEn: reason.en });
  }
  const existing = await db
    .selectFrom("training_attendance")
    .select("status")
    .where("session_id", "=", session.id)
    .where("enrolment_id", "=", enrolment.id)
    .executeTakeFirst();
  if (existing) return { sessionId: session.id, status: existing.status as AttendanceStatus };
  await db
    .insertInto("training_attendance")
    .values({
      session_id: session.id,
      enrolment_id: enrolment.id,
      status: decision.status,
      method: "qr",
      marked_at: now.toISOString(),
      marked_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(["session_id", "enrolment_id"]).doNothing())
    .execute();
  return { sessionId: session.id, status: decision.status };
}
