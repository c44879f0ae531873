import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import type { RegionDetail } from "../../api/client.ts";
import { Breadcrumb, type Crumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { NewCaseLink } from "../cases/new-case-link.tsx";
import { kindLabel, kindsHeading } from "./region-kind.ts";
import { RegionTable } from "./region-table.tsx";
import { useRegion } from "./regions.queries.ts";

/** /wilayah/:code — one region: where it sits, its totals, and the regions within it. */
export function RegionPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const query = useRegion(code);
  const home: Crumb = { label: t("regions.allRegions"), to: "/wilayah" };

  if (query.isPending)
    return (
      <section className="page">
        <Breadcrumb items={[home]} />
        <LoadingState />
      </section>
    );
  if (query.isError)
    return (
      <section className="page">
        <title>{`${t("errors.title")} · ${t("app.name")}`}</title>
        <Breadcrumb items={[home]} />
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  return <RegionView detail={query.data} home={home} />;
}

function RegionView({ detail, home }: { detail: RegionDetail; home: Crumb }) {
  const { t, language } = useLanguage();
  const { region, ancestors } = detail;
  const children = region.children ?? [];
  const crumbs: Crumb[] = [
    home,
    ...ancestors.map((a) => ({ label: a.name, to: `/wilayah/${a.code}` })),
    { label: region.name },
  ];
  return (
    <section className="page">
      <title>{`${region.name} · ${t("app.name")}`}</title>
      <Breadcrumb items={crumbs} />
      <header className="page-header">
        <p className="eyebrow">{kindLabel(t, region.kind)}</p>
        <h1>{region.name}</h1>
        <p className="region-facts">
          <span className="code">{formatRegionCode(region.code)}</span>
          {region.postalCode && <span>{t("regions.postalCode", { postalCode: region.postalCode })}</span>}
        </p>
        <NewCaseLink region={region} />
        <Can permission="households:read">
          <p>
            <Link className="button button-secondary" to={`/wilayah/${region.code}/psks`}>
              {t("registry.psks.title")}
            </Link>
          </p>
        </Can>
      </header>

      <dl className="stats" aria-label={t("regions.totals")}>
        <div className="stat">
          <dt>{t("regions.households")}</dt>
          <dd>{formatCount(region.households, language)}</dd>
        </div>
        <div className="stat">
          <dt>{t("regions.persons")}</dt>
          <dd>{formatCount(region.persons, language)}</dd>
        </div>
      </dl>

      <ChildRegions region={region} items={children} />
    </section>
  );
}

function ChildRegions({ region, items }: { region: RegionDto; items: RegionDto[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="notice">{t("regions.noChildren", { name: region.name })}</p>;
  const heading = t("regions.childrenIn", {
    kinds: kindsHeading(
      t,
      items.map((c) => c.kind),
    ),
    name: region.name,
  });
  return (
    <section className="card" aria-labelledby="children-heading">
      <h2 id="children-heading" className="card-title">
        {heading} <span className="count">{items.length}</span>
      </h2>
      <RegionTable regions={items} caption={heading} />
    </section>
  );
}
