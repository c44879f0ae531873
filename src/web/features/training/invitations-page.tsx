import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useCohort, useInvitations } from "./training.queries.ts";

/**
 * /pelatihan/angkatan/:id/undangan — who was invited to the cohort and their status (invited or
 * withdrawn, sessions attended so far), with each participant's printable letter and one PDF of all.
 */
export function InvitationsPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const cohort = useCohort(id);
  const invitations = useInvitations(id);
  if (invitations.isPending || cohort.isPending) return <LoadingState />;
  if (invitations.isError)
    return <ErrorMessage error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (cohort.isError) return <ErrorMessage error={cohort.error} onRetry={() => void cohort.refetch()} />;
  const c = cohort.data;
  const sessions = c.sessions.filter((s) => !s.cancelledAt).length;
  return (
    <section className="page">
      <title>{`${t("training.fix.invitationsTitle")} · ${c.name} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/pelatihan/angkatan/${id}`}>{t("training.fix.back")}</Link>
        </p>
        <h1>
          {t("training.fix.invitationsTitle")} · {c.name}
        </h1>
        <p className="lead">{t("training.fix.invitationsLead")}</p>
      </header>
      <p className="actions">
        <a className="button" href={`/api/v1/training/cohorts/${id}/invitations.pdf`}>
          {t("training.fix.printAll")}
        </a>
      </p>
      <section className="card">
        <table className="region-table">
          <caption className="visually-hidden">{t("training.fix.invitationsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.name")}</th>
              <th scope="col">{t("training.role")}</th>
              <th scope="col">{t("training.fix.region")}</th>
              <th scope="col">{t("training.fix.invitedAt")}</th>
              <th scope="col">{t("training.fix.status")}</th>
              <th scope="col">{t("training.fix.attended")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("training.fix.letter")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.items.map((i) => (
              <tr key={i.enrolmentId} className={i.status === "withdrawn" ? "muted" : ""}>
                <td>{i.name}</td>
                <td>{i.role.toUpperCase()}</td>
                <td>{i.regionName ?? i.regionCode}</td>
                <td>{new Date(i.invitedAt).toLocaleDateString(i18n.language)}</td>
                <td>
                  <span className={i.status === "invited" ? "tag tag-ok" : "tag"}>
                    {i.status === "invited"
                      ? t("training.fix.statusInvited")
                      : t("training.fix.statusWithdrawn")}
                  </span>
                </td>
                <td>
                  {i.sessionsAttended} / {sessions}
                </td>
                <td>
                  {i.status === "invited" && (
                    <a href={`/api/v1/training/enrolments/${i.enrolmentId}/invitation.pdf`}>
                      {t("training.fix.letter")}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
