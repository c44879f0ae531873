import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";

/**
 * /pelatihan/presensi?token=… — where the trainer's QR code leads. The participant confirms and
 * the server checks enrolment and the session's time window. Without a token (opened from the
 * menu), the code under the QR can be typed.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get("token") ?? "");
  const [result, setResult] = useState<{ status: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.send<{ status: string }>("POST", "/training/check-in", { token: token.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="page">
      <title>{`${t("training.checkIn")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("training.checkIn")}</h1>
        <p className="lead">{t("training.checkInIntro")}</p>
      </header>
      {result ? (
        <p className="notice notice-success" role="status">
          {t("training.checkedIn", { status: t(`training.status.${result.status as "hadir"}`) })}{" "}
          <Link to="/pelatihan">{t("training.backToTrainings")}</Link>
        </p>
      ) : (
        <form className="card card-body form-grid" onSubmit={submit}>
          <label className="field">
            <span>{t("training.checkInCode")}</span>
            <input value={token} onChange={(e) => setToken(e.target.value)} required minLength={10} />
          </label>
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="submit" className="button button-block" disabled={busy}>
              {t("training.checkInNow")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
