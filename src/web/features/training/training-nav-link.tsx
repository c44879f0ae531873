import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useAuth } from "../auth/auth-context.tsx";
import { canSeeTrainingOverview } from "./training-visibility.ts";

/**
 * The "Pelatihan" navigation item, for those who run or read trainings (pelatih, sudin,
 * pimpinan). Participants reach their own trainings from the check-in QR code and /pelatihan.
 */
export function TrainingNavLink() {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (!session || !canSeeTrainingOverview(session.user.role)) return null;
  return <NavLink to="/pelatihan">{t("nav.training")}</NavLink>;
}
