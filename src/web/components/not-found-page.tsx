import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** Shown for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section className="page not-found">
      <title>{`${t("errors.notFoundTitle")} · ${t("app.name")}`}</title>
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundBody", { path: pathname })}</p>
      <Link className="button" to="/">
        {t("errors.backHome")}
      </Link>
    </section>
  );
}
