import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

interface ErrorMessageProps {
  error: unknown;
  /** Offered as a "try again" button when given and retrying can help. */
  onRetry?: () => void;
}

/**
 * Shows why data could not be loaded: the API's own `detail` (already in the interface language)
 * when there is one, otherwise a message of ours for network or unexpected failures.
 */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  let message: string;
  if (error instanceof ApiError && error.detail) message = error.detail;
  else if (error instanceof ApiError && error.status === 0) message = t("errors.network");
  else if (error instanceof ApiError) message = t("errors.unexpected", { status: error.status });
  else message = t("errors.network");
  const canRetry = onRetry && !(error instanceof ApiError && error.isClientError);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t("errors.title")}</p>
      <p>{message}</p>
      {error instanceof ApiError && error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={`${e.field}:${e.code}`}>{e.message}</li>
          ))}
        </ul>
      )}
      {canRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
