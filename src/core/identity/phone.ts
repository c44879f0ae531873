/**
 * Indonesian telephone numbers, as typed on forms and found in spreadsheets: 0812-3456-789,
 * +62 812 3456 789, 62812…, 0062 812…, (021) 3456789. Stored in E.164 (+628123456789) so that
 * two spellings of one number compare equal; shown in the national form people dial (0812…).
 */
import { type Checked, type Reason, reason } from "./reason.ts";

/** Mobile (08x) or fixed line (0 + area code 2x–9x, e.g. 021 for Jakarta). */
export type PhoneKind = "mobile" | "landline";

/** A valid phone number in its two written forms. */
export interface PhoneNumber {
  /** `+62` followed by the number without its leading 0. */
  e164: string;
  /** The number as dialled inside Indonesia, starting with 0. */
  national: string;
  kind: PhoneKind;
}

export type PhoneResult = Checked<PhoneNumber>;

/** Grouping people type: spaces, hyphens or dashes, dots and parentheses around area codes. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212()]/g;
/** Digits only, optionally after a leading +. */
const PLAIN = /^\+?\d*$/;

/** National lengths including the leading 0 (mobile 0812-345-678 … 0812-3456-78901). */
const LENGTHS: Record<PhoneKind, { min: number; max: number; id: string; en: string }> = {
  mobile: { min: 10, max: 13, id: "Nomor seluler", en: "A mobile number" },
  landline: { min: 9, max: 12, id: "Nomor telepon rumah/kantor", en: "A landline number" },
};

/**
 * Validates an Indonesian phone number and returns it in E.164 and national form.
 * Also accepts a mobile number typed without its 0 (812…), as happens when a form shows a fixed
 * "+62" in front of the field; "+62 (0)812…" is accepted too.
 */
export function normalizePhone(input: string): PhoneResult {
  const compact = input.replace(SEPARATORS, "");
  if (compact.length === 0) {
    return reject(reason("phone_empty", "Nomor telepon wajib diisi.", "A phone number is required."));
  }

  const foreign = PLAIN.test(compact)
    ? []
    : [...new Set(Array.from(compact.replace(/^\+/, "")).filter((c) => !/^[0-9]$/.test(c)))];
  if (foreign.length > 0) {
    const shown = foreign
      .slice(0, 5)
      .map((c) => `"${c}"`)
      .join(", ");
    return reject(
      reason(
        "phone_not_digits",
        `Nomor telepon hanya boleh berisi angka (boleh diawali +); ditemukan: ${shown}.`,
        `A phone number may contain digits only (optionally starting with +); found: ${shown}.`,
      ),
    );
  }

  const national = toNational(compact);
  if (typeof national !== "string") return reject(national);
  if (national.length < 3) return reject(lengthReason("phone_too_short", national.length, "mobile"));

  const second = national[1];
  if (second === "8" && national[2] === "0") {
    // 0800 toll-free and 0809 premium-rate numbers reach services, not people.
    return reject(
      reason(
        "phone_invalid_prefix",
        `Nomor berawalan ${national.slice(0, 4)} adalah nomor layanan (bebas pulsa/premium), bukan nomor pribadi.`,
        `Numbers starting with ${national.slice(0, 4)} are service numbers (toll-free/premium), not personal ones.`,
      ),
    );
  }
  if (second === "0" || second === "1") {
    return reject(
      reason(
        "phone_invalid_prefix",
        `Nomor telepon Indonesia diawali 08 (seluler) atau kode wilayah 02–09 (misalnya 021), diterima awalan ${national.slice(0, 2)}.`,
        `Indonesian numbers start with 08 (mobile) or an area code 02–09 (e.g. 021), got prefix ${national.slice(0, 2)}.`,
      ),
    );
  }

  const kind: PhoneKind = second === "8" ? "mobile" : "landline";
  const { min, max } = LENGTHS[kind];
  if (national.length < min) return reject(lengthReason("phone_too_short", national.length, kind));
  if (national.length > max) return reject(lengthReason("phone_too_long", national.length, kind));
  return { ok: true, e164: `+62${national.slice(1)}`, national, kind };
}

/** Reads the country prefix and returns the national form (leading 0), or why it cannot. */
function toNational(compact: string): string | Reason {
  const international = compact.startsWith("+") || compact.startsWith("00");
  if (!international) {
    if (compact.startsWith("0")) return compact;
    if (compact.startsWith("8")) return `0${compact}`;
  }
  const rest = compact.replace(/^(\+|00)/, "");
  if (!rest.startsWith("62")) {
    if (!international) {
      return reason(
        "phone_invalid_prefix",
        `Nomor telepon harus diawali 0, 62 atau +62; nomor ini diawali ${compact.slice(0, 2)}.`,
        `A phone number must start with 0, 62 or +62; this one starts with ${compact.slice(0, 2)}.`,
      );
    }
    return reason(
      "phone_not_indonesian",
      `Hanya nomor Indonesia (+62) yang diterima; nomor ini diawali ${compact.slice(0, 4)}.`,
      `Only Indonesian numbers (+62) are accepted; this one starts with ${compact.slice(0, 4)}.`,
    );
  }
  // "+62 (0)812…": the trunk 0 written after the country code is dropped when dialling.
  const subscriber = rest.slice(2).replace(/^0/, "");
  return `0${subscriber}`;
}

function lengthReason(code: "phone_too_short" | "phone_too_long", got: number, kind: PhoneKind): Reason {
  const { min, max, id, en } = LENGTHS[kind];
  const format = kind === "mobile" ? "08…" : "0 + kode wilayah";
  const formatEn = kind === "mobile" ? "08…" : "0 + area code";
  return reason(
    code,
    `${id} harus ${min}–${max} digit dalam format ${format}, diterima ${got} digit.`,
    `${en} must have ${min}–${max} digits in the form ${formatEn}, got ${got}.`,
  );
}

function reject(why: Reason): PhoneResult {
  return { ok: false, reasons: [why] };
}
