/**
 * /kasus/laporan — case figures in my region as tables: open and closed by category, kelurahan and
 * urgency; median hours to the first visit and to closing; overdue follow-ups per worker; referral
 * outcomes per programme. The same figures download as an XLSX workbook.
 */
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { CaseReportQuery } from "../../../core/api/cases.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { UrgencyBadge } from "./case-badges.tsx";
import { reportXlsxUrl, useCaseReport } from "./cases.queries.ts";
import { useRegionOptions } from "./region-options.tsx";

export function CaseReportPage() {
  const { t, language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const query: CaseReportQuery = {
    region: params.get("region") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  };
  const report = useCaseReport(query);
  const regions = useRegionOptions();
  const n = (value: number) => formatCount(value, language);
  const hours = (value: number | null) =>
    value === null
      ? t("cases.report.noValue")
      : t("cases.report.hours", {
          value: new Intl.NumberFormat(language === "id" ? "id-ID" : "en-US", {
            maximumFractionDigits: 1,
          }).format(value),
        });

  return (
    <section className="page cases-screen report-page">
      <title>{`${t("cases.report.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("cases.report.title")}</h1>
        <p className="lead">{t("cases.report.intro")}</p>
      </header>
      <form
        className="card filters case-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const key of ["region", "from", "to"]) {
            const value = String(data.get(key) ?? "");
            if (value) next.set(key, value);
          }
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="r-region">{t("cases.list.region")}</label>
          <select id="r-region" name="region" defaultValue={query.region ?? ""}>
            <option value="">{t("cases.list.allRegions")}</option>
            {(regions.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {`${"\u00a0\u00a0".repeat(Math.max(0, r.depth - 1))}${r.label}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-from">{t("cases.report.from")}</label>
          <input id="r-from" name="from" type="date" defaultValue={query.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="r-to">{t("cases.report.to")}</label>
          <input id="r-to" name="to" type="date" defaultValue={query.to ?? ""} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("cases.report.show")}
          </button>
          <a className="button button-secondary" href={reportXlsxUrl(query)} download>
            {t("cases.report.download")}
          </a>
        </div>
      </form>

      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <p className="hint">
            {t("cases.report.generatedAt", { at: formatDateTime(report.data.generatedAt, language) })}
          </p>
          <section className="card" aria-labelledby="medians">
            <h2 id="medians" className="card-title">
              {t("cases.report.medians")}
            </h2>
            <dl className="stats">
              <div className="stat">
                <dt>{t("cases.report.toFirstVisit")}</dt>
                <dd>{hours(report.data.medianHoursToFirstVisit)}</dd>
              </div>
              <div className="stat">
                <dt>{t("cases.report.toClose")}</dt>
                <dd>{hours(report.data.medianHoursToClose)}</dd>
              </div>
            </dl>
          </section>
          <ReportTable
            id="by-urgency"
            title={t("cases.report.byUrgency")}
            head={[t("cases.list.urgency"), t("cases.report.open"), t("cases.report.closed")]}
            rows={report.data.byUrgency.map((r) => [
              r.urgency,
              <UrgencyBadge key="u" urgency={r.urgency} />,
              n(r.open),
              n(r.closed),
            ])}
          />
          <ReportTable
            id="by-category"
            title={t("cases.report.byCategory")}
            head={[t("cases.list.category"), t("cases.report.open"), t("cases.report.closed")]}
            rows={report.data.byCategory.map((r) => [r.category, r.categoryName, n(r.open), n(r.closed)])}
          />
          <ReportTable
            id="by-region"
            title={t("cases.report.byRegion")}
            head={[t("cases.list.region"), t("cases.report.open"), t("cases.report.closed")]}
            rows={report.data.byRegion.map((r) => [
              r.regionCode,
              `${formatRegionCode(r.regionCode)} ${r.regionName ?? ""}`,
              n(r.open),
              n(r.closed),
            ])}
          />
          <ReportTable
            id="overdue-by-worker"
            title={t("cases.report.overdueByWorker")}
            head={[t("cases.report.worker"), t("cases.report.overdue")]}
            rows={report.data.overdueByWorker.map((r) => [
              r.workerId ?? "none",
              r.workerName ?? t("cases.report.noWorker"),
              n(r.overdue),
            ])}
          />
          <ReportTable
            id="referral-outcomes"
            title={t("cases.report.referralOutcomes")}
            head={[
              t("cases.report.target"),
              t("cases.referrals.status.dikirim"),
              t("cases.referrals.status.diterima"),
              t("cases.referrals.status.ditolak"),
              t("cases.referrals.status.selesai"),
            ]}
            rows={report.data.referralOutcomes.map((r) => [
              r.target,
              r.target,
              n(r.dikirim),
              n(r.diterima),
              n(r.ditolak),
              n(r.selesai),
            ])}
          />
        </>
      )}
    </section>
  );
}

/** A titled table whose rows are [key, first cell, …number cells]. */
function ReportTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string[];
  rows: [string, ReactNode, ...string[]][];
}) {
  const { t } = useLanguage();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("cases.report.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="report-table">
            <thead>
              <tr>
                {head.map((h, i) => (
                  <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, first, ...numbers]) => (
                <tr key={key}>
                  <th scope="row">{first}</th>
                  {numbers.map((value, i) => (
                    <td key={head[i + 1]} className="num">
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
