/**
 * /petugas — the TKSK and PSM the user may see: filters (region, role) kept in the address so a
 * filtered list survives a reload, a paged table with the dotted region code and its name.
 */
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { useRegionOptions } from "../cases/region-options.tsx";
import { useWorkers, type WorkerFilters } from "./workers.queries.ts";

const PAGE_SIZE = 20;

/** The filters the address bar holds. */
export function workerFiltersFrom(params: URLSearchParams): WorkerFilters {
  const role = params.get("role");
  return {
    region: params.get("region") || undefined,
    role: role === "tksk" || role === "psm" ? role : undefined,
    page: Math.max(1, Number(params.get("page")) || 1),
  };
}

export function WorkerListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = workerFiltersFrom(params);
  const regions = useRegionOptions();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  };

  return (
    <section className="page workers-page">
      <title>{`${t("workers.list.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("workers.list.title")}</h1>
        <p className="lead">{t("workers.list.intro")}</p>
      </header>
      <form
        className="card filters worker-filters"
        aria-label={t("workers.list.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="w-region">{t("workers.list.region")}</label>
          <select id="w-region" value={filters.region ?? ""} onChange={(e) => set("region", e.target.value)}>
            <option value="">{t("workers.list.allRegions")}</option>
            {(regions.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {`${"\u00a0\u00a0".repeat(Math.max(0, r.depth - 1))}${r.label}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="w-role">{t("workers.list.roleLabel")}</label>
          <select id="w-role" value={filters.role ?? ""} onChange={(e) => set("role", e.target.value)}>
            <option value="">{t("workers.list.allRoles")}</option>
            <option value="tksk">{t("workers.role.tksk")}</option>
            <option value="psm">{t("workers.role.psm")}</option>
          </select>
        </div>
      </form>
      <WorkerTable filters={filters} onPage={(page) => set("page", String(page))} />
    </section>
  );
}

function WorkerTable({ filters, onPage }: { filters: WorkerFilters; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const query = useWorkers(filters, PAGE_SIZE);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (total === 0) return <p className="notice">{t("workers.list.empty")}</p>;
  return (
    <section className="card" aria-labelledby="worker-list-heading">
      <h2 id="worker-list-heading" className="card-title">
        {t("workers.list.found", { count: total })}
      </h2>
      <div className="table-scroll">
        <table className="region-table worker-table">
          <thead>
            <tr>
              <th scope="col">{t("workers.list.name")}</th>
              <th scope="col">{t("workers.list.roleLabel")}</th>
              <th scope="col">{t("workers.list.region")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link to={`/petugas/${w.id}`}>{w.name}</Link>
                  {!w.active && <span className="muted"> ({t("workers.list.inactive")})</span>}
                </td>
                <td>{t(`workers.role.${w.role}`)}</td>
                <td>
                  <span className="worker-code">{formatRegionCode(w.regionCode)}</span> {w.regionName ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={filters.page} pageSize={PAGE_SIZE} total={total} onPage={onPage} />
    </section>
  );
}
