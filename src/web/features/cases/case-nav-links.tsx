import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Can } from "../auth/can.tsx";

/** "Tugas saya" and "Kasus" in the main navigation, for roles that work cases. */
export function CaseNavLinks() {
  const { t } = useTranslation();
  return (
    <Can permission="persons:read">
      <NavLink to="/tugas">{t("cases.nav.tasks")}</NavLink>
      <NavLink to="/kasus" end={false}>
        {t("cases.nav.cases")}
      </NavLink>
    </Can>
  );
}
