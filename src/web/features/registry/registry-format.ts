/** Small display helpers of the registry screens: enumeration labels, ages, masked numbers. */
import type { Bilingual, Language } from "../../../core/errors/language.ts";
import { maskNik } from "../../../core/identity/nik.ts";

/** The label of an enumeration code (person-enums.ts) in the interface language; the code when unknown. */
export function enumLabel(
  e: { labels: Record<string, Bilingual> },
  code: string | null | undefined,
  language: Language,
): string | null {
  if (!code) return null;
  return e.labels[code]?.[language] ?? code;
}

/** Whole years between a 'YYYY-MM-DD' birth date and `today` (local calendar); null when unknown. */
export function ageOn(birthDate: string | null, today: Date = new Date()): number | null {
  const match = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age < 0 ? null : age;
}

/**
 * A NIK or KK as a list shows it: masked. Numbers that came masked from a list stay as they are;
 * whole ones (from a detail answer) are masked until the user asks to see them.
 */
export function maskedNumber(value: string | null): string | null {
  if (value === null) return null;
  return /^\d{16}$/.test(value) ? maskNik(value) : value;
}

/** Today in the device's calendar as 'YYYY-MM-DD' (the default of date fields). */
export function todayIso(today: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}
