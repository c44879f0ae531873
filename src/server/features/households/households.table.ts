import type { Insertable, Selectable, Updateable } from "kysely";

/** A household (keluarga) as on its Kartu Keluarga, at an address in a kelurahan. */
export interface HouseholdTable {
  id: string;
  /** 16-digit KK number; null while the family has no KK (common among PPKS). */
  kk_number: string | null;
  /** The kelurahan's 10-digit code. */
  region_code: string;
  rw: string;
  rt: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  is_demo: number;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type HouseholdRow = Selectable<HouseholdTable>;
export type NewHouseholdRow = Insertable<HouseholdTable>;
export type HouseholdUpdate = Updateable<HouseholdTable>;
