/**
 * /kasus — the cases in my region: filters kept in the address (so a filtered list can be shared
 * and survives a reload), a paged list, and a board by stage toggled from the list.
 */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { STAGES, type Stage, URGENCIES, type Urgency } from "../../../core/cases/case-enums.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { Can } from "../auth/can.tsx";
import { regionText, StageBadge, UrgencyBadge } from "./case-badges.tsx";
import { type CaseFilters, useCases, useCategories } from "./cases.queries.ts";
import { useRegionOptions } from "./region-options.tsx";

const PAGE_SIZE = 20;
/** The board loads this many matching cases at most (the API's largest page). */
const BOARD_MAX = 500;

function isStage(value: string | null): value is Stage {
  return (STAGES as readonly string[]).includes(value ?? "");
}
function isUrgency(value: string | null): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value ?? "");
}

/** The filters the address bar holds. */
export function filtersFrom(params: URLSearchParams): CaseFilters {
  const stage = params.get("stage");
  const urgency = params.get("urgency");
  return {
    region: params.get("region") || undefined,
    category: params.get("category") || undefined,
    urgency: isUrgency(urgency) ? urgency : undefined,
    stage: isStage(stage) ? stage : undefined,
    q: params.get("q") || undefined,
    overdue: params.get("overdue") === "true",
    page: Math.max(1, Number(params.get("page")) || 1),
  };
}

export function CaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const board = params.get("view") === "papan";

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  };

  return (
    <section className="page cases-screen cases-page">
      <title>{`${t("cases.list.title")} · ${t("app.name")}`}</title>
      <header className="page-header page-header-actions">
        <div>
          <h1>{t("cases.list.title")}</h1>
          <p className="lead">{t("cases.list.intro")}</p>
        </div>
        <div className="header-links">
          <Can permission="persons:write">
            <Link className="button" to="/kasus/baru">
              {t("cases.list.newCase")}
            </Link>
          </Can>
          <Can permission="aggregates:read">
            <Link className="button button-secondary" to="/kasus/laporan">
              {t("cases.list.reports")}
            </Link>
          </Can>
        </div>
      </header>

      <Filters filters={filters} board={board} set={set} />

      <fieldset className="view-toggle">
        <legend className="visually-hidden">{t("cases.list.view")}</legend>
        <button type="button" aria-pressed={!board} onClick={() => set("view", "")}>
          {t("cases.list.viewList")}
        </button>
        <button type="button" aria-pressed={board} onClick={() => set("view", "papan")}>
          {t("cases.list.viewBoard")}
        </button>
      </fieldset>

      {board ? (
        <CaseBoard filters={{ ...filters, stage: undefined }} />
      ) : (
        <CaseList filters={filters} onPage={(page) => set("page", String(page))} />
      )}
    </section>
  );
}

function Filters({
  filters,
  board,
  set,
}: {
  filters: CaseFilters;
  board: boolean;
  set: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const categories = useCategories();
  const [params, setParams] = useSearchParams();
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    set("q", String(new FormData(event.currentTarget).get("q") ?? "").trim());
  };
  const reset = () => {
    const next = new URLSearchParams();
    if (params.get("view")) next.set("view", params.get("view") ?? "");
    setParams(next);
  };
  const active = Object.entries(filters).some(([key, value]) => key !== "page" && Boolean(value));
  // Open on wide screens and whenever a filter is set; on a phone the list comes first.
  const [open] = useState(() => active || window.matchMedia("(min-width: 40rem)").matches);
  return (
    <details className="filter-toggle" open={open}>
      <summary>{t("cases.list.filters")}</summary>
      <form className="card filters case-filters" aria-label={t("cases.list.filters")} onSubmit={search}>
        <div className="field">
          <label htmlFor="f-region">{t("cases.list.region")}</label>
          <select id="f-region" value={filters.region ?? ""} onChange={(e) => set("region", e.target.value)}>
            <option value="">{t("cases.list.allRegions")}</option>
            {(regions.data ?? [])
              .filter((r) => r.level === "kecamatan" || r.level === "kelurahan" || r.level === "kota")
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {`${"\u00a0\u00a0".repeat(Math.max(0, r.depth - 1))}${r.label}`}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{t("cases.list.category")}</label>
          <select
            id="f-category"
            value={filters.category ?? ""}
            onChange={(e) => set("category", e.target.value)}
          >
            <option value="">{t("cases.list.allCategories")}</option>
            {(categories.data?.items ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-urgency">{t("cases.list.urgency")}</label>
          <select
            id="f-urgency"
            value={filters.urgency ?? ""}
            onChange={(e) => set("urgency", e.target.value)}
          >
            <option value="">{t("cases.list.allUrgencies")}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`cases.urgency.${u}`)}
              </option>
            ))}
          </select>
        </div>
        {!board && (
          <div className="field">
            <label htmlFor="f-stage">{t("cases.list.stage")}</label>
            <select id="f-stage" value={filters.stage ?? ""} onChange={(e) => set("stage", e.target.value)}>
              <option value="">{t("cases.list.allStages")}</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.stage.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="f-q">{t("cases.list.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} key={filters.q ?? ""} />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue ?? false}
            onChange={(e) => set("overdue", e.target.checked ? "true" : "")}
          />
          {t("cases.list.overdue")}
        </label>
        <div className="actions">
          <button type="submit" className="button">
            {t("cases.list.apply")}
          </button>
          <button type="button" className="button button-secondary" onClick={reset}>
            {t("cases.list.reset")}
          </button>
        </div>
      </form>
    </details>
  );
}

function CaseList({ filters, onPage }: { filters: CaseFilters; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const query = useCases({ ...filters, pageSize: PAGE_SIZE });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (total === 0) return <p className="notice">{t("cases.list.empty")}</p>;
  return (
    <section className="card" aria-labelledby="case-list-heading">
      <h2 id="case-list-heading" className="card-title">
        {t("cases.list.found", { count: total })}
      </h2>
      <ul className="item-list case-list">
        {items.map((kase) => (
          <li key={kase.id} className="item">
            <CaseCard kase={kase} />
          </li>
        ))}
      </ul>
      <Pager page={filters.page ?? 1} pageSize={PAGE_SIZE} total={total} onPage={onPage} />
    </section>
  );
}

/** One case in the list or on the board. */
function CaseCard({ kase, compact = false }: { kase: CaseDto; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <article className="case-card">
      <p className="case-card-top">
        <Link className="case-number" to={`/kasus/${kase.id}`}>
          {kase.caseNumber}
        </Link>
        <UrgencyBadge urgency={kase.urgency} />
        {!compact && <StageBadge stage={kase.stage} />}
      </p>
      <p className="case-subject">
        <span className="case-subject-type">{t(`cases.subjectType.${kase.subjectType}`)}</span>{" "}
        {kase.subjectLabel}
      </p>
      <p className="item-meta">
        {kase.categoryName} · {regionText(kase)}
      </p>
      {kase.overdueTasks > 0 && (
        <p className="tag tag-danger">{t("cases.list.overdueTasks", { count: kase.overdueTasks })}</p>
      )}
    </article>
  );
}

function CaseBoard({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const query = useCases({ ...filters, page: 1, pageSize: BOARD_MAX });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const byStage = new Map<Stage, CaseDto[]>(STAGES.map((s) => [s, []]));
  for (const kase of query.data.items) byStage.get(kase.stage)?.push(kase);
  return (
    <>
      {query.data.total > BOARD_MAX && (
        <p className="hint">{t("cases.list.boardNote", { max: BOARD_MAX })}</p>
      )}
      <div className="case-board">
        {STAGES.map((stage) => {
          const items = byStage.get(stage) ?? [];
          return (
            <section key={stage} className="board-column" aria-labelledby={`col-${stage}`}>
              <h2 id={`col-${stage}`} className="board-title">
                <StageBadge stage={stage} /> <span className="count">{items.length}</span>
              </h2>
              {items.length === 0 ? (
                <p className="muted">{t("cases.list.columnEmpty")}</p>
              ) : (
                <ul className="board-list">
                  {items.map((kase) => (
                    <li key={kase.id}>
                      <CaseCard kase={kase} compact />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
