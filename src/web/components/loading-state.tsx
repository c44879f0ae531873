import { useTranslation } from "react-i18next";

/** A polite "loading" line for a page or section whose data is on its way. */
export function LoadingState() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t("common.loading")}
    </p>
  );
}
