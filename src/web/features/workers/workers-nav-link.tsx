import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Can } from "../auth/can.tsx";

/** The "Petugas" navigation item, for roles that may read the workforce. */
export function WorkersNavLink() {
  const { t } = useTranslation();
  return (
    <Can permission="workers:read">
      <NavLink to="/petugas">{t("workers.nav")}</NavLink>
    </Can>
  );
}
