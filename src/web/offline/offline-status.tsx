/** The header's offline badge: online or not, last sync, and how many changes wait. */
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useOfflineStatus } from "./use-offline.ts";
import "./offline.css";

export function OfflineStatusBadge() {
  const { t } = useTranslation();
  const s = useOfflineStatus();
  return (
    <NavLink
      to="/luring"
      className={`offline-badge ${s.online ? "is-online" : "is-offline"}`}
      data-testid="offline-badge"
    >
      <span>{s.online ? t("offline.status.online") : t("offline.status.offline")}</span>
      {s.pending > 0 ? <span> · {t("offline.status.pending", { count: s.pending })}</span> : null}
    </NavLink>
  );
}
