import type { Selectable } from "kysely";

/** One import of a DTSEN extract and its summary. */
export interface DtsenImportTable {
  id: string;
  /** YYYY-Qn */
  period: string;
  file_name: string;
  read_rows: number;
  matched: number;
  created: number;
  differing: number;
  rejected: number;
  /** Rows of the DTSEN tables written; 0 when the same extract was imported before. */
  changes: number;
  actor_id: string | null;
  created_at: string;
}

/** A family's desil in one period, from the extract. */
export interface DtsenFamilyTable {
  household_id: string;
  period: string;
  desil: number;
  /** The extract's own family id, when it has one. */
  family_id: string | null;
  region_code: string;
  import_id: string;
  updated_at: string;
}

/** A person listed by the extract of a period. */
export interface DtsenMemberTable {
  person_id: string;
  period: string;
  household_id: string;
  region_code: string;
  /** Programme codes the extract marks as received, `;`-separated. */
  programmes: string;
  /** nik | kk | new */
  origin: string;
  import_id: string;
  updated_at: string;
}

/** A field where the extract and the registry disagree, for one person and period. */
export interface DtsenDifferenceTable {
  person_id: string;
  period: string;
  /** A column of the extract: nama, jenis_kelamin, tanggal_lahir, hubungan_keluarga, no_kk, … */
  field: string;
  registry_value: string | null;
  dtsen_value: string | null;
  household_id: string | null;
  region_code: string;
  import_id: string;
  updated_at: string;
}

export interface DtsenTables {
  dtsen_imports: DtsenImportTable;
  dtsen_families: DtsenFamilyTable;
  dtsen_members: DtsenMemberTable;
  dtsen_differences: DtsenDifferenceTable;
}

export type DtsenImportRow = Selectable<DtsenImportTable>;
export type DtsenFamilyRow = Selectable<DtsenFamilyTable>;
export type DtsenMemberRow = Selectable<DtsenMemberTable>;
export type DtsenDifferenceRow = Selectable<DtsenDifferenceTable>;
