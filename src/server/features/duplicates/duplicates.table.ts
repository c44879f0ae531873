import type { Insertable, Selectable } from "kysely";

/** A probable duplicate waiting for a reviewer to merge or dismiss it. */
export interface DuplicateCandidateTable {
  id: string;
  /** same_name_birth (two NIKs, same normalised name and birth date) | nik_name_conflict (one NIK, two names) */
  kind: string;
  /** Unique: the same pair or the same incoming name is queued once. */
  fingerprint: string;
  person_id: string;
  other_person_id: string | null;
  /** JSON of the incoming row for nik_name_conflict. */
  incoming: string | null;
  /** pending | merged | dismissed */
  status: string;
  region_code: string;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
  created_at: string;
}

export type DuplicateCandidateRow = Selectable<DuplicateCandidateTable>;
export type NewDuplicateCandidateRow = Insertable<DuplicateCandidateTable>;
