/**
 * Attendance: the statuses a trainer records, the attendance rate, and the QR check-in window.
 * Sessions are planned in Asia/Jakarta time (WIB, UTC+07:00 all year, no daylight saving), so a
 * session's instants are computed with a fixed offset. Pure: no I/O.
 */

export const ATTENDANCE_STATUSES = ["hadir", "terlambat", "izin", "sakit", "alpa"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Statuses that count as being present for the attendance rate. */
export const PRESENT_STATUSES: readonly AttendanceStatus[] = ["hadir", "terlambat"];

/** The offset of Asia/Jakarta (WIB). */
export const JAKARTA_OFFSET = "+07:00";

/** QR check-in opens this many minutes before the session starts. */
export const CHECK_IN_OPENS_BEFORE_MINUTES = 30;
/** A check-in later than this many minutes after the start is recorded as terlambat. */
export const LATE_AFTER_MINUTES = 15;

export interface SessionTime {
  /** YYYY-MM-DD, Jakarta date. */
  date: string;
  /** HH:MM, Jakarta time. */
  startTime: string;
  endTime: string;
}

/** The session's start and end as instants. */
export function sessionInstants(session: SessionTime): { start: Date; end: Date } {
  return {
    start: new Date(`${session.date}T${session.startTime}:00${JAKARTA_OFFSET}`),
    end: new Date(`${session.date}T${session.endTime}:00${JAKARTA_OFFSET}`),
  };
}

export type CheckInDecision =
  | { allowed: true; status: "hadir" | "terlambat" }
  | { allowed: false; reason: "not_yet_open" | "closed" };

/**
 * The QR window rule: a participant may check in from 30 minutes before the start until the end
 * of the session; up to 15 minutes after the start counts as hadir, later as terlambat. Outside
 * the window the code is refused, so a code shown for one session cannot be used for another
 * session's time, nor before or after.
 */
export function checkInDecision(session: SessionTime, now: Date): CheckInDecision {
  const { start, end } = sessionInstants(session);
  const opens = start.getTime() - CHECK_IN_OPENS_BEFORE_MINUTES * 60_000;
  const t = now.getTime();
  if (t < opens) return { allowed: false, reason: "not_yet_open" };
  if (t > end.getTime()) return { allowed: false, reason: "closed" };
  return { allowed: true, status: t > start.getTime() + LATE_AFTER_MINUTES * 60_000 ? "terlambat" : "hadir" };
}

/** Session length in hours (end − start). */
export function sessionHours(session: SessionTime): number {
  const { start, end } = sessionInstants(session);
  return Math.max(0, (end.getTime() - start.getTime()) / 3_600_000);
}

/**
 * Attendance rate of one participant: sessions attended (hadir or terlambat) divided by the
 * cohort's sessions; izin, sakit, alpa and unrecorded sessions count as absent. 0 sessions gives 0.
 */
export function attendanceRate(statuses: readonly (AttendanceStatus | null)[], sessionCount: number): number {
  if (sessionCount <= 0) return 0;
  const present = statuses.filter((s) => s !== null && PRESENT_STATUSES.includes(s)).length;
  return Math.round((present / sessionCount) * 10000) / 10000;
}
