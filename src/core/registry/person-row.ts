/**
 * One row of the person import format (and of the registry's person form): Indonesian column
 * names, each value checked with a reason in Indonesian and English. Pure and shared by the CLI
 * import, the upload route and the web form, so all three show the same messages.
 *
 * The format is documented in docs/import.md; `PERSON_COLUMNS` is its single definition (the
 * export writes the same columns, so an export re-imports cleanly).
 */
import { parseKkNumber } from "../identity/kk.ts";
import { parseNik } from "../identity/nik.ts";
import { normalizePhone } from "../identity/phone.ts";
import type { Reason } from "../identity/reason.ts";
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH_INSURANCE,
  MARITAL_STATUSES,
  OCCUPATIONS,
  parseEnumValue,
  RELATIONS,
  type Relation,
} from "../person/person-enums.ts";

export const REQUIRED_PERSON_COLUMNS = [
  "no_kk",
  "nik",
  "nama",
  "jenis_kelamin",
  "tanggal_lahir",
  "hubungan_keluarga",
  "kode_kelurahan",
  "rw",
  "rt",
  "alamat",
] as const;

export const OPTIONAL_PERSON_COLUMNS = [
  "tempat_lahir",
  "status_perkawinan",
  "pendidikan",
  "pekerjaan",
  "penghasilan",
  "disabilitas",
  "penyakit_kronis",
  "jaminan_kesehatan",
  "no_hp",
  "ppks",
  "latitude",
  "longitude",
] as const;

/** Every column of the format, in the order the export writes them. */
export const PERSON_COLUMNS = [...REQUIRED_PERSON_COLUMNS, ...OPTIONAL_PERSON_COLUMNS] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** A valid row, in the registry's stored forms (codes, YYYY-MM-DD dates, 10-digit region codes). */
export interface PersonRowValue {
  kkNumber: string;
  nik: string;
  name: string;
  sex: "L" | "P";
  birthDate: string;
  relation: Relation;
  regionCode: string;
  rw: string;
  rt: string;
  address: string;
  birthPlace: string | null;
  maritalStatus: string | null;
  education: string | null;
  occupation: string | null;
  monthlyIncome: number | null;
  disability: string | null;
  chronicIllness: string | null;
  healthInsurance: string | null;
  phone: string | null;
  ppks: string[];
  latitude: number | null;
  longitude: number | null;
}

/** One problem with one cell. */
export interface CellProblem extends Reason {
  column: string;
  value: string;
}

export interface PersonRowContext {
  /** True when a 10-digit kelurahan code is in the region list. */
  knownKelurahan(code: string): boolean;
  /** True when a two-digit PPKS code is in the catalogue. */
  knownPpks(code: string): boolean;
  /** Reference date for "not in the future"; defaults to now. */
  today?: Date;
}

export type PersonRowResult = { ok: true; value: PersonRowValue } | { ok: false; problems: CellProblem[] };

/** Maps a header cell to a column name: case-insensitive, spaces, dashes or underscores. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface HeaderCheck {
  /** Column names of the file, normalised, in file order. */
  columns: string[];
  missing: string[];
  unknown: string[];
  duplicated: string[];
}

/** Checks a header row: required columns present, unknown ones listed (they are ignored). */
export function checkPersonHeader(header: readonly string[]): HeaderCheck {
  const columns = header.map(normalizeHeader);
  const known = new Set<string>(PERSON_COLUMNS);
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const c of columns) {
    if (seen.has(c) && known.has(c)) duplicated.push(c);
    seen.add(c);
  }
  return {
    columns,
    missing: REQUIRED_PERSON_COLUMNS.filter((c) => !seen.has(c)),
    unknown: columns.filter((c) => c !== "" && !known.has(c)),
    duplicated,
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const TEN_DIGITS = /^\d{10}$/;
const INCOME_DIGITS = /^\d{1,12}$/;
const SPACE_RUN = /\s{2,}|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Runs of white space as one space (checked first: almost no cell has any). */
function collapseSpaces(value: string): string {
  return SPACE_RUN.test(value) ? value.replace(/\s+/g, " ") : value;
}

function problem(column: string, value: string, code: string, id: string, en: string): CellProblem {
  return { column, value, code, id, en };
}

/**
 * Reads a date written YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY and returns it as YYYY-MM-DD, or null
 * when it is not one of these forms or not a calendar date (2024-02-30).
 */
export function parseFlexibleDate(raw: string): string | null {
  const value = raw.trim();
  if (isPaddedIsoShape(value)) {
    // Already YYYY-MM-DD: only the calendar is left to check, and the text is the result.
    const y = digitsAt(value, 0, 4);
    const m = digitsAt(value, 5, 2);
    const d = digitsAt(value, 8, 2);
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? value : null;
  }
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
    if (!match) return null;
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  if (m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** Days of a month as `Date.UTC` counts them (it reads years 0–99 as 1900–1999). */
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True for ten characters shaped dddd-dd-dd. */
function isPaddedIsoShape(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const i of ISO_DIGITS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

function digitsAt(value: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + (value.charCodeAt(i) - 48);
  return n;
}

function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** "L"/"P", also the words laki-laki / perempuan. */
function parseSex(raw: string): "L" | "P" | null {
  const v = raw.trim().toLowerCase();
  if (v === "l" || v === "laki-laki" || v === "laki laki" || v === "lk") return "L";
  if (v === "p" || v === "perempuan" || v === "pr") return "P";
  return null;
}

function enumProblem(column: string, value: string, allowed: readonly string[]): CellProblem {
  const list = allowed.join(", ");
  return problem(
    column,
    value,
    "enum_invalid",
    `Nilai "${value}" tidak dikenal pada kolom ${column}; pilihan: ${list}.`,
    `Unknown value "${value}" in column ${column}; allowed: ${list}.`,
  );
}

function optionalEnum(
  row: Record<string, string | undefined>,
  column: string,
  e: { codes: readonly string[]; is: (v: string) => v is string },
  problems: CellProblem[],
): string | null {
  const raw = (row[column] ?? "").trim();
  if (raw === "" || raw === "-") return null;
  const value = parseEnumValue(e, raw);
  if (value === null) problems.push(enumProblem(column, raw, e.codes));
  return value;
}

function coordinate(
  row: Record<string, string | undefined>,
  column: "latitude" | "longitude",
  limit: number,
  problems: CellProblem[],
): number | null {
  const raw = (row[column] ?? "").trim();
  if (raw === "") return null;
  const value = Number(raw.replace(",", "."));
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    problems.push(
      problem(
        column,
        raw,
        "coordinate_invalid",
        `Kolom ${column} harus angka desimal antara -${limit} dan ${limit}, diterima "${raw}".`,
        `Column ${column} must be a decimal number between -${limit} and ${limit}, got "${raw}".`,
      ),
    );
    return null;
  }
  return value;
}

/** RW/RT: 1–3 digits, stored zero-padded to three ("5" → "005"). */
function neighbourhood(raw: string, column: "rw" | "rt", problems: CellProblem[]): string {
  const value = raw.trim();
  if (!/^\d{1,3}$/.test(value) || Number(value) === 0) {
    problems.push(
      problem(
        column,
        value,
        `${column}_invalid`,
        `${column.toUpperCase()} harus angka 1–999, diterima "${value}".`,
        `${column.toUpperCase()} must be a number 1–999, got "${value}".`,
      ),
    );
    return "";
  }
  return value.padStart(3, "0");
}

function fromReasons(column: string, value: string, reasons: readonly Reason[]): CellProblem[] {
  return reasons.map((r) => ({ ...r, column, value }));
}

/** A cell's text, trimmed ("" when the column is absent). */
function cellOf(row: Record<string, string | undefined>, column: string): string {
  const raw = row[column];
  return raw == null ? "" : raw.trim();
}

/** A free-text cell as stored: null when empty or "-". */
function textOrNull(value: string): string | null {
  return value === "" || value === "-" ? null : value;
}

/** The last reference date's local YYYY-MM-DD: the rows of one file share one reference date. */
let lastToday = { time: Number.NaN, iso: "" };

function todayIso(today: Date | undefined): string {
  const date = today ?? new Date();
  const time = date.getTime();
  if (time !== lastToday.time) lastToday = { time, iso: localIsoDate(date) };
  return lastToday.iso;
}

/**
 * Validates one row (keys are normalised column names). Reports every problem of the row.
 * Called once per row of an import (a million times for a large file), so it reads each cell
 * once and creates no functions per call.
 */
export function validatePersonRow(
  row: Record<string, string | undefined>,
  context: PersonRowContext,
): PersonRowResult {
  const problems: CellProblem[] = [];
  for (const column of REQUIRED_PERSON_COLUMNS) {
    if (cellOf(row, column) === "") {
      problems.push(
        problem(column, "", "required", `Kolom ${column} wajib diisi.`, `Column ${column} is required.`),
      );
    }
  }

  let nik = "";
  const nikRaw = cellOf(row, "nik");
  if (nikRaw !== "") {
    const parsed = parseNik(nikRaw, { today: context.today });
    if (parsed.ok) nik = parsed.nik;
    else problems.push(...fromReasons("nik", nikRaw, parsed.reasons));
  }
  let kkNumber = "";
  const kkRaw = cellOf(row, "no_kk");
  if (kkRaw !== "") {
    const parsed = parseKkNumber(kkRaw);
    if (parsed.ok) kkNumber = parsed.kkNumber;
    else problems.push(...fromReasons("no_kk", kkRaw, parsed.reasons));
  }
  const name = collapseSpaces(cellOf(row, "nama"));
  if (name.length > 200) {
    problems.push(
      problem(
        "nama",
        `${name.slice(0, 40)}…`,
        "name_too_long",
        "Nama paling panjang 200 karakter.",
        "A name may have at most 200 characters.",
      ),
    );
  }
  let sex: "L" | "P" = "L";
  const sexRaw = cellOf(row, "jenis_kelamin");
  if (sexRaw !== "") {
    const parsed = parseSex(sexRaw);
    if (parsed) sex = parsed;
    else
      problems.push(
        problem(
          "jenis_kelamin",
          sexRaw,
          "sex_invalid",
          `Jenis kelamin harus L (laki-laki) atau P (perempuan), diterima "${sexRaw}".`,
          `Sex must be L (male) or P (female), got "${sexRaw}".`,
        ),
      );
  }
  let birthDate = "";
  const dateRaw = cellOf(row, "tanggal_lahir");
  if (dateRaw !== "") {
    const parsed = parseFlexibleDate(dateRaw);
    if (parsed === null) {
      problems.push(
        problem(
          "tanggal_lahir",
          dateRaw,
          "date_invalid",
          `Tanggal lahir "${dateRaw}" tidak valid: gunakan TTTT-BB-HH, HH-BB-TTTT atau HH/BB/TTTT dengan tanggal yang ada di kalender.`,
          `Birth date "${dateRaw}" is not valid: use YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY with a real calendar date.`,
        ),
      );
    } else if (parsed > todayIso(context.today)) {
      problems.push(
        problem(
          "tanggal_lahir",
          dateRaw,
          "date_in_future",
          `Tanggal lahir ${parsed} ada di masa depan.`,
          `Birth date ${parsed} is in the future.`,
        ),
      );
    } else birthDate = parsed;
  }
  let relation: Relation = "lainnya";
  const relationRaw = cellOf(row, "hubungan_keluarga");
  if (relationRaw !== "") {
    const parsed = parseEnumValue(RELATIONS, relationRaw);
    if (parsed) relation = parsed;
    else problems.push(enumProblem("hubungan_keluarga", relationRaw, RELATIONS.codes));
  }
  let regionCode = "";
  const regionRaw = cellOf(row, "kode_kelurahan");
  if (regionRaw !== "") {
    const code = TEN_DIGITS.test(regionRaw) ? regionRaw : regionRaw.replace(/[.\s]/g, "");
    if (!TEN_DIGITS.test(code)) {
      problems.push(
        problem(
          "kode_kelurahan",
          regionRaw,
          "kelurahan_code_invalid",
          `Kode kelurahan harus 10 digit (boleh bertitik, mis. 31.71.01.1001), diterima "${regionRaw}".`,
          `A kelurahan code has 10 digits (dots allowed, e.g. 31.71.01.1001), got "${regionRaw}".`,
        ),
      );
    } else if (!context.knownKelurahan(code)) {
      problems.push(
        problem(
          "kode_kelurahan",
          regionRaw,
          "kelurahan_unknown",
          `Kode kelurahan ${regionRaw} tidak dikenal dalam daftar wilayah.`,
          `Kelurahan code ${regionRaw} is not in the region list.`,
        ),
      );
    } else regionCode = code;
  }
  const rwRaw = cellOf(row, "rw");
  const rw = rwRaw === "" ? "" : neighbourhood(rwRaw, "rw", problems);
  const rtRaw = cellOf(row, "rt");
  const rt = rtRaw === "" ? "" : neighbourhood(rtRaw, "rt", problems);
  const address = collapseSpaces(cellOf(row, "alamat"));

  let monthlyIncome: number | null = null;
  const incomeRaw = cellOf(row, "penghasilan");
  if (incomeRaw !== "") {
    const digits = INCOME_DIGITS.test(incomeRaw)
      ? incomeRaw
      : incomeRaw.replace(/^rp\.?\s*/i, "").replace(/[.,\s]/g, "");
    if (!INCOME_DIGITS.test(digits)) {
      problems.push(
        problem(
          "penghasilan",
          incomeRaw,
          "income_invalid",
          `Penghasilan harus angka rupiah per bulan (mis. 1500000 atau 1.500.000), diterima "${incomeRaw}".`,
          `Income must be rupiah per month as a number (e.g. 1500000 or 1.500.000), got "${incomeRaw}".`,
        ),
      );
    } else monthlyIncome = Number(digits);
  }
  let phone: string | null = null;
  const phoneRaw = cellOf(row, "no_hp");
  if (phoneRaw !== "" && phoneRaw !== "-") {
    const parsed = normalizePhone(phoneRaw);
    if (parsed.ok) phone = parsed.national;
    else problems.push(...fromReasons("no_hp", phoneRaw, parsed.reasons));
  }
  const ppks: string[] = [];
  const ppksRaw = cellOf(row, "ppks");
  if (ppksRaw !== "") {
    for (const part of ppksRaw.split(";")) {
      const token = part.trim();
      if (token === "") continue;
      const code = /^\d{1,2}$/.test(token) ? token.padStart(2, "0") : token;
      if (!context.knownPpks(code)) {
        problems.push(
          problem(
            "ppks",
            token,
            "ppks_unknown",
            `Kode PPKS "${token}" tidak ada dalam katalog (01–26).`,
            `PPKS code "${token}" is not in the catalogue (01–26).`,
          ),
        );
      } else if (!ppks.includes(code)) ppks.push(code);
    }
  }
  const maritalStatus = optionalEnum(row, "status_perkawinan", MARITAL_STATUSES, problems);
  const education = optionalEnum(row, "pendidikan", EDUCATION_LEVELS, problems);
  const occupation = optionalEnum(row, "pekerjaan", OCCUPATIONS, problems);
  const disability = optionalEnum(row, "disabilitas", DISABILITY_TYPES, problems);
  const healthInsurance = optionalEnum(row, "jaminan_kesehatan", HEALTH_INSURANCE, problems);
  const latitude = coordinate(row, "latitude", 90, problems);
  const longitude = coordinate(row, "longitude", 180, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kkNumber,
      nik,
      name,
      sex,
      birthDate,
      relation,
      regionCode,
      rw,
      rt,
      address,
      birthPlace: textOrNull(cellOf(row, "tempat_lahir")),
      maritalStatus,
      education,
      occupation,
      monthlyIncome,
      disability,
      chronicIllness: textOrNull(cellOf(row, "penyakit_kronis")),
      healthInsurance,
      phone,
      ppks,
      latitude,
      longitude,
    },
  };
}

/** The problem reported for the second and later rows carrying the same NIK in one file. */
export function repeatedNikProblem(nik: string, firstRow: number): CellProblem {
  return problem(
    "nik",
    nik,
    "nik_repeated",
    `NIK ${nik} sudah muncul di baris ${firstRow} berkas ini.`,
    `NIK ${nik} already appears in row ${firstRow} of this file.`,
  );
}

/** The problem reported when rows with one KK number give different addresses. */
export function householdConflictProblem(kkNumber: string, firstRow: number): CellProblem {
  return problem(
    "no_kk",
    kkNumber,
    "household_conflict",
    `Keluarga dengan nomor KK ${kkNumber} punya alamat (kelurahan, RW, RT, alamat) berbeda dari baris ${firstRow}.`,
    `The household with KK number ${kkNumber} has a different address (kelurahan, RW, RT, street) than in row ${firstRow}.`,
  );
}

/** Key of a household's address, compared between rows that share a KK number. */
export function householdKey(v: Pick<PersonRowValue, "regionCode" | "rw" | "rt" | "address">): string {
  return `${v.regionCode}|${v.rw}|${v.rt}|${v.address.toLowerCase()}`;
}
