import { type ErrorCode, errorMessage, errorStatus } from "./error-codes.ts";
import type { Bilingual, Language } from "./language.ts";

/** One problem with one field or cell, reported in both languages. */
export interface FieldProblem {
  /** Dotted path of the field (`body.nik`), or a file location (`baris 12, kolom nik`). */
  field: string;
  /** Stable code of the problem (`nik_invalid_month`, `too_small`, …). */
  code: string;
  message: Bilingual;
  /** The offending value, where showing it helps (never for secrets). */
  value?: string;
}

/**
 * A failure the caller can act on. It carries a stable code from the catalogue; the HTTP layer
 * maps it to problem+json and the CLI prints its message. Services throw these, never framework
 * errors.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly problems: FieldProblem[] = [],
  ) {
    super(errorMessage(code, "en", params));
    this.name = "AppError";
    this.status = errorStatus(code);
  }

  /** The message in a language. */
  messageIn(lang: Language): string {
    return errorMessage(this.code, lang, this.params);
  }
}

/** Shorthand for a 404 about a kind of record (`what` is bilingual: "Rumah tangga" / "Household"). */
export function notFound(what: Bilingual): AppError {
  return new AppError("not_found", { what: what.id, whatEn: what.en });
}
