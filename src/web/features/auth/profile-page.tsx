import { type FormEvent, useState } from "react";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { api } from "../../api/api.ts";
import { FormError } from "../../components/field-errors.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "./auth-context.tsx";
import { authErrorMessage } from "./auth-errors.ts";
import { TokenSection } from "./token-section.tsx";
import { useRoleLabel } from "./user-menu.tsx";

/** /profil — my account: details, password, API tokens. */
export function ProfilePage() {
  const { t, language } = useLanguage();
  const roleLabel = useRoleLabel();
  const { session } = useAuth();
  if (!session) return null;
  const { user } = session;
  return (
    <section className="page">
      <title>{`${t("profile.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("profile.title")}</h1>
      </header>
      <section className="card card-body" aria-labelledby="profile-details">
        <h2 id="profile-details" className="section-title">
          {user.displayName}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("auth.username")}</dt>
            <dd className="code">{user.username}</dd>
          </div>
          <div>
            <dt>{t("users.role")}</dt>
            <dd>{roleLabel(user.role)}</dd>
          </div>
          <div>
            <dt>{t("users.region")}</dt>
            <dd>
              {user.regionCode ? (
                <>
                  <span className="code">{formatRegionCode(user.regionCode)}</span> {user.regionName ?? ""}
                </>
              ) : (
                t("users.noRegion")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("profile.lastLogin")}</dt>
            <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : "—"}</dd>
          </div>
          {session.sessionExpiresAt && (
            <div>
              <dt>{t("profile.sessionEnds")}</dt>
              <dd>{formatDateTime(session.sessionExpiresAt, language)}</dd>
            </div>
          )}
        </dl>
      </section>
      <PasswordSection />
      <TokenSection />
    </section>
  );
}

function PasswordSection() {
  const { t, language } = useLanguage();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setError(null);
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    setBusy(true);
    try {
      await api.send("POST", "/auth/password", { currentPassword, newPassword });
      setDone(true);
      setCurrent("");
      setNew("");
      setRepeat("");
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card card-body form-grid"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="pw-title"
    >
      <h2 id="pw-title" className="section-title">
        {t("profile.changePassword")}
      </h2>
      <p className="hint">{t("profile.passwordHint")}</p>
      {done && (
        <p className="notice notice-success" role="status">
          {t("profile.passwordChanged")}
        </p>
      )}
      {mismatch && (
        <p className="notice notice-error" role="alert">
          {t("profile.passwordMismatch")}
        </p>
      )}
      <FormError error={error} message={error ? authErrorMessage(error, t, language) : undefined} />
      <label className="field">
        <span>{t("profile.currentPassword")}</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t("profile.newPassword")}</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t("profile.repeatPassword")}</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t("profile.savePassword")}
        </button>
      </div>
    </form>
  );
}
