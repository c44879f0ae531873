/** Region choices for the case screens, from the region tree (GET /api/v1/regions). */
import { useQuery } from "@tanstack/react-query";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { api } from "../../api/api.ts";
import type { RegionList } from "../../api/client.ts";

export interface RegionOption {
  code: string;
  label: string;
  level: string;
  depth: number;
}

/** Every kota, kecamatan and kelurahan in tree order, labelled "31.71.01 Gambir". */
export function regionOptions(roots: RegionDto[]): RegionOption[] {
  const out: RegionOption[] = [];
  const walk = (region: RegionDto, depth: number) => {
    if (region.level !== "provinsi")
      out.push({
        code: region.code,
        label: `${formatRegionCode(region.code)} ${region.name}`,
        level: region.level,
        depth,
      });
    for (const child of region.children ?? []) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return out;
}

export function useRegionOptions() {
  return useQuery({
    queryKey: ["regions", "tree"],
    queryFn: ({ signal }) => api.get<RegionList>("/regions", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    select: (list) => regionOptions(list.items),
  });
}
