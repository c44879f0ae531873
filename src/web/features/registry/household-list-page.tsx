/**
 * /keluarga — households or people in my region: filters kept in the address bar (shareable,
 * survive a reload), one page at a time from the server (never the whole registry), NIK and KK
 * masked as the list endpoints send them, and downloads within the current filters.
 */
import { useMemo } from "react";
import { Link } from "react-router";
import type { HouseholdDto, PersonDto } from "../../../core/api/registry.schema.ts";
import { SEXES } from "../../../core/person/person-enums.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import {
  FilterPanel,
  formTexts,
  PagedList,
  RegionFilter,
  useAddressFilters,
} from "../../components/list-filters.tsx";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { type RegionOption, useRegionOptions } from "../cases/region-options.tsx";
import {
  exportHref,
  householdSearch,
  PAGE_SIZE,
  personSearch,
  type RegistryFilters,
  registryFiltersFrom,
  useHouseholds,
  usePersons,
  usePpksCategories,
} from "./registry.queries.ts";
import { ageOn, enumLabel } from "./registry-format.ts";

/** "31.71.01.1005 Kebon Kelapa" from the region tree, or the dotted code alone. */
export function useRegionName(): (code: string) => string {
  const regions = useRegionOptions();
  return useMemo(() => {
    const byCode = new Map<string, RegionOption>((regions.data ?? []).map((r) => [r.code, r]));
    return (code: string) => byCode.get(code)?.label ?? formatRegionCode(code);
  }, [regions.data]);
}

export function HouseholdListPage() {
  const { t } = useLanguage();
  const { params, set } = useAddressFilters();
  const filters = registryFiltersFrom(params);

  return (
    <section className="page registry-screen">
      <title>{`${t("registry.list.title")} · ${t("app.name")}`}</title>
      <header className="page-header registry-header">
        <div>
          <h1>{t("registry.list.title")}</h1>
          <p className="lead">{t("registry.list.intro")}</p>
        </div>
        <div className="registry-links">
          <Can permission="households:write">
            <Link className="button" to="/keluarga/baru">
              {t("registry.list.newHousehold")}
            </Link>
          </Can>
          <Can permission="persons:write">
            <Link className="button button-secondary" to="/keluarga/impor">
              {t("registry.list.import")}
            </Link>
          </Can>
          <Can permission="persons:read">
            <Link className="button button-secondary" to="/keluarga/duplikat">
              {t("registry.list.duplicates")}
            </Link>
          </Can>
        </div>
      </header>

      <Filters filters={filters} set={set} />

      <fieldset className="registry-toggle">
        <legend className="visually-hidden">{t("registry.list.view")}</legend>
        <button type="button" aria-pressed={filters.view === "keluarga"} onClick={() => set({ view: "" })}>
          {t("registry.list.viewHouseholds")}
        </button>
        <button type="button" aria-pressed={filters.view === "jiwa"} onClick={() => set({ view: "jiwa" })}>
          {t("registry.list.viewPersons")}
        </button>
      </fieldset>

      {filters.view === "jiwa" ? (
        <PersonList filters={filters} onPage={(page) => set({ page: String(page) })} />
      ) : (
        <HouseholdList filters={filters} onPage={(page) => set({ page: String(page) })} />
      )}

      <Can permission="registry:export">
        <section className="card registry-export" aria-labelledby="registry-export-heading">
          <h2 id="registry-export-heading" className="card-title">
            {t("registry.list.export")}
          </h2>
          <div className="card-body">
            <p className="hint">{t("registry.list.exportNote")}</p>
            <p className="registry-links">
              <a className="button button-secondary" href={exportHref(filters, "csv")} download>
                {t("registry.list.exportCsv")}
              </a>
              <a className="button button-secondary" href={exportHref(filters, "xlsx")} download>
                {t("registry.list.exportXlsx")}
              </a>
            </p>
          </div>
        </section>
      </Can>
    </section>
  );
}

function Filters({ filters, set }: { filters: RegistryFilters; set: (c: Record<string, string>) => void }) {
  const { t } = useLanguage();
  const regions = useRegionOptions();
  const categories = usePpksCategories();
  const persons = filters.view === "jiwa";
  const active = Boolean(filters.region || filters.rw || filters.ppks || filters.q || filters.ageMin);
  return (
    <FilterPanel
      title={t("registry.list.filters")}
      active={active}
      className="registry-filter-toggle"
      formClassName="card registry-filters"
      onSubmit={(event) => set(formTexts(event, ["q", "rw", "ageMin", "ageMax"]))}
    >
      <div className="field registry-search">
        <label htmlFor="r-q">
          {persons ? t("registry.list.searchPersons") : t("registry.list.searchHouseholds")}
        </label>
        <input id="r-q" name="q" type="search" defaultValue={filters.q ?? ""} key={`q:${filters.q ?? ""}`} />
      </div>
      <RegionFilter
        id="r-region"
        label={t("registry.list.region")}
        allLabel={t("registry.list.allRegions")}
        value={filters.region}
        regions={regions.data}
        onChange={(code) => set({ region: code })}
      />
      <div className="field registry-narrow">
        <label htmlFor="r-rw">{t("registry.list.rw")}</label>
        <input
          id="r-rw"
          name="rw"
          inputMode="numeric"
          pattern="\d{1,3}"
          maxLength={3}
          defaultValue={filters.rw ?? ""}
          key={`rw:${filters.rw ?? ""}`}
        />
      </div>
      {persons && (
        <>
          <div className="field">
            <label htmlFor="r-ppks">{t("registry.list.ppks")}</label>
            <select id="r-ppks" value={filters.ppks ?? ""} onChange={(e) => set({ ppks: e.target.value })}>
              <option value="">{t("registry.list.allPpks")}</option>
              {(categories.data?.items ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {`${c.code} ${c.name}`}
                </option>
              ))}
            </select>
          </div>
          <div className="registry-age">
            <div className="field">
              <label htmlFor="r-age-min">{t("registry.list.ageMin")}</label>
              <input
                id="r-age-min"
                name="ageMin"
                inputMode="numeric"
                pattern="\d{1,3}"
                defaultValue={filters.ageMin ?? ""}
                key={`a:${filters.ageMin ?? ""}`}
              />
            </div>
            <div className="field">
              <label htmlFor="r-age-max">{t("registry.list.ageMax")}</label>
              <input
                id="r-age-max"
                name="ageMax"
                inputMode="numeric"
                pattern="\d{1,3}"
                defaultValue={filters.ageMax ?? ""}
                key={`b:${filters.ageMax ?? ""}`}
              />
            </div>
          </div>
        </>
      )}
      <div className="actions">
        <button type="submit" className="button">
          {t("registry.list.apply")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set({ region: "", rw: "", ppks: "", q: "", ageMin: "", ageMax: "" })}
        >
          {t("registry.list.reset")}
        </button>
      </div>
    </FilterPanel>
  );
}

function HouseholdList({ filters, onPage }: { filters: RegistryFilters; onPage: (page: number) => void }) {
  const { t } = useLanguage();
  const regionName = useRegionName();
  return (
    <PagedList
      query={useHouseholds(householdSearch(filters))}
      headingId="household-list-heading"
      heading={(data) => t("registry.list.householdsFound", { count: data.total })}
      empty={t("registry.list.empty")}
      page={filters.page}
      pageSize={PAGE_SIZE}
      onPage={onPage}
      itemKey={(h: HouseholdDto) => h.id}
      renderItem={(h: HouseholdDto) => <HouseholdItem household={h} regionName={regionName} />}
    />
  );
}

function HouseholdItem({
  household,
  regionName,
}: {
  household: HouseholdDto;
  regionName: (code: string) => string;
}) {
  const { t } = useLanguage();
  return (
    <div className="item-main">
      <p className="item-title">
        <Link to={`/keluarga/${household.id}`}>{household.address}</Link>
      </p>
      <p className="item-meta">
        <span className="registry-number">{household.kkNumber ?? t("registry.list.noKk")}</span>
        {household.memberCount !== undefined && (
          <> · {t("registry.list.members", { count: household.memberCount })}</>
        )}
      </p>
      <p className="item-meta">
        RW {household.rw} / RT {household.rt} · {regionName(household.regionCode)}
      </p>
    </div>
  );
}

function PersonList({ filters, onPage }: { filters: RegistryFilters; onPage: (page: number) => void }) {
  const { t, language } = useLanguage();
  const regionName = useRegionName();
  return (
    <PagedList
      query={usePersons(personSearch(filters))}
      headingId="person-list-heading"
      heading={(data) =>
        data.totalIsLowerBound
          ? t("registry.list.personsFoundAtLeast", { total: formatCount(data.total, language) })
          : t("registry.list.personsFound", { count: data.total })
      }
      empty={t("registry.list.empty")}
      page={filters.page}
      pageSize={PAGE_SIZE}
      onPage={onPage}
      itemKey={(p: PersonDto) => p.id}
      renderItem={(p: PersonDto) => <PersonItem person={p} regionName={regionName} />}
    />
  );
}

function PersonItem({ person, regionName }: { person: PersonDto; regionName: (code: string) => string }) {
  const { t, language } = useLanguage();
  const age = ageOn(person.birthDate);
  const to = person.householdId ? `/keluarga/${person.householdId}` : `/penduduk/${person.id}`;
  return (
    <div className="item-main">
      <p className="item-title">
        <Link to={to}>{person.name}</Link>
        {person.diedAt && <span className="tag">{t("registry.list.died")}</span>}
      </p>
      <p className="item-meta registry-number">{person.nik ?? t("registry.list.noNik")}</p>
      <p className="item-meta">
        {enumLabel(SEXES, person.sex, language)}
        {age !== null && <> · {t("registry.member.ageYears", { count: age })}</>}
      </p>
      <p className="item-meta">{regionName(person.regionCode)}</p>
    </div>
  );
}
