/**
 * /petugas/:id — one worker's profile: role, region and phone (the detail view shows the whole
 * number; the server records the view), the trainings attended with their pre/post scores and
 * normalised gain, the competencies gained and the certificates with their public check page.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useWorker, useWorkerTraining, type WorkerTraining } from "./workers.queries.ts";

type Training = WorkerTraining["trainings"][number];

const score = (value: number | null, language: string) =>
  value === null ? "—" : value.toLocaleString(language, { maximumFractionDigits: 1 });

/** The normalised gain, or "tidak terdefinisi" with the reason (pre-test 100, or a test missing). */
export function gainText(training: Pick<Training, "gain" | "gainStatus">, t: TFunction, language: string) {
  if (training.gainStatus === "pre_perfect") return t("workers.profile.gainPrePerfect");
  if (training.gainStatus === "missing") return t("workers.profile.gainMissing");
  if (training.gain === null) return t("workers.profile.gainUndefined");
  return training.gain.toLocaleString(language, { maximumFractionDigits: 2 });
}

export function WorkerPage() {
  const { id = "" } = useParams();
  const { t, language } = useLanguage();
  const { session } = useAuth();
  const worker = useWorker(id);
  if (worker.isPending) return <LoadingState />;
  if (worker.isError) return <ErrorMessage error={worker.error} onRetry={() => void worker.refetch()} />;
  const w = worker.data;
  return (
    <section className="page worker-page">
      <title>{`${w.name} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="muted">
          <Link to="/petugas">{t("workers.list.title")}</Link>
        </p>
        <h1>{w.name}</h1>
      </header>
      <section className="card card-body">
        <dl className="worker-facts">
          <dt>{t("workers.profile.role")}</dt>
          <dd>{t(`workers.role.${w.role}`)}</dd>
          <dt>{t("workers.profile.region")}</dt>
          <dd>
            <span className="worker-code">{formatRegionCode(w.regionCode)}</span> {w.regionName ?? ""}
          </dd>
          <dt>{t("workers.profile.phone")}</dt>
          <dd>{w.phone ?? t("workers.profile.noPhone")}</dd>
          <dt>{t("workers.profile.status")}</dt>
          <dd>{w.active ? t("workers.profile.active") : t("workers.profile.inactive")}</dd>
        </dl>
        {session?.user.workerId === w.id && (
          <p>
            <Link to="/kinerja">{t("workers.profile.kinerja")}</Link>
          </p>
        )}
      </section>
      <WorkerTrainingSection id={w.id} language={language} />
    </section>
  );
}

function WorkerTrainingSection({ id, language }: { id: string; language: "id" | "en" }) {
  const { t } = useTranslation();
  const query = useWorkerTraining(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { trainings, competencies } = query.data;
  return (
    <>
      <section className="card" aria-labelledby="worker-trainings">
        <h2 id="worker-trainings" className="card-title">
          {t("workers.profile.trainings")}
        </h2>
        {trainings.length === 0 ? (
          <p className="muted">{t("workers.profile.noTrainings")}</p>
        ) : (
          <ul className="item-list worker-trainings">
            {trainings.map((tr) => (
              <li key={tr.cohortId} className="item worker-training">
                <h3>
                  {tr.programmeName} · {tr.cohortName}
                </h3>
                <dl className="worker-facts">
                  <dt>{t("workers.profile.dates")}</dt>
                  <dd>
                    {formatDate(tr.startsOn, language)} – {formatDate(tr.endsOn, language)}
                  </dd>
                  <dt>{t("workers.profile.attendance")}</dt>
                  <dd>
                    {tr.attendanceRate.toLocaleString(language, {
                      style: "percent",
                      maximumFractionDigits: 1,
                    })}
                  </dd>
                  <dt>{t("workers.profile.preScore")}</dt>
                  <dd>{score(tr.preScore, language)}</dd>
                  <dt>{t("workers.profile.postScore")}</dt>
                  <dd>{score(tr.postScore, language)}</dd>
                  <dt>{t("workers.profile.gain")}</dt>
                  <dd>{gainText(tr, t, language)}</dd>
                  <dt>{t("workers.profile.status")}</dt>
                  <dd>{tr.completed ? t("workers.profile.completed") : t("workers.profile.notCompleted")}</dd>
                  <dt>{t("workers.profile.certificate")}</dt>
                  <dd>
                    {tr.certificate ? (
                      <>
                        <a
                          href={`/verifikasi/${encodeURIComponent(tr.certificate.code)}`}
                          aria-label={t("workers.profile.verify", { number: tr.certificate.number })}
                        >
                          {tr.certificate.number}
                        </a>
                        {tr.certificate.revoked && (
                          <span className="tag tag-danger"> {t("workers.profile.revoked")}</span>
                        )}
                      </>
                    ) : (
                      t("workers.profile.noCertificate")
                    )}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="worker-competencies">
        <h2 id="worker-competencies" className="card-title">
          {t("workers.profile.competencies")}
        </h2>
        {competencies.length === 0 ? (
          <p className="muted">{t("workers.profile.noCompetencies")}</p>
        ) : (
          <ul className="worker-competencies">
            {competencies.map((c) => (
              <li key={c.code}>
                <span className="worker-code">{c.code}</span> {c.name}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
