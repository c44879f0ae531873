import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ATTENDANCE_STATUSES } from "../../../core/training/attendance.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useCheckInCode, useMarkAttendance, useRoster } from "./training.queries.ts";

/**
 * /pelatihan/sesi/:id — the trainer's roster on a phone: one tap per participant and status, or
 * everyone unmarked as hadir at once; and the QR code participants scan to check themselves in.
 */
export function AttendancePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const roster = useRoster(id);
  const mark = useMarkAttendance(id);
  const [showCode, setShowCode] = useState(false);
  const code = useCheckInCode(id, showCode);
  if (roster.isPending) return <LoadingState />;
  if (roster.isError) return <ErrorMessage error={roster.error} onRetry={() => void roster.refetch()} />;
  const { session, entries } = roster.data;
  const unmarked = entries.filter((e) => e.status === null);
  return (
    <section className="page">
      <title>{`${session.title} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">{t("training.attendance")}</p>
        <h1>{session.title}</h1>
        <p className="lead">
          {session.date} {session.startTime}–{session.endTime} WIB · {session.venue}
        </p>
      </header>
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => setShowCode(!showCode)}>
          {showCode ? t("training.hideQr") : t("training.showQr")}
        </button>
        <button
          type="button"
          className="button"
          disabled={unmarked.length === 0 || mark.isPending}
          onClick={() =>
            mark.mutate(unmarked.map((e) => ({ enrolmentId: e.enrolmentId, status: "hadir" as const })))
          }
        >
          {t("training.markAllPresent", { count: unmarked.length })}
        </button>
      </p>
      {showCode && code.data && (
        <figure className="card card-body training-qr">
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.data.qrSvg)}`}
            alt={t("training.qrAlt")}
            width={280}
            height={280}
          />
          <figcaption className="hint">
            {t("training.qrWindow", { opens: code.data.opensAt, closes: code.data.closesAt })}
          </figcaption>
        </figure>
      )}
      {mark.isError && <ErrorMessage error={mark.error} />}
      <ul className="item-list card">
        {entries.map((e) => (
          <li key={e.enrolmentId} className="item training-roster-row">
            <div className="item-main">
              <p className="item-title">{e.name}</p>
              <p className="item-meta">
                {e.role.toUpperCase()}
                {e.method === "qr" ? ` · ${t("training.viaQr")}` : ""}
              </p>
            </div>
            <fieldset className="training-status">
              <legend className="visually-hidden">{t("training.statusOf", { name: e.name })}</legend>
              {ATTENDANCE_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  aria-pressed={e.status === status}
                  disabled={mark.isPending}
                  onClick={() => mark.mutate([{ enrolmentId: e.enrolmentId, status }])}
                >
                  {t(`training.status.${status}`)}
                </button>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
