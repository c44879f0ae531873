import type { Generated, Insertable, Selectable } from "kysely";

/** The 12 PSKS kinds (Permensos 08/2012), loaded from data/psks.csv. */
export interface PsksKindTable {
  code: string;
  name: string;
  sort_order: number;
  active: number;
  updated_at: string;
}

/** A social-welfare resource of an area (an LKS, a Karang Taruna, a helping business, …). */
export interface PsksOrganisationTable {
  id: string;
  kind_code: string;
  name: string;
  /** Region it serves: kelurahan, kecamatan or kota code. */
  region_code: string;
  address: string | null;
  contact_name: string | null;
  phone: string | null;
  note: string | null;
  /** 1 for the demo seed's organisations (replaced when it runs again). */
  is_demo: Generated<number>;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type PsksKindRow = Selectable<PsksKindTable>;
export type PsksOrganisationRow = Selectable<PsksOrganisationTable>;
export type NewPsksOrganisationRow = Insertable<PsksOrganisationTable>;
