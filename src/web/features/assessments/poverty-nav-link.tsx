import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Can } from "../auth/can.tsx";

/** "Kemiskinan": the analysis, for every role that reads aggregates (pimpinan too). */
export function PovertyNavLink() {
  const { t } = useTranslation();
  return (
    <Can permission="aggregates:read">
      <NavLink to="/kemiskinan">{t("assessments.nav")}</NavLink>
    </Can>
  );
}
