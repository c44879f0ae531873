import type { Generated, Insertable, Selectable } from "kysely";

/** The PPKS catalogue (Permensos 08/2012), loaded from data/ppks.csv. */
export interface PpksCategoryTable {
  /** Two digits, 01–26. */
  code: string;
  name: string;
  /** anak, lanjut_usia, disabilitas, tuna_sosial, … */
  group_code: string;
  sort_order: number;
  active: number;
  updated_at: string;
}

/** A PPKS classification of a person (person_id set) or a whole household (household_id only). */
export interface PpksClassificationTable {
  id: string;
  person_id: string | null;
  household_id: string | null;
  category_code: string;
  /** YYYY-MM-DD */
  found_on: string;
  /** temuan_lapangan | laporan_warga | dtks | rujukan_instansi | impor */
  source: string;
  worker_id: string | null;
  /** aktif | ditangani | selesai */
  status: string;
  note: string | null;
  region_code: string;
  /** 1 for the demo seed's classifications, which a new seed replaces. */
  is_demo: Generated<number>;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type PpksCategoryRow = Selectable<PpksCategoryTable>;
export type PpksClassificationRow = Selectable<PpksClassificationTable>;
export type NewPpksClassificationRow = Insertable<PpksClassificationTable>;
