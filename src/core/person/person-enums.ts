/**
 * Enumerations of a person's attributes, as written on the Kartu Keluarga (KK) and in DTKS-style
 * lists. Codes are stable (stored and exchanged); labels are for people, Indonesian first.
 */
import type { Bilingual } from "../errors/language.ts";

function enumeration<const T extends string>(entries: Record<T, Bilingual>) {
  const codes = Object.keys(entries) as T[];
  // A set, not `v in entries`: that would also accept "constructor", "toString", …
  const known = new Set<string>(codes);
  return { codes, labels: entries, is: (v: string): v is T => known.has(v) };
}

export const SEXES = enumeration({
  L: { id: "Laki-laki", en: "Male" },
  P: { id: "Perempuan", en: "Female" },
});
export type Sex = (typeof SEXES.codes)[number];

/** Hubungan dalam keluarga, the terms on the KK. */
export const RELATIONS = enumeration({
  kepala_keluarga: { id: "Kepala Keluarga", en: "Head of family" },
  suami: { id: "Suami", en: "Husband" },
  istri: { id: "Istri", en: "Wife" },
  anak: { id: "Anak", en: "Child" },
  menantu: { id: "Menantu", en: "Child-in-law" },
  cucu: { id: "Cucu", en: "Grandchild" },
  orang_tua: { id: "Orang Tua", en: "Parent" },
  mertua: { id: "Mertua", en: "Parent-in-law" },
  famili_lain: { id: "Famili Lain", en: "Other relative" },
  pembantu: { id: "Pembantu", en: "Domestic worker" },
  lainnya: { id: "Lainnya", en: "Other" },
});
export type Relation = (typeof RELATIONS.codes)[number];

export const MARITAL_STATUSES = enumeration({
  belum_kawin: { id: "Belum Kawin", en: "Never married" },
  kawin: { id: "Kawin", en: "Married" },
  cerai_hidup: { id: "Cerai Hidup", en: "Divorced" },
  cerai_mati: { id: "Cerai Mati", en: "Widowed" },
});

/** Pendidikan terakhir, the KK's levels. */
export const EDUCATION_LEVELS = enumeration({
  tidak_sekolah: { id: "Tidak/Belum Sekolah", en: "No schooling" },
  belum_tamat_sd: { id: "Belum Tamat SD/Sederajat", en: "Primary not completed" },
  sd: { id: "Tamat SD/Sederajat", en: "Primary" },
  smp: { id: "SLTP/Sederajat", en: "Lower secondary" },
  sma: { id: "SLTA/Sederajat", en: "Upper secondary" },
  diploma: { id: "Diploma I/II/III", en: "Diploma" },
  s1: { id: "Diploma IV/Strata I", en: "Bachelor" },
  s2: { id: "Strata II", en: "Master" },
  s3: { id: "Strata III", en: "Doctorate" },
});

export const OCCUPATIONS = enumeration({
  tidak_bekerja: { id: "Belum/Tidak Bekerja", en: "Not working" },
  mengurus_rumah_tangga: { id: "Mengurus Rumah Tangga", en: "Homemaker" },
  pelajar: { id: "Pelajar/Mahasiswa", en: "Student" },
  pensiunan: { id: "Pensiunan", en: "Retired" },
  buruh_harian: { id: "Buruh Harian Lepas", en: "Day labourer" },
  pedagang: { id: "Pedagang", en: "Trader" },
  pengemudi: { id: "Pengemudi/Ojek", en: "Driver" },
  karyawan_swasta: { id: "Karyawan Swasta", en: "Private employee" },
  wiraswasta: { id: "Wiraswasta", en: "Self-employed" },
  asn: { id: "PNS/ASN", en: "Civil servant" },
  tni_polri: { id: "TNI/Polri", en: "Military/police" },
  pemulung: { id: "Pemulung", en: "Waste picker" },
  lainnya: { id: "Lainnya", en: "Other" },
});

/** Ragam disabilitas (UU 8/2016): fisik, intelektual, mental, sensorik, ganda. */
export const DISABILITY_TYPES = enumeration({
  fisik: { id: "Disabilitas Fisik", en: "Physical" },
  intelektual: { id: "Disabilitas Intelektual", en: "Intellectual" },
  mental: { id: "Disabilitas Mental", en: "Mental" },
  sensorik: { id: "Disabilitas Sensorik", en: "Sensory" },
  ganda: { id: "Disabilitas Ganda/Multi", en: "Multiple" },
});

export const HEALTH_INSURANCE = enumeration({
  pbi: { id: "BPJS Kesehatan PBI", en: "BPJS (premium paid by government)" },
  non_pbi: { id: "BPJS Kesehatan non-PBI", en: "BPJS (self-paid or employer)" },
  none: { id: "Tidak punya", en: "None" },
});

/** Characters the normalisation of an enumeration value changes. */
const NOT_NORMAL = /[A-Z\s-]/;

/**
 * Reads an enumeration value the way people write it in files: case-insensitive, spaces, dashes
 * or underscores (`Kepala Keluarga` → kepala_keluarga). Returns null when it is not a known code.
 */
export function parseEnumValue<T extends string>(e: { is: (v: string) => v is T }, raw: string): T | null {
  // Most cells already hold the code itself, which the normalisation below would leave as it is
  // (codes in upper case, like L and P, go the long way as before).
  if (e.is(raw) && !NOT_NORMAL.test(raw)) return raw;
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return e.is(key) ? key : null;
}
