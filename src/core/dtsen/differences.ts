/**
 * Where a DTSEN row and the registry's record of the same person disagree. Differences are
 * recorded for a reviewer, never written over the registry: the extract may be the one that is
 * wrong (an old address, a misspelt name), and the field worker's ground check decides.
 */
import { normalizeName } from "../identity/person-name.ts";
import type { PersonRowValue } from "../registry/person-row.ts";

/** The registry's side, as the import reads it (the person and their household). */
export interface RegistrySide {
  nik: string | null;
  name: string;
  nameNormalized: string;
  sex: string;
  birthDate: string | null;
  relation: string;
  regionCode: string;
  kkNumber: string | null;
  rw: string | null;
  rt: string | null;
  address: string | null;
}

export const DIFFERENCE_FIELDS = [
  "nik",
  "nama",
  "jenis_kelamin",
  "tanggal_lahir",
  "hubungan_keluarga",
  "no_kk",
  "kode_kelurahan",
  "alamat",
] as const;
export type DifferenceField = (typeof DIFFERENCE_FIELDS)[number];

export interface Difference {
  field: DifferenceField;
  registry: string | null;
  dtsen: string;
}

const addressText = (rw: string | null, rt: string | null, address: string | null) =>
  address === null ? null : `${address}, RT ${rt ?? ""}/RW ${rw ?? ""}`;

/** The fields of `row` that differ from `registry`, in DIFFERENCE_FIELDS order. */
export function differencesOf(
  row: PersonRowValue,
  registry: RegistrySide,
  normalized = normalizeName(row.name),
) {
  const out: Difference[] = [];
  const add = (field: DifferenceField, a: string | null, b: string) => {
    if (a !== b) out.push({ field, registry: a, dtsen: b });
  };
  add("nik", registry.nik, row.nik);
  if (registry.nameNormalized !== normalized)
    out.push({ field: "nama", registry: registry.name, dtsen: row.name });
  add("jenis_kelamin", registry.sex, row.sex);
  add("tanggal_lahir", registry.birthDate, row.birthDate);
  add("hubungan_keluarga", registry.relation, row.relation);
  add("no_kk", registry.kkNumber, row.kkNumber);
  add("kode_kelurahan", registry.regionCode, row.regionCode);
  // The address only means something within the same family card.
  if (registry.kkNumber === row.kkNumber) {
    const mine = addressText(registry.rw, registry.rt, registry.address);
    const theirs = addressText(row.rw, row.rt, row.address) as string;
    if (mine?.toLowerCase() !== theirs.toLowerCase())
      out.push({ field: "alamat", registry: mine, dtsen: theirs });
  }
  return out;
}
