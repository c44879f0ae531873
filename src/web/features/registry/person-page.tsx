/**
 * /penduduk/:id — one resident (an audited view with the whole NIK): attributes, household,
 * PPKS classifications, events, history, and links to edit and to open a case about them.
 */
import { Link, useParams } from "react-router";
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH_INSURANCE,
  MARITAL_STATUSES,
  OCCUPATIONS,
  RELATIONS,
  SEXES,
} from "../../../core/person/person-enums.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { RecordHistory } from "../audit/record-history.tsx";
import { Can } from "../auth/can.tsx";
import { useRegionName } from "./household-list-page.tsx";
import { PpksSection } from "./ppks-section.tsx";
import { usePerson } from "./registry.queries.ts";
import { ageOn, enumLabel } from "./registry-format.ts";

export function PersonPage() {
  const { t, language } = useLanguage();
  const { id = "" } = useParams();
  const query = usePerson(id);
  const regionName = useRegionName();
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <section className="page">
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  const p = query.data;
  const none = t("registry.member.none");
  const age = ageOn(p.birthDate);
  const kinds = t("registry.events.kinds", { returnObjects: true }) as Record<string, string>;
  const facts: [string, string | null][] = [
    [t("registry.member.nik"), p.nik ?? t("registry.list.noNik")],
    [t("registry.member.sex"), enumLabel(SEXES, p.sex, language)],
    [
      t("registry.person.birth"),
      [p.birthPlace, p.birthDate ? formatDate(p.birthDate, language) : null].filter(Boolean).join(", ") ||
        null,
    ],
    [t("registry.member.age"), age === null ? null : t("registry.member.ageYears", { count: age })],
    [t("registry.member.relation"), enumLabel(RELATIONS, p.relation, language)],
    [t("registry.person.maritalStatus"), enumLabel(MARITAL_STATUSES, p.maritalStatus, language)],
    [t("registry.person.education"), enumLabel(EDUCATION_LEVELS, p.education, language)],
    [t("registry.person.occupation"), enumLabel(OCCUPATIONS, p.occupation, language)],
    [
      t("registry.person.income"),
      p.monthlyIncome === null ? null : `Rp ${formatCount(p.monthlyIncome, language)}`,
    ],
    [t("registry.member.disability"), enumLabel(DISABILITY_TYPES, p.disability, language)],
    [t("registry.person.chronicIllness"), p.chronicIllness],
    [t("registry.member.insurance"), enumLabel(HEALTH_INSURANCE, p.healthInsurance, language)],
    [t("registry.person.phone"), p.phone],
    [t("registry.household.region"), regionName(p.regionCode)],
  ];
  return (
    <section className="page registry-screen">
      <title>{`${p.name} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[
          { label: t("registry.list.title"), to: "/keluarga" },
          ...(p.householdId
            ? [{ label: t("registry.household.title"), to: `/keluarga/${p.householdId}` }]
            : []),
          { label: p.name },
        ]}
      />
      <header className="page-header">
        <p className="eyebrow">{t("registry.person.title")}</p>
        <h1>{p.name}</h1>
        {p.diedAt && (
          <p className="tag tag-warn">
            {t("registry.member.died", { date: formatDate(p.diedAt, language) })}
          </p>
        )}
        <p className="hint">{t("registry.household.viewAudited")}</p>
      </header>
      <p className="registry-links">
        <Can permission="persons:write">
          <Link className="button" to={`/penduduk/${p.id}/ubah`}>
            {t("registry.member.edit")}
          </Link>
          <Link className="button button-secondary" to={`/kasus/baru?personId=${encodeURIComponent(p.id)}`}>
            {t("registry.household.newCase")}
          </Link>
        </Can>
        {p.householdId ? (
          <Link className="button button-secondary" to={`/keluarga/${p.householdId}`}>
            {t("registry.person.household")}
          </Link>
        ) : (
          <span className="hint">{t("registry.person.noHousehold")}</span>
        )}
      </p>
      <section className="card" aria-label={t("registry.person.title")}>
        <dl className="facts card-body registry-facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value ?? none}</dd>
            </div>
          ))}
        </dl>
      </section>
      <PpksSection classifications={p.ppks} persons={[{ id: p.id, name: p.name, dead: p.diedAt !== null }]} />
      <section className="card" aria-labelledby="person-events">
        <h2 id="person-events" className="card-title">
          {t("registry.household.events")}
          <span className="count">{p.history.length}</span>
        </h2>
        {p.history.length === 0 ? (
          <p className="card-body hint">{t("registry.household.noEvents")}</p>
        ) : (
          <ul className="item-list">
            {p.history.map((e) => (
              <li key={e.id} className="item">
                <p className="item-title">{kinds[e.kind] ?? e.kind}</p>
                <p className="item-meta">{formatDate(e.occurredOn, language)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Can permission="audit:history">
        <RecordHistory table="persons" id={p.id} title={t("registry.household.history")} />
      </Can>
    </section>
  );
}
