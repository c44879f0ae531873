/** Turns errors into RFC 9457 problem details in the request's language. */
import { z } from "zod";
import type { Problem } from "../../core/api/common.schema.ts";
import type { AppError } from "../../core/errors/app-error.ts";
import { type ErrorCode, errorMessage, errorStatus } from "../../core/errors/error-codes.ts";
import type { Language } from "../../core/errors/language.ts";

const LOCALES = { id: z.locales.id().localeError, en: z.locales.en().localeError };

/** Problem details for an error code. */
export function problemFor(
  code: ErrorCode,
  lang: Language,
  params: Record<string, unknown> = {},
  extra: Partial<Problem> = {},
): Problem {
  const status = errorStatus(code);
  return {
    type: `https://peduli.dev/errors/${code.replace(/_/g, "-")}`,
    title: errorMessage(code, "en", params),
    status,
    code,
    detail: errorMessage(code, lang, params),
    ...extra,
  };
}

/** Errors that last until a known instant (`params.until`), given as `retryAt`. */
const UNTIL: ReadonlySet<ErrorCode> = new Set(["account_locked", "too_many_attempts"]);

/** Problem details for an AppError, with its field problems. */
export function problemFromAppError(error: AppError, lang: Language): Problem {
  const problem = problemFor(error.code, lang, error.params);
  const until = error.params.until;
  if (UNTIL.has(error.code) && typeof until === "string" && Number.isFinite(Date.parse(until))) {
    problem.retryAt = until;
  }
  if (error.problems.length > 0) {
    problem.errors = error.problems.map((p) => ({
      field: p.field,
      code: p.code,
      message: p.message[lang],
      ...(p.value !== undefined ? { value: p.value } : {}),
    }));
  }
  return problem;
}

/** Words one schema issue: our own bilingual text for custom issues, zod's locale otherwise. */
export function issueMessage(issue: z.core.$ZodIssue, lang: Language): string {
  const params = (issue as { params?: { id?: string; en?: string } }).params;
  if (issue.code === "custom" && params?.id && params.en) return params[lang] as string;
  const localized = LOCALES[lang](issue as never);
  if (typeof localized === "string") return localized;
  return localized?.message ?? issue.message;
}

/** Problem details for a request that failed its schema. */
export function problemFromIssues(issues: z.core.$ZodIssue[], context: string, lang: Language): Problem {
  const errors = issues.map((issue) => ({
    field: [context, ...issue.path.map(String)].join("."),
    code: issue.code === "custom" ? issue.message : issue.code,
    message: issueMessage(issue, lang),
  }));
  const fields = [...new Set(errors.map((e) => e.field))].join(", ");
  const problem = problemFor("validation_failed", lang);
  problem.detail = `${problem.detail} ${lang === "id" ? "Periksa" : "Check"}: ${fields}.`;
  problem.errors = errors;
  return problem;
}
