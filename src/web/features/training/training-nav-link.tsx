import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAuth } from "../auth/auth-context.tsx";
import { showsTrainingNav } from "./training-visibility.ts";

/**
 * The "Pelatihan" navigation item: the overview for those who run or read trainings (pelatih,
 * sudin, pimpinan), "my trainings" for TKSK and PSM.
 */
export function TrainingNavLink() {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (!session || !showsTrainingNav(session.user.role)) return null;
  return <NavLink to="/pelatihan">{t("nav.training")}</NavLink>;
}
