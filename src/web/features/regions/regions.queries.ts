/** Region data for the pages, through TanStack Query (cached per code, refetched when stale). */
import { useQuery } from "@tanstack/react-query";
import type { RegionDto } from "../../../core/api/regions.schema.ts";
import { api } from "../../api/api.ts";
import type { RegionDetail, RegionList } from "../../api/client.ts";

export const regionKeys = {
  all: ["regions"] as const,
  roots: () => [...regionKeys.all, "roots"] as const,
  detail: (code: string) => [...regionKeys.all, "detail", code] as const,
};

/** The top-level regions (usually one provinsi), without their subtrees. */
export function useRootRegions() {
  return useQuery({
    queryKey: regionKeys.roots(),
    queryFn: ({ signal }) => api.get<RegionList>("/regions?depth=0", { signal }),
    // The list endpoint returns whole trees; the page shows only the roots.
    select: (list): RegionDto[] => list.items.map(({ children: _children, ...root }) => root),
  });
}

/** One region with its direct children and its ancestors. */
export function useRegion(code: string) {
  return useQuery({
    queryKey: regionKeys.detail(code),
    queryFn: ({ signal }) =>
      api.get<RegionDetail>(`/regions/${encodeURIComponent(code)}?depth=1`, { signal }),
  });
}
