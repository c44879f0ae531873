/**
 * Worker performance (kinerja): the pure rules behind every figure — which worker a piece of work
 * is credited to (whoever held the record at that instant), medians of durations in days, the
 * on-time rate of follow-ups, periods and progress against a target. Server, web, CLI and the
 * monthly report use these, so a figure means the same everywhere (docs/kinerja.md).
 * Pure: no I/O.
 */

/** The indicators, in the order screens and exports show them. */
export const KINERJA_INDICATORS = [
  "householdsRegistered",
  "householdsUpdated",
  "householdsAssessed",
  "ppksFound",
  "casesOpened",
  "casesClosed",
  "medianDaysToFirstVisit",
  "medianDaysToClose",
  "followUpsDue",
  "followUpsOnTime",
  "followUpsOnTimeRate",
  "referralsMade",
  "referralsCompleted",
  "visitsMade",
] as const;
export type KinerjaIndicator = (typeof KINERJA_INDICATORS)[number];

/** Indicators that are counts of work done (the ones a target can be set for). */
export const COUNT_INDICATORS = [
  "householdsRegistered",
  "householdsUpdated",
  "householdsAssessed",
  "ppksFound",
  "casesOpened",
  "casesClosed",
  "followUpsOnTime",
  "referralsMade",
  "referralsCompleted",
  "visitsMade",
] as const satisfies readonly KinerjaIndicator[];
export type CountIndicator = (typeof COUNT_INDICATORS)[number];

/** Indonesian first, English second: the labels every screen, export and report uses. */
export const INDICATOR_LABELS: Readonly<Record<KinerjaIndicator, { id: string; en: string }>> = {
  householdsRegistered: { id: "Keluarga didaftarkan", en: "Households registered" },
  householdsUpdated: { id: "Keluarga diperbarui", en: "Households updated" },
  householdsAssessed: { id: "Keluarga diasesmen", en: "Households assessed" },
  ppksFound: { id: "PPKS ditemukan", en: "PPKS found" },
  casesOpened: { id: "Kasus dibuka", en: "Cases opened" },
  casesClosed: { id: "Kasus ditutup", en: "Cases closed" },
  medianDaysToFirstVisit: { id: "Median hari sampai kunjungan pertama", en: "Median days to first visit" },
  medianDaysToClose: { id: "Median hari sampai kasus ditutup", en: "Median days to closing" },
  followUpsDue: { id: "Tindak lanjut jatuh tempo", en: "Follow-ups due" },
  followUpsOnTime: { id: "Tindak lanjut tepat waktu", en: "Follow-ups done on time" },
  followUpsOnTimeRate: { id: "Tindak lanjut tepat waktu (%)", en: "Follow-ups on time (%)" },
  referralsMade: { id: "Rujukan dibuat", en: "Referrals made" },
  referralsCompleted: { id: "Rujukan selesai", en: "Referrals completed" },
  visitsMade: { id: "Kunjungan dilakukan", en: "Visits made" },
};

/** A stretch of time in which one worker held a record; `to` null while they still hold it. */
export interface HoldingInterval {
  workerId: string;
  from: string;
  to: string | null;
}

/**
 * Who held a record at `instant` (ISO text): the interval with from ≤ instant < to. At the very
 * instant of a transfer the new holder is credited. Null when nobody held it.
 */
export function holderAt(intervals: readonly HoldingInterval[], instant: string): string | null {
  let found: HoldingInterval | null = null;
  for (const interval of intervals) {
    if (interval.from <= instant && (interval.to === null || instant < interval.to)) {
      if (!found || interval.from > found.from) found = interval;
    }
  }
  return found?.workerId ?? null;
}

/** The first holder of a record: whoever was assigned earliest (credited with opening a case). */
export function firstHolder(intervals: readonly HoldingInterval[]): string | null {
  let first: HoldingInterval | null = null;
  for (const interval of intervals) if (!first || interval.from < first.from) first = interval;
  return first?.workerId ?? null;
}

const DAY_MS = 86_400_000;

/** Whole and fractional days from `start` to `end` (ISO instants), never negative. */
export function daysBetween(start: string, end: string): number {
  return Math.max(0, (Date.parse(end) - Date.parse(start)) / DAY_MS);
}

/** The median, or null for no values; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A follow-up task as the on-time rule needs it. */
export interface FollowUp {
  dueAt: string;
  doneAt: string | null;
  status: "open" | "done" | "cancelled";
}

/**
 * Follow-ups due in a period: every task whose due instant falls in [from, to) and has passed by
 * `now`, except cancelled ones. On time: done at or before its due instant. Open tasks past due
 * count as late. Rate in percent (0–100, one decimal), null when nothing was due.
 */
export function followUpsOnTime(
  tasks: readonly FollowUp[],
  period: { from: string; to: string },
  now: string,
): { due: number; onTime: number; rate: number | null } {
  let due = 0;
  let onTime = 0;
  for (const task of tasks) {
    if (task.status === "cancelled") continue;
    if (task.dueAt < period.from || task.dueAt >= period.to || task.dueAt > now) continue;
    due++;
    if (task.status === "done" && task.doneAt !== null && task.doneAt <= task.dueAt) onTime++;
  }
  return { due, onTime, rate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10 };
}

/** Rounds a figure to one decimal for display and the API (days, percentages). */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
