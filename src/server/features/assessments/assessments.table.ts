import type { Insertable, Selectable } from "kysely";

/** A version of an indicator set; never changed once an assessment uses it (a new version is made). */
export interface IndicatorSetTable {
  id: string;
  /** Stable name of the set across versions (`ikm-peduli`). */
  code: string;
  version: number;
  name: string;
  description: string | null;
  /** The engine definition with form metadata (IndicatorSetDefinition), as JSON text. */
  definition_json: string;
  created_by: string | null;
  created_at: string;
}

/** One visit's assessment of a household with the engine's verdict stored beside the answers. */
export interface AssessmentTable {
  id: string;
  household_id: string;
  /** The household's kelurahan and RW at the time of the assessment. */
  region_code: string;
  rw: string;
  indicator_set_id: string;
  /** YYYY-MM-DD */
  assessed_on: string;
  /** Calendar quarter of assessed_on: `2026-Q1`. */
  period: string;
  /** Living members when assessed: the weight that turns household figures into person figures. */
  household_size: number;
  values_json: string;
  /** c_i with normalised weights. */
  score: number;
  is_poor: number;
  /** Bit j set when deprived in the set's indicator j. */
  deprivation_mask: number;
  /** Deprived indicator ids, comma-separated, in the set's order. */
  deprived_ids: string;
  /** 1 for the latest assessment of the household in its period. */
  is_latest: number;
  assessor_id: string | null;
  is_demo: number;
  seq: number;
  created_at: string;
}

export type IndicatorSetRow = Selectable<IndicatorSetTable>;
export type AssessmentRow = Selectable<AssessmentTable>;
export type NewAssessmentRow = Insertable<AssessmentTable>;
