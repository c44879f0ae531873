import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Can } from "../auth/can.tsx";

/** "Dasbor" for every role that reads aggregates, "Kinerja" for workers and the Suku Dinas. */
export function DashboardsNavLinks() {
  const { t } = useTranslation();
  return (
    <>
      <Can permission="aggregates:read">
        <NavLink to="/dasbor">{t("dashboards.nav")}</NavLink>
      </Can>
      <Can permission="kinerja:read">
        <NavLink to="/kinerja">{t("dashboards.kinerjaNav")}</NavLink>
      </Can>
    </>
  );
}
