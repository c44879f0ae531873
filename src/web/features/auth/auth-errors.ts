/**
 * Login failures worded by the interface, so that they follow a language switch and show the end
 * of a lock (the problem's `retryAt`) in Jakarta time. Other failures keep the API's own `detail` (already in the language
 * of the request).
 */
import type { TFunction } from "i18next";
import type { Language } from "../../../core/errors/language.ts";
import { ApiError } from "../../api/client.ts";
import { formatDateTime } from "../../i18n/datetime.ts";

/** The message for a failed login or password change. */
export function authErrorMessage(error: unknown, t: TFunction, language: Language): string {
  if (!(error instanceof ApiError)) return t("errors.network");
  const until = error.retryAt;
  switch (error.code) {
    case "invalid_credentials":
      return t("auth.errors.invalidCredentials");
    case "account_disabled":
      return t("auth.errors.disabled");
    case "account_locked":
      return until ? t("auth.errors.locked", { until: formatDateTime(until, language) }) : error.detail;
    case "too_many_attempts":
      return until ? t("auth.errors.throttled", { until: formatDateTime(until, language) }) : error.detail;
    case "network_error":
      return t("errors.network");
    default:
      return error.detail || t("errors.unexpected", { status: error.status });
  }
}
