/**
 * /dasbor/:code — the area dashboard of a kota, kecamatan or kelurahan for a month: key figures,
 * charts each with its table and downloads, the schematic kelurahan map and the top issues.
 * Aggregates only: what the pimpinan sees.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { DashboardDto } from "../../../core/api/dashboards.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useDashboard, useDashboards } from "./dashboards.queries.ts";
import { ChartCard } from "./echart.tsx";
import { type MapFigure, RegionGridMap } from "./region-grid-map.tsx";

function thisMonth(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** /dasbor: the user's own area, or the city. */
export function DashboardHomePage() {
  const { session } = useAuth();
  return <DashboardView code={session?.user.regionCode ?? "3171"} />;
}

export function DashboardPage() {
  const { code = "3171" } = useParams();
  return <DashboardView code={code} />;
}

function DashboardView({ code }: { code: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth);
  const query = useDashboard(code, month);
  return (
    <section className="page dashboard-page">
      <header className="page-header">
        <p className="eyebrow">{t("dashboards.title")}</p>
        <h1>{query.data?.region.name ?? code}</h1>
        <div className="dashboard-controls">
          <label>
            {t("dashboards.period")}{" "}
            <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </label>
          <a href={`/api/v1/reports/monthly?region=${code}&month=${month}&format=pdf`}>
            {t("dashboards.report")}
          </a>
          <a href={`/api/v1/reports/monthly?region=${code}&month=${month}&format=xlsx`}>
            {t("dashboards.reportXlsx")}
          </a>
          <Link to="/dasbor/pelatihan">{t("dashboards.trainingNav")}</Link>
        </div>
      </header>
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && <DashboardBody d={query.data} month={month} />}
    </section>
  );
}

function DashboardBody({ d, month }: { d: DashboardDto; month: string }) {
  const { t, language } = useLanguage();
  const n = (v: number) => formatCount(v, language);
  const pct = (v: number) =>
    `${(Math.round(v * 1000) / 10).toLocaleString(language === "id" ? "id-ID" : "en-GB")} %`;
  const stats: [string, string][] = [
    [t("dashboards.persons"), n(d.persons)],
    [t("dashboards.households"), n(d.households)],
    [t("dashboards.ppks"), n(d.ppksTotal)],
    [t("dashboards.openCases"), n(d.openCases)],
    [t("dashboards.overdue"), n(d.overdueFollowUps)],
    [t("dashboards.casesOpened"), n(d.casesOpened)],
    [t("dashboards.casesClosed"), n(d.casesClosed)],
    [t("dashboards.mpiH"), d.mpi.period ? pct(d.mpi.H) : t("dashboards.mpiNone")],
    [t("dashboards.mpiA"), d.mpi.period ? pct(d.mpi.A) : "—"],
    [
      t("dashboards.mpiM0"),
      d.mpi.period
        ? (Math.round(d.mpi.M0 * 1000) / 1000).toLocaleString(language === "id" ? "id-ID" : "en-GB")
        : "—",
    ],
  ];
  return (
    <>
      <dl className="stats dashboard-stats">
        {stats.map(([label, value]) => (
          <div className="stat" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {d.mpi.worstIndicators.length > 0 && (
        <p className="muted">
          {t("dashboards.worst", { period: d.mpi.period })}:{" "}
          {d.mpi.worstIndicators
            .map((i) => `${language === "id" ? i.label.id : i.label.en} (${pct(i.censoredHeadcount)})`)
            .join("; ")}
        </p>
      )}
      <p className="muted">{t("dashboards.workforce", d.workforce)}</p>
      <div className="dashboard-grid">
        <ChartCard
          id="kasus-per-wilayah"
          title={t("dashboards.chartChildren")}
          labelHeader={t("dashboards.region")}
          series={[t("dashboards.openCases"), t("dashboards.casesOpened"), t("dashboards.casesClosed")]}
          rows={d.children.map((c) => ({
            label: c.name,
            values: [c.openCases, c.casesOpened, c.casesClosed],
          }))}
        />
        <ChartCard
          id="kasus-per-urgensi"
          title={t("dashboards.chartUrgency")}
          labelHeader={t("dashboards.label")}
          series={[t("dashboards.value")]}
          rows={Object.entries(d.openCasesByUrgency).map(([k, v]) => ({
            label: t(`dashboards.urgency.${k as "darurat" | "tinggi" | "biasa"}`),
            values: [v],
          }))}
        />
        {d.ppksCategories.length > 0 && (
          <ChartCard
            id="ppks-per-kategori"
            title={t("dashboards.chartPpks")}
            labelHeader={t("dashboards.label")}
            series={[t("dashboards.value")]}
            rows={d.ppksCategories.slice(0, 12).map((c) => ({ label: c.name, values: [c.count] }))}
          />
        )}
        {d.referralsByProgramme.length > 0 && (
          <ChartCard
            id="rujukan-per-program"
            title={t("dashboards.chartReferrals")}
            labelHeader={t("dashboards.label")}
            series={[t("dashboards.sent"), t("dashboards.completed")]}
            rows={d.referralsByProgramme.map((r) => ({ label: r.name, values: [r.sent, r.completed] }))}
          />
        )}
      </div>
      <KelurahanMap d={d} month={month} />
      <section className="card" aria-labelledby="issues-title">
        <h2 className="card-title" id="issues-title">
          {t("dashboards.topIssues")}
        </h2>
        <table className="dashboard-table">
          <tbody>
            {d.children.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  <Link to={`/dasbor/${c.code}`}>{c.name}</Link>
                </th>
                <td className="text">{c.topIssue?.name ?? t("dashboards.none")}</td>
                <td>{n(c.topIssue?.openCases ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The kelurahan map: from this dashboard's children (a kecamatan) or the kecamatan dashboards (a kota). */
function KelurahanMap({ d, month }: { d: DashboardDto; month: string }) {
  const { t } = useTranslation();
  const isKota = d.region.kind === "kota";
  const kecamatan = useDashboards(isKota ? d.children.map((c) => c.code) : [], month);
  if (d.region.kind !== "kota" && d.region.kind !== "kecamatan") return null;
  const rows = isKota ? kecamatan.flatMap((q) => q.data?.children ?? []) : d.children;
  if (isKota && kecamatan.some((q) => q.isPending)) return <LoadingState />;
  const pick = (key: "persons" | "ppks" | "openCases" | "overdueFollowUps") =>
    new Map(rows.map((r) => [r.code, r[key]]));
  const figures: MapFigure[] = [
    { key: "openCases", label: t("dashboards.openCases"), values: pick("openCases") },
    { key: "persons", label: t("dashboards.persons"), values: pick("persons") },
    { key: "ppks", label: t("dashboards.ppks"), values: pick("ppks") },
    { key: "overdue", label: t("dashboards.overdue"), values: pick("overdueFollowUps") },
  ];
  return <RegionGridMap figures={figures} />;
}
