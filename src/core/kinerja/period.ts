/**
 * Reporting periods: a month, a quarter, a year or a custom range of days, all as inclusive
 * 'YYYY-MM-DD' dates. Instants are compared in Asia/Jakarta (WIB, UTC+7), the city's day: a visit
 * at 23:30 WIB on the 31st belongs to that month although it is the 31st at 16:30 UTC.
 * Pure: no I/O.
 */

/** WIB has no daylight saving: a fixed offset. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** An inclusive range of calendar days. */
export interface DateRange {
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The last day of a month (month 1–12). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month 'YYYY-MM' as a range. */
export function monthRange(month: string): DateRange {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

/** A quarter 'YYYY-Qn' as a range. */
export function quarterRange(quarter: string): DateRange {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const first = (q - 1) * 3 + 1;
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
}

/** A year as a range. */
export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The WIB calendar day of an instant. */
export function wibDate(instant: Date | string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(ms + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The month (YYYY-MM) of an instant in WIB. */
export function wibMonth(instant: Date | string): string {
  return wibDate(instant).slice(0, 7);
}

/**
 * A range of days as half-open UTC instants [from 00:00 WIB, day after `to` 00:00 WIB), to compare
 * with ISO timestamps stored in UTC.
 */
export function rangeInstants(range: DateRange): { from: string; to: string } {
  const start = Date.parse(`${range.from}T00:00:00Z`) - WIB_OFFSET_MS;
  const end = Date.parse(`${range.to}T00:00:00Z`) + 86_400_000 - WIB_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
}

/** The number of days in a range, both ends included. */
export function daysIn(range: DateRange): number {
  return (
    Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/** The range shifted by whole months: months before (negative) or after (positive) `date`. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay(year, month)))}`;
}

/** The day before a date. */
export function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The day after a date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
