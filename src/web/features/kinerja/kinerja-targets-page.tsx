/**
 * /kinerja/target — the Suku Dinas sets the monthly target of each count indicator for a role,
 * and sees the open alerts of workers far behind their target, with a button that runs the check
 * now instead of waiting for the daily run. Rules: docs/kinerja.md; labels from the core.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import {
  type alertListResponse,
  type checkTargetsResponse,
  type TargetBody,
  targetBody,
  type targetListResponse,
} from "../../../core/api/kinerja.schema.ts";
import { COUNT_INDICATORS, type CountIndicator, INDICATOR_LABELS } from "../../../core/kinerja/kinerja.ts";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";

type TargetList = z.infer<typeof targetListResponse>;
type AlertList = z.infer<typeof alertListResponse>;
type CheckResult = z.infer<typeof checkTargetsResponse>;
type Role = TargetBody["role"];

const ROLES = targetBody.shape.role.options;

/** The current month in WIB, as the server counts it. */
function thisMonth(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The page: month and role, the targets form, then the open alerts. */
export function KinerjaTargetsPage() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(thisMonth);
  const [role, setRole] = useState<Role>("psm");
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t("dashboards.targetsTitle")}</h1>
        <p className="muted">{t("dashboards.targetsIntro")}</p>
        <div className="dashboard-controls">
          <label>
            {t("dashboards.period")}{" "}
            <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </label>
          <label>
            {t("dashboards.role")}{" "}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <TargetsForm key={`${month}-${role}`} month={month} role={role} />
      <AlertsSection month={month} />
    </section>
  );
}

function TargetsForm({ month, role }: { month: string; role: Role }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Partial<Record<CountIndicator, string>>>({});
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const queryKey = ["kinerja-targets", month];
  const targets = useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<TargetList>(`/kinerja/targets?month=${month}`, { signal }),
  });
  const current = new Map(
    (targets.data?.items ?? []).filter((x) => x.role === role).map((x) => [x.indicator, x.target]),
  );
  const changed = COUNT_INDICATORS.flatMap((indicator) => {
    const draft = drafts[indicator]?.trim();
    if (!draft) return [];
    const target = Number(draft);
    return target === current.get(indicator) ? [] : [{ role, indicator, month, target }];
  });
  // One PUT per changed indicator, one after another: each is its own idempotent write.
  const save = useMutation({
    mutationFn: async (bodies: TargetBody[]) => {
      for (const body of bodies) await api.send("PUT", "/kinerja/targets", body);
      return bodies.length;
    },
    onSuccess: (count) => {
      setSavedCount(count);
      setDrafts({});
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSavedCount(null);
    save.mutate(changed);
  }

  if (targets.isPending) return <LoadingState />;
  if (targets.isError) return <ErrorMessage error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <form className="card kinerja-targets-form" onSubmit={submit}>
      <div className="table-scroll">
        <table className="dashboard-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboards.indicator")}</th>
              <th scope="col">{t("dashboards.currentTarget")}</th>
              <th scope="col">{t("dashboards.newTarget")}</th>
            </tr>
          </thead>
          <tbody>
            {COUNT_INDICATORS.map((indicator) => {
              const label = INDICATOR_LABELS[indicator][language];
              return (
                <tr key={indicator}>
                  <th scope="row">{label}</th>
                  <td data-indicator={indicator}>{current.get(indicator) ?? "—"}</td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      max={100_000}
                      step={1}
                      inputMode="numeric"
                      aria-label={`${t("dashboards.newTarget")}: ${label}`}
                      value={drafts[indicator] ?? ""}
                      placeholder={String(current.get(indicator) ?? "")}
                      onChange={(e) => setDrafts((d) => ({ ...d, [indicator]: e.target.value }))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
      {savedCount !== null && (
        <p className="notice notice-success" role="status">
          {t("dashboards.targetsSaved", { count: savedCount })}
        </p>
      )}
      <button type="submit" className="button" disabled={save.isPending || changed.length === 0}>
        {t("dashboards.saveTargets")}
      </button>
    </form>
  );
}

function AlertsSection({ month }: { month: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: ["kinerja-alerts"],
    queryFn: ({ signal }) => api.get<AlertList>("/kinerja/alerts", { signal }),
  });
  const check = useMutation({
    mutationFn: () => api.send<CheckResult>("POST", `/kinerja/alerts/check?month=${month}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["kinerja-alerts"] }),
  });
  const label = (k: string) => INDICATOR_LABELS[k as CountIndicator]?.[language] ?? k;

  return (
    <section className="card kinerja-team" aria-labelledby="alerts-title">
      <h2 className="card-title" id="alerts-title">
        {t("dashboards.alertsTitle")}
      </h2>
      <div className="dashboard-controls">
        <button type="button" className="button" disabled={check.isPending} onClick={() => check.mutate()}>
          {t("dashboards.checkNow")}
        </button>
        {check.data && (
          <span role="status">
            {t("dashboards.checked", {
              month: check.data.month,
              checked: check.data.checked,
              raised: check.data.raised,
            })}
          </span>
        )}
      </div>
      {check.isError && <ErrorMessage error={check.error} />}
      {alerts.isPending && <LoadingState />}
      {alerts.isError && <ErrorMessage error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {alerts.data && alerts.data.items.length === 0 && <p className="muted">{t("dashboards.noAlerts")}</p>}
      {alerts.data && alerts.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="dashboard-table">
            <thead>
              <tr>
                <th scope="col">{t("dashboards.worker")}</th>
                <th scope="col">{t("dashboards.indicator")}</th>
                <th scope="col">{t("dashboards.progress")}</th>
                <th scope="col">{t("dashboards.raisedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.workerName}</th>
                  <td>{label(a.indicator)}</td>
                  <td>
                    {t("dashboards.alertProgress", {
                      actual: a.actual,
                      target: a.target,
                      expected: a.expected,
                    })}
                  </td>
                  <td>{formatDate(a.raisedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
