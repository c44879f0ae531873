import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** A resident. NIK is unique when present; persons without one carry nik_status 'belum_ada'. */
export interface PersonTable {
  id: string;
  household_id: string | null;
  nik: string | null;
  /** ada | belum_ada */
  nik_status: string;
  name: string;
  /** normalizeName(name): what name matching compares. */
  name_normalized: string;
  /** phoneticKey(name): the search key, indexed (B-tree; FTS5 trigram on SQLite, pg_trgm on PostgreSQL). */
  name_phonetic: Generated<string>;
  /** L | P */
  sex: string;
  birth_place: string | null;
  /** YYYY-MM-DD */
  birth_date: string | null;
  /** Relation to the head of family, as on the KK (kepala_keluarga, istri, anak, …). */
  relation: string;
  marital_status: string | null;
  education: string | null;
  occupation: string | null;
  /** Rupiah per month. */
  monthly_income: number | null;
  disability: string | null;
  chronic_illness: string | null;
  /** pbi | non_pbi | none */
  health_insurance: string | null;
  phone: string | null;
  /** The kelurahan's code (the household's, or where a person without household was found). */
  region_code: string;
  died_at: string | null;
  /** Set when a reviewer merged this record into another; the record and its history stay. */
  merged_into_id: string | null;
  is_demo: number;
  seq: number;
  created_at: string;
  updated_at: string;
}

export type PersonRow = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
