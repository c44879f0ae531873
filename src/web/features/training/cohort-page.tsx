import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAuth } from "../auth/auth-context.tsx";
import { CohortManage } from "./cohort-manage.tsx";
import { CohortCorrections, SessionCorrections, WithdrawButton, WithdrawnList } from "./corrections.tsx";
import { type CohortReport, useCohort, useCohortReport, useIssueCertificates } from "./training.queries.ts";
import { formatGain, formatRate, formatScore } from "./training-format.ts";
import { canManageTraining } from "./training-visibility.ts";

/** /pelatihan/angkatan/:id — the cohort report on one page; for trainers also sessions, tests and the roster. */
export function CohortPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const report = useCohortReport(id);
  const { session } = useAuth();
  const canManage = canManageTraining(session?.user.role);
  const detail = useCohort(id, canManage);
  const issue = useIssueCertificates(id);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const lang = i18n.language;
  return (
    <section className="page">
      <title>{`${r.cohort.name} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">{r.cohort.programmeName}</p>
        <h1>{r.cohort.name}</h1>
        <p className="lead">
          {r.cohort.startsOn} – {r.cohort.endsOn} · {r.cohort.venue}
        </p>
      </header>
      <div className="stats">
        <Stat label={t("training.report.participants")} value={String(r.participants.total)}>
          {t("training.report.byRole", {
            tksk: r.participants.byRole.tksk ?? 0,
            psm: r.participants.byRole.psm ?? 0,
          })}
        </Stat>
        <Stat label={t("training.report.attendance")} value={formatRate(r.attendanceRate, lang)} />
        <Stat label={t("training.report.preMean")} value={formatScore(r.preMean, lang)}>
          {t("training.report.taken", { count: r.preTaken })}
        </Stat>
        <Stat label={t("training.report.postMean")} value={formatScore(r.postMean, lang)}>
          {t("training.report.taken", { count: r.postTaken })}
        </Stat>
        <Stat label={t("training.report.gainMean")} value={formatGain(r.gainMean, undefined, t, lang)}>
          {t("training.report.gainNote", {
            counted: r.gainCounted,
            perfect: r.gainUndefined.prePerfect,
            missing: r.gainUndefined.missing,
          })}
        </Stat>
        <Stat label={t("training.report.completed")} value={`${r.completed}`}>
          {formatRate(r.completionRate, lang)}
        </Stat>
      </div>
      <p className="actions">
        <a className="button button-secondary" href={`/api/v1/training/cohorts/${id}/report.pdf`}>
          {t("training.report.pdf")}
        </a>
        {canManage && (
          <>
            <a className="button button-secondary" href={`/api/v1/training/cohorts/${id}/report.xlsx`}>
              {t("training.report.xlsx")}
            </a>
            <button
              type="button"
              className="button"
              disabled={issue.isPending}
              onClick={() => issue.mutate()}
            >
              {t("training.issueCertificates")}
            </button>
            <a className="button button-secondary" href={`/api/v1/training/cohorts/${id}/certificates.zip`}>
              {t("training.certificatesZip")}
            </a>
          </>
        )}
      </p>
      {issue.data && (
        <p className="notice notice-success" role="status">
          {t("training.issued", issue.data)}
        </p>
      )}
      {issue.isError && <ErrorMessage error={issue.error} />}
      <Distribution report={r} />
      <GainTable title={t("training.report.byModule")} groups={r.gainByModule} />
      <GainTable title={t("training.report.byCompetency")} groups={r.gainByCompetency} />
      <section className="card card-body">
        <h2 className="section-title">
          {t("training.report.evaluation", { count: r.evaluation.responses })}
        </h2>
        <dl className="facts">
          {(["content", "trainer", "venue", "usefulness"] as const).map((k) => (
            <div key={k}>
              <dt>{t(`training.evaluation.${k}`)}</dt>
              <dd>{formatScore(r.evaluation.means[k], lang)} / 5</dd>
            </div>
          ))}
        </dl>
        {r.evaluation.comments.length > 0 && (
          <ul>
            {r.evaluation.comments.map((c, i) => (
              // Comments are anonymous and may repeat: the position is the only stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>{c}</li>
            ))}
          </ul>
        )}
      </section>
      {detail.data && canManage && (
        <>
          <CohortCorrections cohort={detail.data} />
          <CohortManage cohort={detail.data} />
          <section className="card card-body">
            <h2 className="section-title">{t("training.sessions")}</h2>
            <ul className="item-list">
              {detail.data.sessions.map((s) => (
                <li key={s.id} className="item">
                  <div className="item-main">
                    <Link className="item-title" to={`/pelatihan/sesi/${s.id}`}>
                      {s.title}
                    </Link>
                    <p className="item-meta">
                      {s.date} {s.startTime}–{s.endTime} WIB · {s.trainer} · {s.venue}
                    </p>
                    <SessionCorrections cohort={detail.data} session={s} />
                  </div>
                  {s.cancelledAt ? (
                    <span className="tag">{t("training.fix.cancelled")}</span>
                  ) : (
                    <span className="tag">
                      {formatRate(
                        r.attendanceBySession.find((b) => b.sessionId === s.id)?.rate ?? null,
                        lang,
                      )}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            <ul className="item-list">
              {detail.data.tests.map((test) => (
                <li key={test.id} className="item">
                  <Link className="item-title" to={`/pelatihan/tes/${test.id}/analisis`}>
                    {t("training.itemAnalysisOf", { test: t(`training.test.${test.kind}`) })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section className="card">
            <table className="region-table">
              <caption className="visually-hidden">{t("training.roster")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.name")}</th>
                  <th scope="col">{t("training.role")}</th>
                  <th scope="col">{t("training.report.attendance")}</th>
                  <th scope="col">{t("training.test.pre")}</th>
                  <th scope="col">{t("training.test.post")}</th>
                  <th scope="col">g</th>
                  <th scope="col">{t("training.report.completed")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("training.fix.withdraw")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.data.roster.map((p) => (
                  <tr key={p.enrolmentId}>
                    <td>
                      {p.name}
                      <br />
                      <span className="muted">{p.regionName}</span>
                    </td>
                    <td>{p.role.toUpperCase()}</td>
                    <td>{formatRate(p.attendanceRate, lang)}</td>
                    <td>{formatScore(p.preScore, lang)}</td>
                    <td>{formatScore(p.postScore, lang)}</td>
                    <td>{formatGain(p.gain, p.gainStatus, t, lang)}</td>
                    <td>{p.completed ? t("training.yes") : t("training.no")}</td>
                    <td>
                      {!p.certificateId && <WithdrawButton enrolmentId={p.enrolmentId} name={p.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <WithdrawnList cohort={detail.data} />
        </>
      )}
    </section>
  );
}

function Stat({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="stat">
      <p className="muted">{label}</p>
      <p className="count">{value}</p>
      {children && <p className="hint">{children}</p>}
    </div>
  );
}

function Distribution({ report }: { report: CohortReport }) {
  const { t } = useTranslation();
  const max = Math.max(
    1,
    ...report.preDistribution.map((b) => b.count),
    ...report.postDistribution.map((b) => b.count),
  );
  return (
    <section className="card card-body">
      <h2 className="section-title">{t("training.report.distribution")}</h2>
      <table className="training-bars">
        <thead>
          <tr>
            <th scope="col">{t("training.report.band")}</th>
            <th scope="col">{t("training.test.pre")}</th>
            <th scope="col">{t("training.test.post")}</th>
          </tr>
        </thead>
        <tbody>
          {report.preDistribution.map((band, i) => {
            const post = report.postDistribution[i]?.count ?? 0;
            return (
              <tr key={band.from}>
                <th scope="row">
                  {band.from}–{band.to === 100 ? 100 : band.to - 1}
                </th>
                <td>
                  <span className="bar bar-pre" style={{ width: `${(band.count / max) * 100}%` }} />{" "}
                  {band.count}
                </td>
                <td>
                  <span className="bar bar-post" style={{ width: `${(post / max) * 100}%` }} /> {post}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function GainTable({ title, groups }: { title: string; groups: CohortReport["gainByModule"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card card-body">
      <h2 className="section-title">{title}</h2>
      <table className="region-table">
        <thead>
          <tr>
            <th scope="col">{t("training.name")}</th>
            <th scope="col">{t("training.test.pre")}</th>
            <th scope="col">{t("training.test.post")}</th>
            <th scope="col">⟨g⟩</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.code}>
              <td>
                {g.code} {g.name}
              </td>
              <td>{formatScore(g.preMean, i18n.language)}</td>
              <td>{formatScore(g.postMean, i18n.language)}</td>
              <td>{formatGain(g.gain, undefined, t, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
