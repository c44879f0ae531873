/**
 * NIK (Nomor Induk Kependudukan): the 16-digit national identity number.
 *
 * Layout `PP KK CC DD MM YY NNNN`: province, kabupaten/kota and kecamatan where the person was
 * first registered (kept for life, even after moving), birth day (plus 40 for women), month,
 * two-digit year, and a serial from 0001. The century is not encoded; we take the most recent
 * one that does not put the birth in the future and let callers cross-check stored data with
 * {@link nikMatchesPerson}. Only Dukcapil can confirm that a well-formed NIK was really issued.
 */

import { namaBulan } from "../dates/indonesian-dates.ts";
import {
  checkRegionPrefix,
  checkSerial,
  checkShape,
  type KnownRegion,
  NIK_KIND,
  regionWarnings,
  stripSeparators,
} from "./id-number.ts";
import { type CheckedWithWarnings, type Reason, reason } from "./reason.ts";

/** L = laki-laki (male), P = perempuan (female), as printed on the KTP. */
export type Sex = "L" | "P";

/** What a valid NIK says about its holder. */
export interface NikParts {
  /** The 16 digits, separators removed. */
  nik: string;
  /** Kecamatan code at first registration (PP KK CC), 6 digits. */
  regionCode: string;
  /** First 2 digits. */
  provinceCode: string;
  /** First 4 digits (kabupaten/kota). */
  regencyCode: string;
  /** `YYYY-MM-DD`, century inferred (see the module comment). */
  birthDate: string;
  sex: Sex;
  /** Last 4 digits. */
  serial: string;
}

export interface ParseNikOptions {
  /** Reference date for choosing the century; defaults to now. Compared by local calendar date. */
  today?: Date;
  /** When given, an unknown kecamatan yields a warning (never a rejection). */
  knownRegion?: KnownRegion;
}

export type NikResult = CheckedWithWarnings<NikParts>;

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Spells a date the way each audience reads it ("12 Agustus 1990" / "12 August 1990"). */
function spellDate(year: number | string, month: number, day: number): { id: string; en: string } {
  return {
    id: `${day} ${namaBulan(month)} ${year}`,
    en: `${day} ${MONTHS_EN[month - 1]} ${year}`,
  };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Parses and validates a NIK, reporting every rule it breaks (not only the first), so a form
 * can show "bad month" and "serial 0000" together.
 */
export function parseNik(input: string, opts: ParseNikOptions = {}): NikResult {
  const nik = stripSeparators(input);
  const shape = checkShape(nik, NIK_KIND);
  // Positions mean nothing until we have exactly 16 digits, so stop at shape errors.
  if (shape.length > 0) return { ok: false, reasons: shape, warnings: [] };

  const reasons: Reason[] = [...checkRegionPrefix(nik, NIK_KIND)];
  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));

  const dayOk = (dd >= 1 && dd <= 31) || (dd >= 41 && dd <= 71);
  if (!dayOk) {
    reasons.push(
      reason(
        "nik_day_invalid",
        `Tanggal lahir pada NIK (digit 7–8) harus 01–31 untuk laki-laki atau 41–71 untuk perempuan, diterima ${nik.slice(6, 8)}.`,
        `The birth day in the NIK (digits 7–8) must be 01–31 for men or 41–71 for women, got ${nik.slice(6, 8)}.`,
      ),
    );
  }
  const monthOk = month >= 1 && month <= 12;
  if (!monthOk) {
    reasons.push(
      reason(
        "nik_month_invalid",
        `Bulan lahir pada NIK (digit 9–10) harus 01–12, diterima ${nik.slice(8, 10)}.`,
        `The birth month in the NIK (digits 9–10) must be 01–12, got ${nik.slice(8, 10)}.`,
      ),
    );
  }

  const sex: Sex = dd > 40 ? "P" : "L";
  const day = dd > 40 ? dd - 40 : dd;
  let birthDate = "";
  if (dayOk && monthOk) {
    const year = chooseCentury(yy, month, day, opts.today ?? new Date());
    if (day > daysInMonth(year, month)) {
      const spelled = spellDate(year, month, day);
      reasons.push(
        reason(
          "nik_date_invalid",
          `Tanggal lahir pada NIK tidak ada di kalender: ${spelled.id}.`,
          `The birth date in the NIK does not exist: ${spelled.en}.`,
        ),
      );
    }
    birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  }
  reasons.push(...checkSerial(nik, NIK_KIND));

  const warnings = regionWarnings(nik, NIK_KIND, opts.knownRegion);
  if (reasons.length > 0) return { ok: false, reasons, warnings };

  return {
    ok: true,
    nik,
    regionCode: nik.slice(0, 6),
    provinceCode: nik.slice(0, 2),
    regencyCode: nik.slice(0, 4),
    birthDate,
    sex,
    serial: nik.slice(12),
    warnings,
  };
}

/** The last reference date's YYYYMMDD (local calendar): a file's NIKs share one reference date. */
let lastToday = { time: Number.NaN, key: 0 };

function localDateKey(today: Date): number {
  const time = today.getTime();
  if (time !== lastToday.time) {
    lastToday = { time, key: today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate() };
  }
  return lastToday.key;
}

/**
 * 20YY unless that date is after `today`, then 19YY. Compared as a plain calendar key so that an
 * impossible date (30 February) still gets a century and can be reported with its year.
 */
function chooseCentury(yy: number, month: number, day: number, today: Date): number {
  const todayKey = localDateKey(today);
  const recent = 2000 + yy;
  return recent * 10000 + month * 100 + day <= todayKey ? recent : 1900 + yy;
}

/** The bullet used to hide digits; one UTF-16 unit, so a masked NIK is 16 characters long. */
const BULLET = "•";

/**
 * Hides the birth date and region detail of a NIK for lists and exports: `3171••••••••0003`.
 * The first 4 digits (kabupaten/kota) and the serial stay visible so staff can tell people
 * apart. Anything that is not 16 digits is fully hidden: we cannot know which part is safe.
 */
export function maskNik(nik: string): string {
  const digits = stripSeparators(nik);
  if (!/^[0-9]{16}$/.test(digits)) return BULLET.repeat(16);
  return `${digits.slice(0, 4)}${BULLET.repeat(8)}${digits.slice(12)}`;
}

/** Facts stored about a person, as far as they are known; missing ones are not compared. */
export interface PersonFacts {
  /** `YYYY-MM-DD`. */
  birthDate?: string | null;
  sex?: Sex | null;
}

const SEX_WORDS: Record<Sex, { id: string; en: string }> = {
  L: { id: "laki-laki", en: "male" },
  P: { id: "perempuan", en: "female" },
};

/**
 * Cross-checks a parsed NIK against stored data and lists every disagreement (empty when they
 * agree). Birth dates are compared on day, month and two-digit year only, because the NIK does
 * not encode the century: a person born in 1920 has the same NIK date as one born in 2020.
 */
export function nikMatchesPerson(parsed: Pick<NikParts, "birthDate" | "sex">, person: PersonFacts): Reason[] {
  const reasons: Reason[] = [];
  const stored = person.birthDate;
  if (stored != null && stored !== "") {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
    if (!match) {
      reasons.push(
        reason(
          "nik_birth_date_unreadable",
          `Tanggal lahir tersimpan "${stored}" tidak berformat TTTT-BB-HH, sehingga tidak dapat dibandingkan dengan NIK.`,
          `The stored birth date "${stored}" is not in YYYY-MM-DD form, so it cannot be compared with the NIK.`,
        ),
      );
    } else if (stored.slice(2) !== parsed.birthDate.slice(2)) {
      const [, y = "", m = "", d = ""] = match;
      const fromNik = spellDateIso(parsed.birthDate);
      const fromStore = spellDate(y, Number(m), Number(d));
      reasons.push(
        reason(
          "nik_birth_date_mismatch",
          `Tanggal lahir pada NIK (${fromNik.id}) tidak sama dengan data tersimpan (${fromStore.id}).`,
          `The birth date in the NIK (${fromNik.en}) differs from the stored one (${fromStore.en}).`,
        ),
      );
    }
  }
  if (person.sex != null && person.sex !== parsed.sex) {
    const nikSex = SEX_WORDS[parsed.sex];
    const storedSex = SEX_WORDS[person.sex];
    reasons.push(
      reason(
        "nik_sex_mismatch",
        `Jenis kelamin menurut NIK (${nikSex.id}) tidak sama dengan data tersimpan (${storedSex.id}); pada NIK perempuan tanggal lahir ditambah 40.`,
        `The sex encoded in the NIK (${nikSex.en}) differs from the stored one (${storedSex.en}); women's NIKs add 40 to the birth day.`,
      ),
    );
  }
  return reasons;
}

function spellDateIso(iso: string): { id: string; en: string } {
  return spellDate(iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
