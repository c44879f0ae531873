/**
 * DTSEN periods. BPS updates the national data four times a year, so an extract belongs to a
 * calendar quarter, written `2025-Q1` like the assessment periods (assessments.table.ts).
 */

import { AppError } from "../errors/app-error.ts";

const PERIOD = /^(\d{4})-Q([1-4])$/;

/** The period in its stored form, or null when `raw` is not `YYYY-Qn` (n 1–4, year 2000–2099). */
export function parsePeriod(raw: string): string | null {
  const match = PERIOD.exec(raw.trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2099) return null;
  return `${match[1]}-Q${match[2]}`;
}

/** The quarter a YYYY-MM-DD date falls in. */
export function periodOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before `period` (2025-Q1 → 2024-Q4). */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const quarter = Number(period.slice(6));
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** The period in its stored form; a 400 naming the expected form when `raw` is not one. */
export function requirePeriod(raw: string): string {
  const period = parsePeriod(raw);
  if (period) return period;
  throw new AppError("validation_failed", {}, [
    {
      field: "period",
      code: "period_invalid",
      message: {
        id: `Periode harus berbentuk TAHUN-Qn (misalnya 2025-Q1), diterima "${raw}".`,
        en: `The period must be YEAR-Qn (for example 2025-Q1), got "${raw}".`,
      },
    },
  ]);
}
