import { useQueries, useQuery } from "@tanstack/react-query";
import type { DashboardDto } from "../../../core/api/dashboards.schema.ts";
import { api } from "../../api/api.ts";

/** The month as from/to days. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

const path = (code: string, month: string) => {
  const p = monthPeriod(month);
  return `/dashboards/regions/${encodeURIComponent(code)}?from=${p.from}&to=${p.to}`;
};

export function useDashboard(code: string, month: string) {
  return useQuery({
    queryKey: ["dashboard", code, month],
    queryFn: ({ signal }) => api.get<DashboardDto>(path(code, month), { signal }),
  });
}

/** The dashboards of several regions (the kecamatan of a kota, for the kelurahan map). */
export function useDashboards(codes: string[], month: string) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: ["dashboard", code, month],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DashboardDto>(path(code, month), { signal }),
    })),
  });
}
