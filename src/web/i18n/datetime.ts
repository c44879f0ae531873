/**
 * Dates and times as people in Jakarta read them: always in Asia/Jakarta (WIB), whatever the
 * device's own zone, because the work and the office hours are there. The server keeps UTC.
 */
import type { Language } from "../../core/errors/language.ts";
import { localeOf } from "./format.ts";

/** The zone every time in the interface is shown in. */
export const APP_TIME_ZONE = "Asia/Jakarta";
/** Offset of Asia/Jakarta (no daylight saving). */
const JAKARTA_OFFSET = "+07:00";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(localeOf(language), {
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short", hourCycle: "h23" as const } : {}),
      timeZone: APP_TIME_ZONE,
    });
    formatters.set(key, found);
  }
  return found;
}

/** "12 Mar 2026, 14.05 WIB": an ISO timestamp in Jakarta time; the input itself when it is not a date. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatter(language, true).format(date)} WIB`;
}

/** "12 Mar 2026": the Jakarta calendar day of an ISO timestamp. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, false).format(date);
}

/** The start of a Jakarta calendar day ('YYYY-MM-DD') as an ISO timestamp with its offset. */
export function jakartaDayStart(day: string): string {
  return `${day}T00:00:00${JAKARTA_OFFSET}`;
}

/** The start of the Jakarta day after `day`: the exclusive end of a range that includes `day`. */
export function jakartaDayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return jakartaDayStart(next.toISOString().slice(0, 10));
}
