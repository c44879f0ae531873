/**
 * /kemiskinan — the poverty analysis of a region (kota, kecamatan, kelurahan or an RW) in a period:
 * H, A and M0 per person and per household, the change from another period, indicator
 * contributions, the child regions (sortable table and bar chart) and the sensitivity to k. The
 * poor households are one click away for roles that may see them. Aggregates only: pimpinan too.
 */
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { AnalysisDto, AnalysisFigures } from "../../../core/api/assessments.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { decimal, percent, useAnalysis } from "./assessments.queries.ts";
import { PovertyChart } from "./poverty-chart.tsx";
import "./assessments.css";

export function AnalysisPage() {
  const { t } = useLanguage();
  const [params, setParams] = useSearchParams();
  const query = useAnalysis(params);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const go = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) p.set(key, value);
      else p.delete(key);
    }
    setParams(p);
  };
  const poorLink = new URLSearchParams({ region: a.region.code, ...(a.period ? { period: a.period } : {}) });
  if (a.region.rw) poorLink.set("rw", a.region.rw);
  return (
    <section className="page poverty">
      <title>{`${t("assessments.analysisTitle")} · ${a.region.name} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">{t("assessments.analysisTitle")}</p>
        <h1>
          {a.region.name}
          {a.region.rw ? ` · RW ${a.region.rw}` : ""}
        </h1>
        {a.indicatorSet && (
          <p className="lead">
            {t("assessments.setVersion", { name: a.indicatorSet.name, version: a.indicatorSet.version })} · k
            = {decimal(a.indicatorSet.k, "id", 2)}
          </p>
        )}
      </header>
      <Filters analysis={a} onChange={go} />
      {!a.period || a.persons.n === 0 ? (
        <p className="notice">{t("assessments.noData")}</p>
      ) : (
        <>
          <Figures analysis={a} />
          <Can permission="households:read">
            <p>
              <Link className="button" to={`/kemiskinan/miskin?${poorLink}`}>
                {t("assessments.poorList")} ({Math.round(a.households.poor)})
              </Link>
            </p>
          </Can>
          <Contributions analysis={a} />
          {a.groups.length > 0 && <Groups analysis={a} onOpen={(code) => go(childParams(a, code))} />}
          <Sensitivity analysis={a} />
        </>
      )}
    </section>
  );
}

function childParams(a: AnalysisDto, code: string): Record<string, string | undefined> {
  return a.childKind === "rw" ? { region: a.region.code, rw: code } : { region: code, rw: undefined };
}

function Filters({
  analysis: a,
  onChange,
}: {
  analysis: AnalysisDto;
  onChange: (p: Record<string, string | undefined>) => void;
}) {
  const { t } = useLanguage();
  const [region, setRegion] = useState(a.region.code);
  return (
    <form
      className="card card-body poverty-filters"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ region, rw: undefined });
      }}
    >
      <label className="field">
        <span>{t("assessments.region")}</span>
        <input value={region} inputMode="numeric" onChange={(e) => setRegion(e.target.value)} />
      </label>
      <label className="field">
        <span>{t("assessments.period")}</span>
        <select value={a.period ?? ""} onChange={(e) => onChange({ period: e.target.value || undefined })}>
          {a.periods.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("assessments.comparePeriod")}</span>
        <select
          value={a.comparePeriod ?? ""}
          onChange={(e) => onChange({ comparePeriod: e.target.value || undefined })}
        >
          <option value="">{t("assessments.none")}</option>
          {a.periods
            .filter((p) => p !== a.period)
            .map((p) => (
              <option key={p}>{p}</option>
            ))}
        </select>
      </label>
      <button type="submit" className="button button-secondary">
        {t("assessments.show")}
      </button>
    </form>
  );
}

function delta(now: number, before: number | undefined, language: string) {
  if (before === undefined) return null;
  const d = (now - before) * 100;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  return `${sign}${Math.abs(d).toLocaleString(language === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 })} pp`;
}

function Figures({ analysis: a }: { analysis: AnalysisDto }) {
  const { t, language } = useLanguage();
  const block = (title: string, f: AnalysisFigures, before: AnalysisFigures | undefined) => (
    <section className="card card-body">
      <h2 className="card-title">{title}</h2>
      <dl className="poverty-figures">
        {(["H", "A", "M0"] as const).map((key) => (
          <div className="stat" key={key}>
            <dt>{t(`assessments.${key}`)}</dt>
            <dd data-testid={`figure-${key}`}>
              {key === "M0" ? decimal(f.M0, language) : percent(f[key], language)}
              {before && <small> ({delta(f[key], before[key], language)})</small>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        n = {Math.round(f.n).toLocaleString("id-ID")} · {t("assessments.poor")}:{" "}
        {Math.round(f.poor).toLocaleString("id-ID")}
      </p>
    </section>
  );
  return (
    <>
      {a.compare && <p className="muted">{t("assessments.change", { period: a.comparePeriod })}</p>}
      {block(t("assessments.perPerson"), a.persons, a.compare?.persons)}
      {block(t("assessments.perHousehold"), a.households, a.compare?.households)}
    </>
  );
}

function Contributions({ analysis: a }: { analysis: AnalysisDto }) {
  const { t, language } = useLanguage();
  const lang = language === "en" ? "en" : "id";
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: { type: "category", data: a.indicators.map((i) => i.label[lang]), inverse: true },
      series: [{ type: "bar", data: a.indicators.map((i) => i.contribution ?? 0) }],
    }),
    [a, lang],
  );
  return (
    <section className="card card-body">
      <h2 className="card-title">{t("assessments.contributions")}</h2>
      <PovertyChart option={option} label={t("assessments.contributions")} />
      <div className="poverty-table-wrap">
        <table className="region-table poverty-table">
          <thead>
            <tr>
              <th>{t("assessments.indicator")}</th>
              <th className="num">{t("assessments.uncensored")}</th>
              <th className="num">{t("assessments.censored")}</th>
              <th className="num">{t("assessments.contribution")}</th>
            </tr>
          </thead>
          <tbody>
            {a.indicators.map((i) => (
              <tr key={i.id}>
                <td>{i.label[lang]}</td>
                <td className="num">{percent(i.uncensoredHeadcount, language)}</td>
                <td className="num">{percent(i.censoredHeadcount, language)}</td>
                <td className="num">{i.contribution === null ? "—" : percent(i.contribution, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type SortKey = "name" | "H" | "A" | "M0" | "populationShare";

function Groups({ analysis: a, onOpen }: { analysis: AnalysisDto; onOpen: (code: string) => void }) {
  const { t, language } = useLanguage();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "M0", desc: true });
  const rows = [...a.groups].sort((x, y) => {
    const vx = sort.key === "name" ? x.name : x.persons[sort.key];
    const vy = sort.key === "name" ? y.name : y.persons[sort.key];
    const c = vx < vy ? -1 : vx > vy ? 1 : 0;
    return sort.desc ? -c : c;
  });
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map((g) => g.name), axisLabel: { rotate: 30 } },
      yAxis: { type: "value" },
      series: [
        { name: "M0", type: "bar", data: rows.map((g) => g.persons.M0) },
        ...(a.compare
          ? [{ name: `M0 ${a.comparePeriod}`, type: "bar", data: rows.map((g) => g.compare?.M0 ?? 0) }]
          : []),
      ],
    }),
    [rows, a],
  );
  const header = (key: SortKey, label: string) => (
    <th
      className={key === "name" ? undefined : "num"}
      aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== "name" })}
      >
        {label}
      </button>
    </th>
  );
  const kind = t(`assessments.kinds.${a.childKind as "kota" | "kecamatan" | "kelurahan" | "rw" | "none"}`);
  return (
    <section className="card card-body">
      <h2 className="card-title">{t("assessments.groups", { kind })}</h2>
      <PovertyChart option={option} label={t("assessments.groups", { kind })} />
      <div className="poverty-table-wrap">
        <table className="region-table poverty-table">
          <thead>
            <tr>
              {header("name", t("assessments.name"))}
              {header("H", "H")}
              {header("A", "A")}
              {header("M0", "M0")}
              {header("populationShare", t("assessments.populationShare"))}
              <th className="num">{t("assessments.contribution")}</th>
              {a.compare && <th className="num">Δ M0</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.code}>
                <td>
                  <button type="button" className="poverty-link-button" onClick={() => onOpen(g.code)}>
                    {g.name}
                  </button>
                </td>
                <td className="num">{percent(g.persons.H, language)}</td>
                <td className="num">{percent(g.persons.A, language)}</td>
                <td className="num">{decimal(g.persons.M0, language)}</td>
                <td className="num">{percent(g.persons.populationShare, language)}</td>
                <td className="num">
                  {g.persons.contribution === null ? "—" : percent(g.persons.contribution, language)}
                </td>
                {a.compare && (
                  <td className="num">{g.compare ? decimal(g.persons.M0 - g.compare.M0, language) : "—"}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Sensitivity({ analysis: a }: { analysis: AnalysisDto }) {
  const { t, language } = useLanguage();
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: a.sensitivity.map((s) => s.k.toFixed(1)), name: "k" },
      yAxis: { type: "value" },
      series: [
        { name: "H", type: "line", data: a.sensitivity.map((s) => s.H) },
        { name: "M0", type: "line", data: a.sensitivity.map((s) => s.M0) },
      ],
    }),
    [a],
  );
  return (
    <section className="card card-body">
      <h2 className="card-title">{t("assessments.sensitivity")}</h2>
      <PovertyChart option={option} label={t("assessments.sensitivity")} />
      <div className="poverty-table-wrap">
        <table className="region-table poverty-table">
          <thead>
            <tr>
              <th>k</th>
              <th className="num">H ({t("assessments.perPerson")})</th>
              <th className="num">M0 ({t("assessments.perPerson")})</th>
              <th className="num">H ({t("assessments.perHousehold")})</th>
              <th className="num">M0 ({t("assessments.perHousehold")})</th>
            </tr>
          </thead>
          <tbody>
            {a.sensitivity.map((s) => (
              <tr key={s.k}>
                <td>{s.k.toFixed(1)}</td>
                <td className="num">{percent(s.H, language)}</td>
                <td className="num">{decimal(s.M0, language)}</td>
                <td className="num">{percent(s.householdH, language)}</td>
                <td className="num">{decimal(s.householdM0, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
