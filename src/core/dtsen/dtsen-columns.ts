/**
 * The columns of a DTSEN by-name-by-address extract and how their headers are recognised.
 *
 * Extracts come from the Dinas as spreadsheets whose headers vary ("NO KK", "No. KK", "NOMOR KK",
 * "no_kk"); each known spelling maps to one column of Peduli's person format (person-row.ts) or to
 * a DTSEN column (desil, the extract's family id, programme flags). Headers are compared after
 * `dtsenHeaderKey`: lower case, dots and brackets dropped, spaces and dashes as underscores. The
 * mapping is documented in docs/dtsen.md; a header not listed here is reported and ignored.
 */
import { normalizeHeader, OPTIONAL_PERSON_COLUMNS, REQUIRED_PERSON_COLUMNS } from "../registry/person-row.ts";

/** Programmes an extract may flag per person, by their code in the referral catalogue. */
export const DTSEN_PROGRAMMES = [
  "pkh",
  "bpnt_sembako",
  "pbi_jk",
  "klj",
  "kpdj",
  "kaj",
  "kjp_plus",
  "kjmu",
] as const;
export type DtsenProgramme = (typeof DTSEN_PROGRAMMES)[number];

export const REQUIRED_DTSEN_COLUMNS = [...REQUIRED_PERSON_COLUMNS, "desil"] as const;
export const OPTIONAL_DTSEN_COLUMNS = [
  "id_keluarga",
  ...OPTIONAL_PERSON_COLUMNS,
  ...DTSEN_PROGRAMMES,
] as const;
export type DtsenColumn = (typeof REQUIRED_DTSEN_COLUMNS)[number] | (typeof OPTIONAL_DTSEN_COLUMNS)[number];

/** Spellings seen in extracts, by column (each column's own name is always recognised too). */
const ALIASES: Partial<Record<DtsenColumn, readonly string[]>> = {
  no_kk: ["nokk", "nomor_kk", "no_kartu_keluarga", "nomor_kartu_keluarga", "kk"],
  nik: ["no_nik", "nomor_nik", "nomor_induk_kependudukan"],
  nama: ["nama_lengkap", "nama_art", "nama_anggota", "nama_penduduk"],
  jenis_kelamin: ["jk", "jns_kel", "jenis_kel", "kelamin", "sex"],
  tanggal_lahir: ["tgl_lahir", "tgllahir", "tanggal_lhr"],
  tempat_lahir: ["tmp_lahir", "tempat_lhr"],
  hubungan_keluarga: ["hub_keluarga", "hubungan", "shdk", "hubungan_dengan_kepala_keluarga", "hub_kel"],
  kode_kelurahan: ["kode_desa", "kd_kel", "kd_desa", "kode_kel", "kode_desa_kelurahan", "kode_wilayah"],
  alamat: ["alamat_lengkap", "alamat_rumah", "jalan"],
  rt: ["no_rt"],
  rw: ["no_rw"],
  desil: ["desil_nasional", "peringkat_desil", "desil_kesejahteraan", "status_desil"],
  id_keluarga: ["idkeluarga", "id_keluarga_dtsen", "id_dtsen", "idsemesta", "id_semesta"],
  pkh: ["status_pkh", "penerima_pkh"],
  bpnt_sembako: ["bpnt", "sembako", "status_bpnt", "penerima_bpnt", "status_sembako"],
  pbi_jk: ["pbi", "pbi_jkn", "status_pbi", "penerima_pbi", "pbi_jk_apbn"],
  klj: ["status_klj"],
  kpdj: ["status_kpdj"],
  kaj: ["status_kaj"],
  kjp_plus: ["kjp", "status_kjp"],
  kjmu: ["status_kjmu"],
};

const KNOWN: ReadonlyMap<string, DtsenColumn> = new Map(
  [...REQUIRED_DTSEN_COLUMNS, ...OPTIONAL_DTSEN_COLUMNS].flatMap((column) => [
    [column, column] as const,
    ...(ALIASES[column] ?? []).map((alias) => [alias, column] as const),
  ]),
);

/** A header cell in the form the mapping compares: `No. KK` → `no_kk`. */
export function dtsenHeaderKey(header: string): string {
  return normalizeHeader(header)
    .replace(/[.()[\]/]/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

export interface DtsenHeaderCheck {
  /** The column each header cell maps to, in file order (null: not a known column). */
  columns: (DtsenColumn | null)[];
  missing: string[];
  /** Header cells that map to no column, as written. */
  unknown: string[];
  /** Columns that two header cells map to. */
  duplicated: string[];
}

/** Maps a header row onto the extract's columns. */
export function checkDtsenHeader(header: readonly string[]): DtsenHeaderCheck {
  const columns = header.map((cell) => KNOWN.get(dtsenHeaderKey(cell)) ?? null);
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const c of columns) {
    if (c === null) continue;
    if (seen.has(c)) duplicated.push(c);
    seen.add(c);
  }
  return {
    columns,
    missing: REQUIRED_DTSEN_COLUMNS.filter((c) => !seen.has(c)),
    unknown: header.filter((cell, i) => columns[i] === null && cell.trim() !== ""),
    duplicated,
  };
}

/** Every recognised spelling of each column, for the documentation and the upload page. */
export function dtsenColumnSpellings(): { column: DtsenColumn; required: boolean; spellings: string[] }[] {
  const required = new Set<string>(REQUIRED_DTSEN_COLUMNS);
  return [...REQUIRED_DTSEN_COLUMNS, ...OPTIONAL_DTSEN_COLUMNS].map((column) => ({
    column,
    required: required.has(column),
    spellings: [column, ...(ALIASES[column] ?? [])],
  }));
}
