import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { Can } from "../auth/can.tsx";

/** "Keluarga" in the main navigation, for roles that may read households. */
export function RegistryNavLink() {
  const { t } = useTranslation();
  return (
    <Can permission="households:read">
      <NavLink to="/keluarga" end={false}>
        {t("registry.nav.households")}
      </NavLink>
    </Can>
  );
}
