import type { Insertable, Selectable, Updateable } from "kysely";

/** The field workforce: one TKSK per kecamatan, one PSM per kelurahan (more are allowed). */
export interface WorkerTable {
  id: string;
  name: string;
  /** tksk | psm */
  role: string;
  /** The region the worker is assigned to: a kecamatan for a TKSK, a kelurahan for a PSM. */
  region_code: string;
  phone: string | null;
  /** 1 when created by the demo seed. */
  is_demo: number;
  active: number;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type WorkerRow = Selectable<WorkerTable>;
export type NewWorkerRow = Insertable<WorkerTable>;
export type WorkerUpdate = Updateable<WorkerTable>;
