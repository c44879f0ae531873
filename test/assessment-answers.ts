/**
 * Answers to the default indicator set (src/core/mpi/default-indicator-set.ts) for the database
 * tests: a household deprived in exactly the indicators named, and in no other.
 */
type Answer = string | number | boolean;

const FINE: Record<string, Answer> = {
  pendapatan_per_kapita: 1500000,
  kepala_tidak_bekerja: false,
  tanpa_tabungan: false,
  pendidikan_kepala: "sma",
  anak_tidak_sekolah: false,
  makan_per_hari: 3,
  rawan_pangan: false,
  sakit_tanpa_jaminan: false,
  luas_lantai_per_orang: 12,
  lantai: "keramik",
  dinding: "tembok",
  jamban: "sendiri",
  air_minum: "pam",
  penerangan: "pln_900",
  bahan_bakar: "gas",
  anggota_tanpa_jkn: false,
  anggota_tanpa_nik: false,
};

const DEPRIVED: Record<string, Answer> = {
  pendapatan_per_kapita: 400000,
  kepala_tidak_bekerja: true,
  tanpa_tabungan: true,
  pendidikan_kepala: "sd",
  anak_tidak_sekolah: true,
  makan_per_hari: 2,
  rawan_pangan: true,
  sakit_tanpa_jaminan: true,
  luas_lantai_per_orang: 5,
  lantai: "tanah",
  dinding: "seng_kardus",
  jamban: "bersama",
  air_minum: "sungai_hujan",
  penerangan: "pln_450",
  bahan_bakar: "kayu_arang",
  anggota_tanpa_jkn: true,
  anggota_tanpa_nik: true,
};

/** Answers that deprive a household in `deprived` of the default set's indicators and no other. */
export function defaultSetAnswers(deprived: readonly string[] = []): Record<string, Answer> {
  const answers = { ...FINE };
  for (const id of deprived) answers[id] = DEPRIVED[id] as Answer;
  return answers;
}
