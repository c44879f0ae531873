import { useQuery } from "@tanstack/react-query";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { api } from "../../api/api.ts";
import type { RegionList } from "../../api/client.ts";
import { useLanguage } from "../../i18n/i18n.ts";

interface RegionGroup {
  label: string;
  options: { code: string; name: string }[];
}

/** The regions of one level, grouped by their parent (kecamatan by kota, kelurahan by kecamatan). */
export function regionGroups(roots: RegionDto[], level: "kecamatan" | "kelurahan"): RegionGroup[] {
  const groups: RegionGroup[] = [];
  const walk = (region: RegionDto) => {
    const children = region.children ?? [];
    const matching = children.filter((c) => c.level === level);
    if (matching.length > 0)
      groups.push({ label: region.name, options: matching.map((c) => ({ code: c.code, name: c.name })) });
    for (const child of children) walk(child);
  };
  for (const root of roots) walk(root);
  return groups;
}

/** A select of kecamatan (for a TKSK) or kelurahan (for a PSM), from GET /api/v1/regions. */
export function RegionSelect({
  level,
  value,
  onChange,
  id,
}: {
  level: "kecamatan" | "kelurahan";
  value: string;
  onChange: (code: string) => void;
  id?: string;
}) {
  const { t } = useLanguage();
  const query = useQuery({
    queryKey: ["regions", "tree"],
    queryFn: ({ signal }) => api.get<RegionList>("/regions", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const groups = query.data ? regionGroups(query.data.items, level) : [];
  return (
    <select id={id} required value={value} onChange={(e) => onChange(e.target.value)} disabled={!query.data}>
      <option value="">{query.isPending ? t("common.loading") : t(`users.choose.${level}`)}</option>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((o) => (
            <option key={o.code} value={o.code}>
              {`${formatRegionCode(o.code)} ${o.name}`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
