import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { AUDIT_ACTIONS, type AuditEntryDto } from "../../../core/api/audit.schema.ts";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { jakartaDayAfter, jakartaDayStart } from "../../i18n/datetime.ts";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCan } from "../auth/auth-context.tsx";
import { AuditEntry } from "./audit-entry.tsx";

const PAGE_SIZE = 50;
/** The filter fields, as they appear in the page's address. */
const FILTERS = ["username", "table", "recordId", "action", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Filters;
}

/** The API query of the filters: Jakarta calendar days become a range, `to` inclusive. */
export function auditQuery(filters: Filters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ["username", "table", "recordId", "action"] as const)
    if (filters[key].trim()) query.set(key, filters[key].trim());
  if (filters.from) query.set("from", jakartaDayStart(filters.from));
  if (filters.to) query.set("to", jakartaDayAfter(filters.to));
  return query;
}

/** /admin/audit — who saw and changed what: searchable, paginated, exportable as CSV. */
export function AuditPage() {
  const { t, language } = useLanguage();
  const canExport = useCan("audit:export");
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const query = auditQuery(applied);
  const list = useQuery({
    queryKey: ["audit", "list", query.toString(), page],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntryDto[]; total: number }>(
        `/audit?${query}&page=${page}&pageSize=${PAGE_SIZE}`,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) if (draft[key].trim()) next.set(key, draft[key].trim());
    setParams(next);
  }

  const field = (key: (typeof FILTERS)[number], label: string, type = "text") => (
    <div className="field">
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input
        id={`audit-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <section className="page">
      <title>{`${t("audit.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("audit.title")}</h1>
        <p className="lead">{t("audit.intro")}</p>
      </header>
      <form className="card card-body filters" onSubmit={apply}>
        {field("username", t("audit.user"))}
        <div className="field">
          <label htmlFor="audit-action">{t("audit.action")}</label>
          <select
            id="audit-action"
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          >
            <option value="">{t("audit.allActions")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        {field("table", t("audit.table"))}
        {field("recordId", t("audit.record"))}
        {field("from", t("audit.from"), "date")}
        {field("to", t("audit.to"), "date")}
        <div className="actions">
          <button type="submit" className="button">
            {t("audit.search")}
          </button>
          {canExport && (
            <a className="button button-secondary" href={`/api/v1/audit/export?${query}`} download>
              {t("audit.export")}
            </a>
          )}
        </div>
      </form>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section className="card" aria-labelledby="audit-list-title">
          <h2 id="audit-list-title" className="card-title">
            {t("audit.entries")} <span className="count">{formatCount(list.data.total, language)}</span>
          </h2>
          {list.data.items.length === 0 ? (
            <p className="card-body hint">{t("audit.none")}</p>
          ) : (
            <ul className="item-list">
              {list.data.items.map((entry) => (
                <AuditEntry key={entry.id} entry={entry} />
              ))}
            </ul>
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(next) => {
              const nextParams = new URLSearchParams(params);
              nextParams.set("page", String(next));
              setParams(nextParams);
            }}
          />
        </section>
      )}
    </section>
  );
}
