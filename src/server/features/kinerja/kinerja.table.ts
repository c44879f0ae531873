import type { Selectable } from "kysely";

/** A monthly target for every worker of a role (set by the Suku Dinas). */
export interface KinerjaTargetTable {
  id: string;
  /** tksk | psm */
  role: string;
  /** A count indicator (COUNT_INDICATORS in src/core/kinerja/kinerja.ts). */
  indicator: string;
  /** YYYY-MM */
  month: string;
  target: number;
  set_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A worker far behind a target: a task for their supervisor (the TKSK of the kecamatan, or the Suku Dinas). */
export interface KinerjaAlertTable {
  id: string;
  worker_id: string;
  /** The TKSK of the worker's kecamatan; null for a TKSK (the Suku Dinas follows up). */
  supervisor_worker_id: string | null;
  region_code: string;
  indicator: string;
  month: string;
  target: number;
  actual: number;
  expected: number;
  /** open | resolved */
  status: string;
  raised_at: string;
  resolved_at: string | null;
  seq: number;
}

export type KinerjaTargetRow = Selectable<KinerjaTargetTable>;
export type KinerjaAlertRow = Selectable<KinerjaAlertTable>;

export interface KinerjaTables {
  kinerja_targets: KinerjaTargetTable;
  kinerja_alerts: KinerjaAlertTable;
}
