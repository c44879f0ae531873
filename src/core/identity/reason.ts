import type { Bilingual } from "../errors/language.ts";

/**
 * Why an input was rejected (or, as a warning, why it deserves a second look).
 *
 * `code` is stable for programs and tests to match on; `id` and `en` are ready-to-show sentences
 * that name the offending part and value, because field workers fix data from the message alone.
 */
export interface Reason<Code extends string = string> extends Bilingual {
  code: Code;
}

/** A rejected input: at least one reason. */
export interface Rejected {
  ok: false;
  reasons: Reason[];
}

/** Either the accepted value's parts, or the reasons it was rejected. */
export type Checked<T> = ({ ok: true } & T) | Rejected;

/**
 * Like {@link Checked}, with warnings on both branches: a warning never rejects (an unknown
 * kecamatan may be a code from before a region split), but callers still want to show it.
 */
export type CheckedWithWarnings<T> =
  | ({ ok: true; warnings: Reason[] } & T)
  | (Rejected & { warnings: Reason[] });

/** Builds a reason; keeps call sites to one line per language. */
export function reason<Code extends string>(code: Code, id: string, en: string): Reason<Code> {
  return { code, id, en };
}
