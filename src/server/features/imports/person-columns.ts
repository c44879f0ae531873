/**
 * The persons columns the import writes, in the one order every import statement binds them:
 * the bulk path (person-bulk.repository.ts), the row-by-row stores (person-import.repository.ts)
 * and the "did anything change" check of a re-import (person-import.writer.ts).
 */

/** A person's own values, between its ids (`id`, `nik`) and its change number (`seq`). */
export const PERSON_FIELDS = [
  "household_id",
  "name",
  "name_normalized",
  "name_phonetic",
  "sex",
  "birth_place",
  "birth_date",
  "relation",
  "marital_status",
  "education",
  "occupation",
  "monthly_income",
  "disability",
  "chronic_illness",
  "health_insurance",
  "phone",
  "region_code",
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

/** Every column a bulk INSERT binds, in order. */
export const PERSON_COLUMNS = ["id", "nik", ...PERSON_FIELDS, "seq"] as const;

/** Fields a re-import compares: the name keys follow from the name, so they are not compared. */
export const COMPARED_FIELDS: readonly PersonField[] = PERSON_FIELDS.filter(
  (f) => f !== "name_normalized" && f !== "name_phonetic",
);
