/**
 * /kinerja — "Kinerja saya": the worker's own indicators this month and progress against the
 * Suku Dinas's targets, on a phone; below, the workers the user may see (a TKSK: the PSM of their
 * kecamatan; the Suku Dinas: everyone). Definitions: docs/kinerja.md, labels from the core.
 */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { KinerjaDto, KinerjaIndicators } from "../../../core/api/kinerja.schema.ts";
import { INDICATOR_LABELS, KINERJA_INDICATORS } from "../../../core/kinerja/kinerja.ts";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { Can } from "../auth/can.tsx";

interface TeamList {
  items: { id: string; name: string; role: string; regionCode: string; indicators: KinerjaIndicators }[];
}

const SHOWN = [
  "householdsAssessed",
  "ppksFound",
  "casesOpened",
  "casesClosed",
  "visitsMade",
  "followUpsOnTimeRate",
  "referralsMade",
] as const;

const show = (v: number | null) => (v === null ? "—" : v.toLocaleString());

export function KinerjaPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { session } = useAuth();
  const workerId = session?.user.workerId ?? null;
  const mine = useQuery({
    queryKey: ["kinerja", workerId],
    enabled: workerId !== null,
    queryFn: ({ signal }) => api.get<KinerjaDto>(`/workers/${workerId}/kinerja`, { signal }),
  });
  const team = useQuery({
    queryKey: ["kinerja-team"],
    enabled: session?.user.role !== "psm",
    queryFn: ({ signal }) => api.get<TeamList>("/kinerja/workers", { signal }),
  });
  const label = (k: string) => INDICATOR_LABELS[k as keyof typeof INDICATOR_LABELS]?.[language] ?? k;

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t("dashboards.kinerjaTitle")}</h1>
        {mine.data && (
          <p className="muted">
            {mine.data.worker.name} · {mine.data.period.from} – {mine.data.period.to}
          </p>
        )}
        <Can permission="kinerja:targets">
          <Link to="/kinerja/target">{t("dashboards.targetsNav")}</Link>
        </Can>
      </header>
      {workerId === null && <p>{t("dashboards.noWorker")}</p>}
      {mine.isPending && workerId !== null && <LoadingState />}
      {mine.isError && <ErrorMessage error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && (
        <>
          {mine.data.targets.length > 0 && (
            <ul className="kinerja-targets">
              {mine.data.targets.map((g) => (
                <li key={g.indicator} className={`kinerja-target kinerja-${g.status}`}>
                  <strong>{label(g.indicator)}</strong>
                  <progress max={g.target} value={Math.min(g.actual, g.target)} />
                  <span>
                    {g.actual} / {g.target} ({g.percent} %) · {t(`dashboards.status.${g.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <table className="dashboard-table">
            <tbody>
              {KINERJA_INDICATORS.map((k) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td>{show(mine.data.indicators[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {team.data && team.data.items.length > 1 && (
        <section className="card kinerja-team" aria-labelledby="team-title">
          <h2 className="card-title" id="team-title">
            {t("dashboards.teamTitle")}
          </h2>
          <div className="table-scroll">
            <table className="dashboard-table">
              <thead>
                <tr>
                  <th scope="col">{t("dashboards.worker")}</th>
                  {SHOWN.map((k) => (
                    <th scope="col" key={k}>
                      {label(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {team.data.items.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      {w.name} <span className="muted">({w.role.toUpperCase()})</span>
                    </th>
                    {SHOWN.map((k) => (
                      <td key={k}>{show(w.indicators[k])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </section>
  );
}
