/**
 * Follow-up rules: when tasks fall due, and how a worker's list splits into today, overdue and
 * upcoming. Days are counted in Jakarta time (WIB, UTC+7, no daylight saving). Pure.
 */
import type { Urgency } from "./case-enums.ts";

/** A new case must have a first visit within this many days of its report. */
export const FIRST_VISIT_DAYS: Readonly<Record<Urgency, number>> = { darurat: 1, tinggi: 3, biasa: 7 };

/** An accepted referral is checked this many days after acceptance. */
export const REFERRAL_CHECK_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** ISO timestamp `days` days after `fromIso`. */
export function addDays(fromIso: string, days: number): string {
  return new Date(Date.parse(fromIso) + days * DAY_MS).toISOString();
}

/** When the first visit of a case reported at `reportedAt` is due. */
export function firstVisitDue(urgency: Urgency, reportedAt: string): string {
  return addDays(reportedAt, FIRST_VISIT_DAYS[urgency]);
}

/** When the check of a referral accepted at `acceptedAt` is due. */
export function referralCheckDue(acceptedAt: string): string {
  return addDays(acceptedAt, REFERRAL_CHECK_DAYS);
}

/** The Jakarta calendar date (YYYY-MM-DD) of an instant. */
export function jakartaDate(iso: string | Date): string {
  const t = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export type DueBucket = "overdue" | "today" | "upcoming";

/**
 * Where an open task stands at `now`: overdue once its due instant has passed, today when it falls
 * due later on the same Jakarta day, upcoming otherwise.
 */
export function dueBucket(dueAt: string, now: Date): DueBucket {
  if (Date.parse(dueAt) < now.getTime()) return "overdue";
  return jakartaDate(dueAt) === jakartaDate(now) ? "today" : "upcoming";
}

/** The Jakarta day after `now` starts at this instant: tasks due before it and not overdue are "today". */
export function endOfJakartaDay(now: Date): string {
  const date = jakartaDate(now);
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - WIB_OFFSET_MS + DAY_MS).toISOString();
}
