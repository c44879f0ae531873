import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAuth } from "../auth/auth-context.tsx";
import { MyTrainings } from "./my-trainings.tsx";
import { CreateProgrammeForm } from "./programme-manage.tsx";
import { useCohorts, useProgrammes } from "./training.queries.ts";
import { canManageTraining, canSeeTrainingOverview } from "./training-visibility.ts";

/**
 * /pelatihan: training staff and leadership see every programme and cohort; a TKSK or PSM sees
 * their own trainings.
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const overview = session !== null && canSeeTrainingOverview(session.user.role);
  const programmes = useProgrammes(overview);
  const cohorts = useCohorts(overview);
  return (
    <section className="page">
      <title>{`${t("training.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("training.title")}</h1>
        <p className="lead">{t("training.intro")}</p>
      </header>
      <MyTrainings />
      {canManageTraining(session?.user.role) && <CreateProgrammeForm />}
      {overview && (programmes.isPending || cohorts.isPending) && <LoadingState />}
      {cohorts.data && (
        <section className="card card-body" aria-labelledby="cohorts-title">
          <h2 id="cohorts-title" className="section-title">
            {t("training.cohorts")}
          </h2>
          {cohorts.data.items.length === 0 ? (
            <p className="muted">{t("training.noCohorts")}</p>
          ) : (
            <ul className="item-list">
              {cohorts.data.items.map((c) => (
                <li key={c.id} className="item">
                  <div className="item-main">
                    <Link className="item-title" to={`/pelatihan/angkatan/${c.id}`}>
                      {c.name} — {c.programmeName}
                    </Link>
                    <p className="item-meta">
                      {t("training.cohortMeta", {
                        from: c.startsOn,
                        to: c.endsOn,
                        total: c.participants.total,
                        tksk: c.participants.byRole.tksk ?? 0,
                        psm: c.participants.byRole.psm ?? 0,
                        sessions: c.sessionCount,
                      })}
                    </p>
                  </div>
                  {c.cancelledAt && <span className="tag">{t("training.fix.cancelled")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {programmes.data && (
        <section className="card card-body" aria-labelledby="programmes-title">
          <h2 id="programmes-title" className="section-title">
            {t("training.programmes")}
          </h2>
          <ul className="item-list">
            {programmes.data.items.map((p) => (
              <li key={p.id} className="item">
                <div className="item-main">
                  <Link className="item-title" to={`/pelatihan/program/${p.id}`}>
                    {p.name}
                  </Link>
                  <p className="item-meta">
                    {t("training.programmeMeta", {
                      year: p.year,
                      level: t(`training.level.${p.level}`),
                      organiser: p.organiser,
                      tksk: p.quotas.tksk ?? 0,
                      psm: p.quotas.psm ?? 0,
                    })}
                  </p>
                </div>
                {p.archivedAt && <span className="tag">{t("training.fix.archivedTag")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
