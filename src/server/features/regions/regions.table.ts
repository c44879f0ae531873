import type { Insertable, Selectable } from "kysely";

/** Kemendagri regions: provinsi → kota/kabupaten → kecamatan → kelurahan/desa. Codes are digits only. */
export interface RegionTable {
  code: string;
  name: string;
  /** provinsi | kota | kabupaten | kecamatan | kelurahan | desa */
  kind: string;
  parent_code: string | null;
  postal_code: string | null;
  created_at: string;
  updated_at: string;
}

export type RegionRow = Selectable<RegionTable>;
export type NewRegionRow = Insertable<RegionTable>;
