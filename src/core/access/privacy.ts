/**
 * Privacy by default for presenters: lists show identity numbers and phone numbers masked; only a
 * detail view (which is audited as a view) shows them whole. Pure helpers shared by server and web.
 */
import { maskNik } from "../identity/nik.ts";

/** How a record is being shown: in a list (masked) or on its own page (whole, and audited). */
export type Disclosure = "list" | "detail";

const BULLET = "•";

/** A NIK as a presenter shows it: masked in lists, whole on a detail view. */
export function presentNik(nik: string | null, disclosure: Disclosure): string | null {
  if (nik === null) return null;
  return disclosure === "detail" ? nik : maskNik(nik);
}

/**
 * A KK number as a presenter shows it. A KK is 16 digits with the same region prefix and an issue
 * date in the middle, so it is masked like a NIK: `3171••••••••0042`.
 */
export function presentKk(kk: string | null, disclosure: Disclosure): string | null {
  if (kk === null) return null;
  return disclosure === "detail" ? kk : maskNik(kk);
}

/** A phone number masked for lists: the prefix and the last 3 digits stay (`0812•••••789`). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  if (digits.length < 8) return BULLET.repeat(Math.max(digits.length, 6));
  return `${digits.slice(0, 4)}${BULLET.repeat(digits.length - 7)}${digits.slice(-3)}`;
}

/** A phone number as a presenter shows it: masked in lists, whole on a detail view. */
export function presentPhone(phone: string | null, disclosure: Disclosure): string | null {
  if (phone === null) return null;
  return disclosure === "detail" ? phone : maskPhone(phone);
}
