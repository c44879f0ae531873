import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { type Permission, roleHas } from "../../../core/access/permissions.ts";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAuth } from "./auth-context.tsx";
import { loginPath } from "./login-path.ts";

/**
 * A page for logged-in users only: without a session it opens the login page (which returns
 * here afterwards); without the permission it says so instead of showing the page.
 */
export function RequireAuth({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { loading, session } = useAuth();
  const location = useLocation();
  if (loading) return <LoadingState />;
  if (!session) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  if (permission && !roleHas(session.user.role, permission))
    return (
      <section className="page">
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t("auth.forbiddenTitle")}</p>
          <p>{t("auth.forbidden")}</p>
        </div>
      </section>
    );
  return children;
}
