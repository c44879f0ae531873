import type { Selectable } from "kysely";

/**
 * Counters per kelurahan behind the dashboards. `day` is '' for a stock (persons registered now,
 * open cases by urgency), the WIB day for a flow (cases opened that day) and the due day for open
 * follow-ups. Rebuilt per kelurahan whenever its rows change (dashboards.refresh.ts).
 */
export interface RegionStatsTable {
  region_code: string;
  metric: string;
  key: string;
  day: string;
  value: number;
}

/** One row (id 1): the change number up to which region_stats is current. */
export interface RegionStatsStateTable {
  id: number;
  seq: number;
  refreshed_at: string;
  /** When every kelurahan was last recomputed (moves between kelurahan are settled then). */
  rebuilt_at: string;
}

export type RegionStatsRow = Selectable<RegionStatsTable>;

export interface DashboardTables {
  region_stats: RegionStatsTable;
  region_stats_state: RegionStatsStateTable;
}
