/**
 * /kasus/:id — one case: who or what it is about, where, how urgent and at which stage; the stage
 * actions the user's role allows; who holds it (assign/transfer, history); then its timeline, plan, referrals, visits and tasks.
 */
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { CaseAssignment } from "./case-assignment.tsx";
import { regionText, StageBadge, UrgencyBadge } from "./case-badges.tsx";
import { CasePlan } from "./case-plan.tsx";
import { CaseReferrals } from "./case-referrals.tsx";
import { CaseTasks } from "./case-tasks.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { CaseVisits } from "./case-visits.tsx";
import { useCase } from "./cases.queries.ts";
import { StageActions } from "./stage-actions-card.tsx";

export function CasePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useCase(id);
  const crumbs = [{ label: t("cases.detail.backToList"), to: "/kasus" }];
  if (query.isPending)
    return (
      <section className="page cases-screen">
        <Breadcrumb items={crumbs} />
        <LoadingState />
      </section>
    );
  if (query.isError)
    return (
      <section className="page cases-screen">
        <title>{`${t("errors.title")} · ${t("app.name")}`}</title>
        <Breadcrumb items={crumbs} />
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  const kase = query.data;
  return (
    <section className="page cases-screen case-page">
      <title>{`${kase.caseNumber} · ${t("app.name")}`}</title>
      <Breadcrumb items={[...crumbs, { label: kase.caseNumber }]} />
      <CaseHeader kase={kase} />
      <StageActions kase={kase} />
      <nav className="section-nav" aria-label={t("cases.detail.sections")}>
        <a href="#petugas">{t("cases.assignment.title")}</a>
        <a href="#riwayat">{t("cases.timeline.title")}</a>
        <a href="#kunjungan">{t("cases.visits.title")}</a>
        <a href="#rencana">{t("cases.plan.title")}</a>
        <a href="#rujukan">{t("cases.referrals.title")}</a>
        <a href="#tugas">{t("cases.tasks.title")}</a>
      </nav>
      <CaseAssignment kase={kase} />
      <CaseVisits kase={kase} />
      <CaseTimeline kase={kase} />
      <CasePlan kase={kase} />
      <CaseReferrals kase={kase} />
      <CaseTasks kase={kase} />
    </section>
  );
}

function CaseHeader({ kase }: { kase: CaseDto }) {
  const { t, language } = useLanguage();
  const place = [
    regionText(kase),
    kase.rw && kase.rt ? t("cases.detail.rwRt", { rw: kase.rw, rt: kase.rt }) : null,
    kase.rw && !kase.rt ? t("cases.detail.rwOnly", { rw: kase.rw }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <header className="page-header case-header">
      <p className="eyebrow">{kase.caseNumber}</p>
      <h1>{kase.subjectLabel}</h1>
      <p className="case-badges">
        <UrgencyBadge urgency={kase.urgency} />
        <StageBadge stage={kase.stage} />
        <span className="case-subject-type">{t(`cases.subjectType.${kase.subjectType}`)}</span>
      </p>
      {kase.closureRequest && (
        <p className="notice notice-warn" role="status">
          {t("cases.detail.closurePending", {
            reason: t(`cases.reason.${kase.closureRequest.reason}`),
            by: kase.closureRequest.byName ?? "—",
            at: formatDateTime(kase.closureRequest.at, language),
          })}
        </p>
      )}
      <dl className="facts case-facts">
        <dt>{t("cases.detail.category")}</dt>
        <dd>{kase.categoryName}</dd>
        <dt>{t("cases.detail.region")}</dt>
        <dd>
          <span className="code">{place}</span>
        </dd>
        <dt>{t("cases.detail.assignee")}</dt>
        <dd>{kase.assigneeName ?? t("cases.detail.unassigned")}</dd>
        <dt>{t("cases.detail.reportedAt")}</dt>
        <dd>{formatDateTime(kase.reportedAt, language)}</dd>
        <dt>{t("cases.detail.source")}</dt>
        <dd>{t(`cases.source.${kase.source}`)}</dd>
        <dt>{t("cases.detail.firstVisit")}</dt>
        <dd>
          {kase.firstVisitAt ? formatDateTime(kase.firstVisitAt, language) : t("cases.detail.noVisitYet")}
        </dd>
        {kase.closedAt && (
          <>
            <dt>{t("cases.detail.closedAt")}</dt>
            <dd>
              {formatDateTime(kase.closedAt, language)}
              {kase.closureReason && ` · ${t(`cases.reason.${kase.closureReason}`)}`}
            </dd>
          </>
        )}
      </dl>
      <p className="case-description">{kase.description}</p>
    </header>
  );
}
