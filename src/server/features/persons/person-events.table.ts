import type { Insertable, Selectable } from "kysely";

/**
 * What happened to a person or household, kept instead of overwriting: moved to another
 * household, died, household moved to another address, NIK added, merged with a duplicate.
 */
export interface PersonEventTable {
  id: string;
  /** person_moved | person_died | household_moved | nik_added | person_merged */
  kind: string;
  person_id: string | null;
  household_id: string | null;
  /** JSON: the values before and after (from/to household, old/new address, …). */
  details: string;
  /** YYYY-MM-DD */
  occurred_on: string;
  region_code: string;
  recorded_by: string | null;
  seq: number;
  created_at: string;
}

export type PersonEventRow = Selectable<PersonEventTable>;
export type NewPersonEventRow = Insertable<PersonEventTable>;
