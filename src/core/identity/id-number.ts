/**
 * Rules shared by the two 16-digit civil-registry numbers, NIK and nomor KK: both start with the
 * Kemendagri kecamatan code where they were issued (PP KK CC) and end with a four-digit serial
 * that starts at 0001. Internal to this folder; the public entry points are nik.ts and kk.ts.
 */
import { formatRegionCode } from "../region/region-code.ts";
import { type Reason, reason } from "./reason.ts";

/** How a number is named in messages, at the start of a sentence and inside one. */
export interface IdNumberKind {
  /** Prefix of reason codes: `nik_length`, `kk_length`, … */
  prefix: "nik" | "kk";
  id: string;
  idInline: string;
  en: string;
}

export const NIK_KIND: IdNumberKind = { prefix: "nik", id: "NIK", idInline: "NIK", en: "NIK" };
export const KK_KIND: IdNumberKind = { prefix: "kk", id: "Nomor KK", idInline: "nomor KK", en: "KK number" };

/** Callback that tells whether a 6-digit kecamatan code is in the caller's region list. */
export type KnownRegion = (code6: string) => boolean;

/**
 * Spaces (including no-break spaces from spreadsheets), dots and hyphens or dashes: the ways
 * people group the digits on paper (31.71.01 120890 0001) or when pasting from documents.
 */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;

const DIGITS = /^\d*$/;
const DIGITS_16 = /^\d{16}$/;

/** Removes the separators people type between digit groups. */
export function stripSeparators(input: string): string {
  return DIGITS.test(input) ? input : input.replace(SEPARATORS, "");
}

/**
 * Empty input, characters other than digits, and wrong length, reported separately so that a
 * typed letter O in place of a zero is not mistaken for a missing digit. An empty list means
 * `cleaned` is exactly 16 ASCII digits.
 */
export function checkShape(cleaned: string, kind: IdNumberKind): Reason[] {
  if (cleaned.length === 0) {
    return [reason(`${kind.prefix}_empty`, `${kind.id} wajib diisi.`, `${kind.en} is required.`)];
  }
  if (DIGITS_16.test(cleaned)) return [];
  const reasons: Reason[] = [];
  const chars = Array.from(cleaned);
  const foreign = [...new Set(chars.filter((c) => !/^[0-9]$/.test(c)))];
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 5)
      .map((c) => `"${c}"`)
      .join(", ");
    const more = foreign.length > 5 ? ", …" : "";
    reasons.push(
      reason(
        `${kind.prefix}_not_digits`,
        `${kind.id} hanya boleh berisi angka; ditemukan huruf atau tanda: ${shown}${more}.`,
        `${kind.en} may contain digits only; found letters or symbols: ${shown}${more}.`,
      ),
    );
  }
  if (chars.length !== 16) {
    // Count characters rather than digits when letters are present: "3171A" is five characters
    // typed, and that is the number the person can check against what they see.
    const unitId = foreign.length > 0 ? "karakter" : "digit";
    const unitEn = foreign.length > 0 ? "characters" : "digits";
    reasons.push(
      reason(
        `${kind.prefix}_length`,
        `${kind.id} harus 16 digit, diterima ${chars.length} ${unitId}.`,
        `${kind.en} must be 16 digits, got ${chars.length} ${unitEn}.`,
      ),
    );
  }
  return reasons;
}

/**
 * The first six digits must look like a kecamatan code: province 11–99 (Indonesian province
 * codes run from 11 Aceh to 9x Papua, so 00–10 cannot occur) and kabupaten/kota and kecamatan
 * parts that are not 00. Whether the kecamatan exists is a separate, non-fatal question.
 */
export function checkRegionPrefix(digits: string, kind: IdNumberKind): Reason[] {
  const reasons: Reason[] = [];
  const province = digits.slice(0, 2);
  const regency = digits.slice(2, 4);
  const district = digits.slice(4, 6);
  if (Number(province) < 11) {
    reasons.push(
      reason(
        `${kind.prefix}_province_invalid`,
        `Kode provinsi pada ${kind.idInline} (digit 1–2) harus 11–99, diterima ${province}.`,
        `The province code in the ${kind.en} (digits 1–2) must be 11–99, got ${province}.`,
      ),
    );
  }
  if (regency === "00") {
    reasons.push(
      reason(
        `${kind.prefix}_regency_invalid`,
        `Kode kabupaten/kota pada ${kind.idInline} (digit 3–4) tidak boleh 00.`,
        `The regency/city code in the ${kind.en} (digits 3–4) must not be 00.`,
      ),
    );
  }
  if (district === "00") {
    reasons.push(
      reason(
        `${kind.prefix}_district_invalid`,
        `Kode kecamatan pada ${kind.idInline} (digit 5–6) tidak boleh 00.`,
        `The kecamatan (district) code in the ${kind.en} (digits 5–6) must not be 00.`,
      ),
    );
  }
  return reasons;
}

/** Serials are issued from 0001, so 0000 is always a typing or migration error. */
export function checkSerial(digits: string, kind: IdNumberKind): Reason[] {
  if (digits.slice(12) !== "0000") return [];
  return [
    reason(
      `${kind.prefix}_serial_zero`,
      `Nomor urut pada ${kind.idInline} (digit 13–16) tidak boleh 0000.`,
      `The serial number in the ${kind.en} (digits 13–16) must not be 0000.`,
    ),
  ];
}

/**
 * Warns, never rejects, when the kecamatan is not in the caller's list: NIK and KK keep the code
 * of first registration, which may predate a pemekaran (region split) or be missing from an
 * incomplete list, and only Dukcapil can say whether the number itself is real. A malformed code
 * is not looked up: {@link checkRegionPrefix} already rejected it.
 */
export function regionWarnings(digits: string, kind: IdNumberKind, knownRegion?: KnownRegion): Reason[] {
  const code6 = digits.slice(0, 6);
  if (!knownRegion || checkRegionPrefix(digits, kind).length > 0 || knownRegion(code6)) return [];
  const dotted = formatRegionCode(code6);
  return [
    reason(
      `${kind.prefix}_region_unknown`,
      `Kode kecamatan ${dotted} pada ${kind.idInline} tidak ada dalam daftar wilayah; periksa kembali (kode bisa berasal dari sebelum pemekaran wilayah).`,
      `Kecamatan code ${dotted} in the ${kind.en} is not in the region list; please check it (the code may predate a region split).`,
    ),
  ];
}
