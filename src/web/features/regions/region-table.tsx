import { Link } from "react-router";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { kindLabel } from "./region-kind.ts";

/**
 * Regions as rows that open the region: name, dotted code and kind in the first cell (so the
 * table fits a phone), households and persons right-aligned. The whole row is the touch target.
 */
export function RegionTable({ regions, caption }: { regions: RegionDto[]; caption: string }) {
  const { t, language } = useLanguage();
  return (
    <table className="region-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("regions.name")}</th>
          <th scope="col" className="num">
            {t("regions.households")}
          </th>
          <th scope="col" className="num">
            {t("regions.persons")}
          </th>
        </tr>
      </thead>
      <tbody>
        {regions.map((region) => (
          <tr key={region.code}>
            <th scope="row" className="region-cell">
              <Link className="row-link" to={`/wilayah/${region.code}`}>
                {region.name}
              </Link>
              <span className="region-meta">
                <span className="code">{formatRegionCode(region.code)}</span>
                <span className="kind">{kindLabel(t, region.kind)}</span>
              </span>
            </th>
            <td className="num">{formatCount(region.households, language)}</td>
            <td className="num">{formatCount(region.persons, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
