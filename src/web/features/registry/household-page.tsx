/**
 * /keluarga/:id — one household: address (dotted region code and name, RW/RT), members with
 * their events (move, death, first NIK), PPKS classifications, the event list and the audited
 * change history, and a link to open a case about the household. Loading it is an audited view.
 */
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { RecordHistory } from "../audit/record-history.tsx";
import { Can } from "../auth/can.tsx";
import { useRegionName } from "./household-list-page.tsx";
import { HouseholdMembers } from "./household-members.tsx";
import { PpksSection } from "./ppks-section.tsx";
import { type HouseholdDetail, useHousehold } from "./registry.queries.ts";
import { maskedNumber } from "./registry-format.ts";

export function HouseholdPage() {
  const { t } = useLanguage();
  const { id = "" } = useParams();
  const query = useHousehold(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <section className="page">
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  const household = query.data;
  return (
    <section className="page registry-screen">
      <title>{`${household.address} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[{ label: t("registry.list.title"), to: "/keluarga" }, { label: household.address }]}
      />
      <header className="page-header">
        <p className="eyebrow">{t("registry.household.title")}</p>
        <h1>{household.address}</h1>
        <p className="hint">{t("registry.household.viewAudited")}</p>
      </header>
      <HouseholdFacts household={household} />
      <p className="registry-links">
        <Can permission="persons:write">
          <Link className="button" to={`/keluarga/${household.id}/anggota/baru`}>
            {t("registry.household.addPerson")}
          </Link>
        </Can>
        <Can permission="households:write">
          <Link className="button button-secondary" to={`/keluarga/${household.id}/ubah`}>
            {t("registry.household.edit")}
          </Link>
        </Can>
        <Can permission="households:write">
          <Link className="button button-secondary" to={`/keluarga/${household.id}/penilaian`}>
            {t("assessments.assess")}
          </Link>
        </Can>
        <Can permission="persons:write">
          <Link
            className="button button-secondary"
            to={`/kasus/baru?householdId=${encodeURIComponent(household.id)}`}
          >
            {t("registry.household.newCase")}
          </Link>
        </Can>
      </p>
      <HouseholdMembers household={household} />
      <PpksSection
        classifications={household.ppks}
        persons={household.members.map((m) => ({ id: m.id, name: m.name, dead: m.diedAt !== null }))}
        householdId={household.id}
      />
      <EventList household={household} />
      <Can permission="audit:history">
        <RecordHistory table="households" id={household.id} title={t("registry.household.history")} />
      </Can>
    </section>
  );
}

function HouseholdFacts({ household }: { household: HouseholdDetail }) {
  const { t } = useLanguage();
  const regionName = useRegionName();
  const [showKk, setShowKk] = useState(false);
  return (
    <section className="card" aria-label={t("registry.household.title")}>
      <dl className="facts card-body registry-facts">
        <div>
          <dt>{t("registry.household.kk")}</dt>
          <dd>
            {household.kkNumber === null ? (
              t("registry.list.noKk")
            ) : (
              <>
                <span className="registry-number">
                  {showKk ? household.kkNumber : maskedNumber(household.kkNumber)}
                </span>{" "}
                <button type="button" className="registry-link-button" onClick={() => setShowKk((v) => !v)}>
                  {showKk ? t("registry.member.hideKk") : t("registry.member.showKk")}
                </button>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("registry.household.region")}</dt>
          <dd>{regionName(household.regionCode)}</dd>
        </div>
        <div>
          <dt>{t("registry.household.rwRt")}</dt>
          <dd>
            {household.rw} / {household.rt}
          </dd>
        </div>
        {household.latitude !== null && household.longitude !== null && (
          <div>
            <dt>{t("registry.household.coordinates")}</dt>
            <dd>
              <a
                href={`https://www.openstreetmap.org/?mlat=${household.latitude}&mlon=${household.longitude}#map=18/${household.latitude}/${household.longitude}`}
                target="_blank"
                rel="noreferrer"
              >
                {household.latitude.toFixed(5)}, {household.longitude.toFixed(5)}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function EventList({ household }: { household: HouseholdDetail }) {
  const { t, language } = useLanguage();
  const names = new Map(household.members.map((m) => [m.id, m.name]));
  const kinds = t("registry.events.kinds", { returnObjects: true }) as Record<string, string>;
  return (
    <section className="card" aria-labelledby="household-events">
      <h2 id="household-events" className="card-title">
        {t("registry.household.events")}
        <span className="count">{household.history.length}</span>
      </h2>
      {household.history.length === 0 ? (
        <p className="card-body hint">{t("registry.household.noEvents")}</p>
      ) : (
        <ul className="item-list">
          {household.history.map((e) => (
            <li key={e.id} className="item">
              <p className="item-title">{kinds[e.kind] ?? e.kind}</p>
              <p className="item-meta">
                {formatDate(e.occurredOn, language)}
                {e.personId && names.get(e.personId) ? ` · ${names.get(e.personId)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
