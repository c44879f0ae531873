/**
 * /kasus — the cases in my region: filters kept in the address (so a filtered list can be shared
 * and survives a reload), a paged list, and a board by stage toggled from the list.
 */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { STAGES, type Stage, URGENCIES, type Urgency } from "../../../core/cases/case-enums.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import {
  FilterPanel,
  formTexts,
  PagedList,
  RegionFilter,
  useAddressFilters,
} from "../../components/list-filters.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
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
  const address = useAddressFilters();
  const filters = filtersFrom(address.params);
  const board = address.params.get("view") === "papan";
  const set = (key: string, value: string) => address.set({ [key]: value });

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

      <Filters filters={filters} board={board} set={set} reset={() => address.reset(["view"])} />

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
  reset,
}: {
  filters: CaseFilters;
  board: boolean;
  set: (key: string, value: string) => void;
  reset: () => void;
}) {
  const { t } = useTranslation();
  const regions = useRegionOptions();
  const categories = useCategories();
  const active = Object.entries(filters).some(([key, value]) => key !== "page" && Boolean(value));
  return (
    <FilterPanel
      title={t("cases.list.filters")}
      active={active}
      className="filter-toggle"
      formClassName="card filters case-filters"
      onSubmit={(event) => set("q", formTexts(event, ["q"]).q ?? "")}
    >
      <RegionFilter
        id="f-region"
        label={t("cases.list.region")}
        allLabel={t("cases.list.allRegions")}
        value={filters.region}
        regions={regions.data}
        onChange={(code) => set("region", code)}
      />
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
        <select id="f-urgency" value={filters.urgency ?? ""} onChange={(e) => set("urgency", e.target.value)}>
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
    </FilterPanel>
  );
}

function CaseList({ filters, onPage }: { filters: CaseFilters; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const query = useCases({ ...filters, pageSize: PAGE_SIZE });
  return (
    <PagedList
      query={query}
      headingId="case-list-heading"
      heading={(data) => t("cases.list.found", { count: data.total })}
      empty={t("cases.list.empty")}
      page={filters.page ?? 1}
      pageSize={PAGE_SIZE}
      onPage={onPage}
      listClassName="item-list case-list"
      itemKey={(kase: CaseDto) => kase.id}
      renderItem={(kase: CaseDto) => <CaseCard kase={kase} />}
    />
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
