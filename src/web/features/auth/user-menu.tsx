import { useState } from "react";
import { Link, useLocation } from "react-router";
import type { Role } from "../../../core/access/permissions.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "./auth-context.tsx";
import { LOGIN_PATH, loginPath } from "./login-path.ts";

/** A role's short name (Admin, Suku Dinas, TKSK, PSM, Pelatih, Pimpinan). */
export function useRoleLabel(): (role: Role) => string {
  const { t } = useLanguage();
  return (role) => t(`roles.${role}`);
}

/** The header's account corner: who is logged in (a link to the profile) and a logout button. */
export function UserMenu() {
  const { t } = useLanguage();
  const roleLabel = useRoleLabel();
  const { loading, session, logout } = useAuth();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  if (loading) return null;
  if (!session) {
    if (location.pathname === LOGIN_PATH) return null;
    return (
      <div className="user-menu">
        <Link className="header-button" to={loginPath(`${location.pathname}${location.search}`)}>
          {t("auth.login")}
        </Link>
      </div>
    );
  }
  async function onLogout() {
    setBusy(true);
    try {
      await logout();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="user-menu">
      <Link className="user-name" to="/profil" title={t("auth.profileLink")}>
        <span className="user-display-name">{session.user.displayName}</span>
        <span className="user-role">{roleLabel(session.user.role)}</span>
      </Link>
      <button type="button" className="header-button" disabled={busy} onClick={() => void onLogout()}>
        {t("auth.logout")}
      </button>
    </div>
  );
}
