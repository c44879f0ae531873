import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import type { SessionInfo } from "../../../core/api/auth.schema.ts";
import { api } from "../../api/api.ts";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "./auth-context.tsx";
import { authErrorMessage } from "./auth-errors.ts";
import { safeNext } from "./login-path.ts";

/** /masuk — username and password; afterwards the page the user wanted, else home. */
export function LoginPage() {
  const { t, language } = useLanguage();
  const { loading, session, setSession } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (loading) return <LoadingState />;
  if (session && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const info = await api.send<SessionInfo>("POST", "/auth/login", { username, password });
      setSession(info);
      await navigate(next, { replace: true });
    } catch (failure) {
      setError(failure);
      setPassword("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page login-page">
      <title>{`${t("auth.loginTitle")} · ${t("app.name")}`}</title>
      <form className="card form-card" onSubmit={(event) => void submit(event)}>
        <h1>{t("auth.loginTitle")}</h1>
        <p className="lead">{t("auth.loginIntro")}</p>
        {error !== null && (
          <p className="notice notice-error" role="alert">
            {authErrorMessage(error, t, language)}
          </p>
        )}
        <label className="field">
          <span>{t("auth.username")}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("auth.password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button button-block" disabled={busy}>
          {busy ? t("auth.loggingIn") : t("auth.login")}
        </button>
      </form>
    </section>
  );
}
