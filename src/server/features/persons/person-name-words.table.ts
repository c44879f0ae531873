/**
 * Word-level search keys of person names: one row per word of a person's phonetic key, kept
 * current by triggers on persons (migration 010) and filled set-based after a bulk import
 * (`rebuildPersonNameWords`). Read by the name search only.
 */
export interface PersonNameWordTable {
  /** One word of phoneticKey(name). */
  word: string;
  /** The person's kelurahan code, so a scoped search reads only its region's range. */
  region_code: string;
  person_id: string;
  /** The person's whole phonetic key: the search checks its other words and ranks on it. */
  name_phonetic: string;
  /** 1 when the person died (died_at set), else 0. */
  died: number;
  /** 1 when the person was merged into another record, else 0. */
  merged: number;
}
