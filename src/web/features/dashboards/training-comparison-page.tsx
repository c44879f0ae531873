/**
 * /dasbor/pelatihan — before and after training: the mean indicators per worker of a cohort's
 * participants in the N months before and after it, beside the workers who did not attend, as a
 * table and a chart. The page says what is compared and that it is not a causal claim.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CohortComparisonDto } from "../../../core/api/kinerja.schema.ts";
import { INDICATOR_LABELS, KINERJA_INDICATORS } from "../../../core/kinerja/kinerja.ts";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { ChartCard } from "./echart.tsx";

interface CohortList {
  items: { id: string; name: string; startsOn: string; endsOn: string }[];
}

const CHARTED = ["householdsAssessed", "casesOpened", "casesClosed", "visitsMade", "referralsMade"] as const;

export function TrainingComparisonPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [cohort, setCohort] = useState("");
  const [months, setMonths] = useState(3);
  const cohorts = useQuery({
    queryKey: ["comparison-cohorts"],
    queryFn: ({ signal }) => api.get<CohortList>("/kinerja/training-cohorts", { signal }),
  });
  const chosen = cohort || cohorts.data?.items[0]?.id || "";
  const comparison = useQuery({
    queryKey: ["comparison", chosen, months],
    enabled: chosen !== "",
    queryFn: ({ signal }) =>
      api.get<CohortComparisonDto>(`/kinerja/training-cohorts/${chosen}/comparison?months=${months}`, {
        signal,
      }),
  });
  const label = (k: string) => INDICATOR_LABELS[k as keyof typeof INDICATOR_LABELS][language];
  const c = comparison.data;
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toLocaleString());
  return (
    <section className="page">
      <header className="page-header">
        <p className="eyebrow">{t("dashboards.title")}</p>
        <h1>{t("dashboards.trainingTitle")}</h1>
        <div className="dashboard-controls">
          <label>
            {t("dashboards.cohort")}{" "}
            <select value={chosen} onChange={(e) => setCohort(e.target.value)}>
              {cohorts.data?.items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("dashboards.months")}{" "}
            <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
              {[1, 3, 6, 12].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {(cohorts.isPending || comparison.isPending) && <LoadingState />}
      {comparison.isError && (
        <ErrorMessage error={comparison.error} onRetry={() => void comparison.refetch()} />
      )}
      {c && (
        <>
          <p className="training-comparison-note">{language === "id" ? c.note.id : c.note.en}</p>
          <p className="muted">
            {t("dashboards.windows", {
              beforeFrom: c.before.from,
              beforeTo: c.before.to,
              afterFrom: c.after.from,
              afterTo: c.after.to,
              participants: c.participants.workers,
              others: c.others.workers,
            })}
          </p>
          <ChartCard
            id="sebelum-sesudah-pelatihan"
            title={t("dashboards.trainingChart")}
            labelHeader={t("dashboards.indicator")}
            series={[
              t("dashboards.partBefore"),
              t("dashboards.partAfter"),
              t("dashboards.othersBefore"),
              t("dashboards.othersAfter"),
            ]}
            rows={CHARTED.map((k) => ({
              label: label(k),
              values: [
                c.participants.before[k] ?? 0,
                c.participants.after[k] ?? 0,
                c.others.before[k] ?? 0,
                c.others.after[k] ?? 0,
              ],
            }))}
          />
          <div className="card table-scroll">
            <table className="dashboard-table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.indicator")}</th>
                  <th scope="col">{t("dashboards.partBefore")}</th>
                  <th scope="col">{t("dashboards.partAfter")}</th>
                  <th scope="col">{t("dashboards.othersBefore")}</th>
                  <th scope="col">{t("dashboards.othersAfter")}</th>
                </tr>
              </thead>
              <tbody>
                {KINERJA_INDICATORS.map((k) => (
                  <tr key={k}>
                    <th scope="row">{label(k)}</th>
                    <td>{cell(c.participants.before[k])}</td>
                    <td>{cell(c.participants.after[k])}</td>
                    <td>{cell(c.others.before[k])}</td>
                    <td>{cell(c.others.after[k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
