/**
 * The default indicator set "Indeks Kemiskinan Multidimensi (IKM) Peduli": the BPS 14 criteria of
 * a poor household and the Kepmensos 262/HUK/2022 fakir miskin criteria, arranged in the global
 * MPI's way (dimensions of equal weight, split equally over their indicators) with a fifth
 * dimension for social protection. Each indicator's source and cutoff are written in docs/mpi.md
 * ("Indikator IKM Peduli"). Pure data plus the form metadata the web app needs.
 *
 * An indicator set is an engine definition (validated by validateMpiDefinition) whose indicators
 * may also carry `label`, `deprivedText` (the plain-Indonesian sentence shown when a household is
 * deprived), `input` (how the form asks for the value) and `source`.
 */
import type { Bilingual } from "../errors/language.ts";
import type { IndicatorDefinition, MpiDefinition, MpiDefinitionIssue } from "./mpi-definition.ts";
import { validateMpiDefinition } from "./mpi-definition.ts";

/** How the assessment form asks for an indicator's value. */
export type IndicatorInput =
  | { readonly type: "number"; readonly unit?: string; readonly min?: number }
  | { readonly type: "boolean" }
  | {
      readonly type: "choice";
      readonly options: readonly { readonly value: string; readonly label: Bilingual }[];
    };

/** An engine indicator with what people read about it. */
export interface IndicatorSetIndicator extends IndicatorDefinition {
  readonly label?: Bilingual;
  readonly deprivedText?: Bilingual;
  readonly input?: IndicatorInput;
  readonly source?: string;
}

export interface IndicatorSetDefinition extends MpiDefinition {
  readonly indicators: readonly IndicatorSetIndicator[];
  /** Dimension labels by dimension id. */
  readonly dimensionLabels?: Readonly<Record<string, Bilingual>>;
}

/**
 * Stored sets keep each assessment's deprivations as one bit per indicator in an integer column,
 * so a set has at most this many indicators.
 */
export const MAX_STORED_INDICATORS = 30;

/** Engine validation plus the limits and metadata shapes of a stored set. */
export function validateIndicatorSet(input: unknown): MpiDefinitionIssue[] {
  const issues = validateMpiDefinition(input);
  if (issues.length > 0) return issues;
  const def = input as IndicatorSetDefinition;
  if (def.indicators.length > MAX_STORED_INDICATORS) {
    issues.push({
      field: "indicators",
      message: {
        id: `indicators: paling banyak ${MAX_STORED_INDICATORS} indikator dalam satu set (diberikan ${def.indicators.length}).`,
        en: `indicators: at most ${MAX_STORED_INDICATORS} indicators in one set (given ${def.indicators.length}).`,
      },
    });
  }
  def.indicators.forEach((indicator, index) => {
    const at = `indicators[${index}]`;
    for (const key of ["label", "deprivedText"] as const) {
      const text = indicator[key];
      if (text === undefined) continue;
      if (typeof text !== "object" || typeof text?.id !== "string" || typeof text?.en !== "string") {
        issues.push({
          field: `${at}.${key}`,
          message: {
            id: `${at}.${key} (indikator "${indicator.id}"): wajib berupa objek {id, en} berisi teks.`,
            en: `${at}.${key} (indicator "${indicator.id}"): must be an object {id, en} of texts.`,
          },
        });
      }
    }
    const input = indicator.input as { type?: unknown; options?: unknown } | undefined;
    if (input === undefined) return;
    const okType = input?.type === "number" || input?.type === "boolean" || input?.type === "choice";
    const okOptions =
      input?.type !== "choice" ||
      (Array.isArray(input.options) &&
        input.options.length > 0 &&
        input.options.every(
          (o: unknown) =>
            typeof o === "object" &&
            o !== null &&
            typeof (o as { value?: unknown }).value === "string" &&
            typeof (o as { label?: { id?: unknown } }).label?.id === "string",
        ));
    if (!okType || !okOptions) {
      issues.push({
        field: `${at}.input`,
        message: {
          id: `${at}.input (indikator "${indicator.id}"): gunakan {type: "number"}, {type: "boolean"} atau {type: "choice", options: [{value, label: {id, en}}]}.`,
          en: `${at}.input (indicator "${indicator.id}"): use {type: "number"}, {type: "boolean"} or {type: "choice", options: [{value, label: {id, en}}]}.`,
        },
      });
    }
  });
  return issues;
}

const yesNo: IndicatorInput = { type: "boolean" };
const choice = (...options: [string, string, string][]): IndicatorInput => ({
  type: "choice",
  options: options.map(([value, id, en]) => ({ value, label: { id, en } })),
});

function indicator(
  id: string,
  dimension: string,
  deprivedIf: IndicatorDefinition["deprivedIf"],
  input: IndicatorInput,
  label: Bilingual,
  deprivedText: Bilingual,
  source: string,
): IndicatorSetIndicator {
  return { id, column: id, dimension, weight: 1, deprivedIf, input, label, deprivedText, source };
}

/** Weight of each indicator so that every dimension weighs 1/5 and is split equally within. */
function nested(indicators: IndicatorSetIndicator[]): IndicatorSetIndicator[] {
  const perDimension = new Map<string, number>();
  for (const i of indicators) perDimension.set(i.dimension, (perDimension.get(i.dimension) ?? 0) + 1);
  // Every dimension's weights sum to 60, so each weighs 1/5 after normalisation.
  return indicators.map((i) => ({ ...i, weight: 60 / (perDimension.get(i.dimension) as number) }));
}

/** The set's name and code, as stored. */
export const DEFAULT_INDICATOR_SET_CODE = "ikm-peduli";
export const DEFAULT_INDICATOR_SET_NAME = "Indeks Kemiskinan Multidimensi (IKM) Peduli";

export const DEFAULT_INDICATOR_SET: IndicatorSetDefinition = {
  k: 1 / 3,
  dimensionLabels: {
    ekonomi: { id: "Ekonomi", en: "Economy" },
    pendidikan: { id: "Pendidikan", en: "Education" },
    kesehatan: { id: "Kesehatan dan pangan", en: "Health and food" },
    hunian: { id: "Hunian dan standar hidup", en: "Housing and living standards" },
    perlindungan: { id: "Perlindungan sosial", en: "Social protection" },
  },
  indicators: nested([
    indicator(
      "pendapatan_per_kapita",
      "ekonomi",
      { op: "lt", value: 600000 },
      { type: "number", unit: "Rp/bulan", min: 0 },
      { id: "Pendapatan per kapita per bulan", en: "Monthly income per capita" },
      {
        id: "Pendapatan per orang kurang dari Rp600.000 sebulan",
        en: "Income per person below Rp600,000 a month",
      },
      "BPS kriteria 12",
    ),
    indicator(
      "kepala_tidak_bekerja",
      "ekonomi",
      { op: "eq", value: true },
      yesNo,
      { id: "Kepala keluarga tidak bekerja", en: "Head of household not working" },
      { id: "Kepala keluarga tidak bekerja", en: "The head of household does not work" },
      "Kepmensos 262/HUK/2022 huruf a",
    ),
    indicator(
      "tanpa_tabungan",
      "ekonomi",
      { op: "eq", value: true },
      yesNo,
      {
        id: "Tidak punya tabungan/barang senilai Rp500.000",
        en: "No savings or goods worth Rp500,000",
      },
      {
        id: "Tidak punya tabungan atau barang yang mudah dijual senilai Rp500.000",
        en: "No savings or saleable goods worth Rp500,000",
      },
      "BPS kriteria 14",
    ),
    indicator(
      "pendidikan_kepala",
      "pendidikan",
      { op: "in", value: ["tidak_sekolah", "belum_tamat_sd", "sd"] },
      choice(
        ["tidak_sekolah", "Tidak/belum sekolah", "No schooling"],
        ["belum_tamat_sd", "Belum tamat SD", "Primary not completed"],
        ["sd", "Tamat SD", "Primary"],
        ["smp", "Tamat SMP", "Lower secondary"],
        ["sma", "Tamat SMA atau lebih", "Upper secondary or more"],
      ),
      { id: "Pendidikan kepala keluarga", en: "Education of the head of household" },
      {
        id: "Kepala keluarga tidak sekolah atau hanya sampai SD",
        en: "The head of household has no schooling or primary school only",
      },
      "BPS kriteria 13",
    ),
    indicator(
      "anak_tidak_sekolah",
      "pendidikan",
      { op: "eq", value: true },
      yesNo,
      { id: "Ada anak usia 7–18 tahun tidak sekolah", en: "A child aged 7–18 out of school" },
      { id: "Ada anak usia sekolah yang tidak bersekolah", en: "A school-age child is out of school" },
      "Global MPI: school attendance",
    ),
    indicator(
      "makan_per_hari",
      "kesehatan",
      { op: "lte", value: 2 },
      { type: "number", unit: "kali/hari", min: 0 },
      { id: "Berapa kali makan sehari", en: "Meals a day" },
      { id: "Hanya makan satu atau dua kali sehari", en: "Only one or two meals a day" },
      "BPS kriteria 10",
    ),
    indicator(
      "rawan_pangan",
      "kesehatan",
      { op: "eq", value: true },
      yesNo,
      {
        id: "Setahun terakhir khawatir atau melewatkan makan",
        en: "Worried about or skipped meals in the past year",
      },
      {
        id: "Dalam setahun terakhir khawatir tidak bisa makan atau melewatkan makan",
        en: "Worried about food or skipped meals in the past year",
      },
      "Kepmensos 262/HUK/2022 huruf b",
    ),
    indicator(
      "sakit_tanpa_jaminan",
      "kesehatan",
      { op: "eq", value: true },
      yesNo,
      {
        id: "Anggota disabilitas/sakit kronis tanpa jaminan kesehatan",
        en: "Member with disability or chronic illness without health insurance",
      },
      {
        id: "Ada anggota disabilitas atau sakit menahun yang tidak punya jaminan kesehatan",
        en: "A member with a disability or chronic illness has no health insurance",
      },
      "BPS kriteria 11; Global MPI: health",
    ),
    indicator(
      "luas_lantai_per_orang",
      "hunian",
      { op: "lt", value: 8 },
      { type: "number", unit: "m²/orang", min: 0 },
      { id: "Luas lantai per orang", en: "Floor area per person" },
      { id: "Luas rumah kurang dari 8 m² per orang", en: "Less than 8 m² of floor per person" },
      "BPS kriteria 1",
    ),
    indicator(
      "lantai",
      "hunian",
      { op: "in", value: ["tanah", "bambu", "kayu_murah"] },
      choice(
        ["tanah", "Tanah", "Earth"],
        ["bambu", "Bambu", "Bamboo"],
        ["kayu_murah", "Kayu/papan kualitas rendah", "Low-quality wood"],
        ["semen", "Semen/plester", "Cement"],
        ["keramik", "Keramik/ubin/marmer", "Tiles"],
      ),
      { id: "Jenis lantai terluas", en: "Main floor material" },
      { id: "Lantai rumah dari tanah, bambu atau kayu murah", en: "Earth, bamboo or cheap wood floor" },
      "BPS kriteria 2; Kepmensos 262/HUK/2022 huruf e",
    ),
    indicator(
      "dinding",
      "hunian",
      { op: "in", value: ["bambu_rumbia", "kayu_murah", "tembok_tanpa_plester", "seng_kardus"] },
      choice(
        ["bambu_rumbia", "Bambu/rumbia", "Bamboo/thatch"],
        ["kayu_murah", "Kayu/papan kualitas rendah", "Low-quality wood"],
        ["tembok_tanpa_plester", "Tembok tanpa plester", "Unplastered wall"],
        ["seng_kardus", "Seng/terpal/kardus", "Zinc/tarp/cardboard"],
        ["tembok", "Tembok diplester", "Plastered wall"],
      ),
      { id: "Jenis dinding terluas", en: "Main wall material" },
      {
        id: "Dinding dari bambu, papan murah, seng/kardus atau tembok tanpa plester",
        en: "Walls of bamboo, cheap wood, zinc/cardboard or unplastered brick",
      },
      "BPS kriteria 3; Kepmensos 262/HUK/2022 huruf f",
    ),
    indicator(
      "jamban",
      "hunian",
      { op: "in", value: ["tidak_ada", "bersama"] },
      choice(
        ["sendiri", "Milik sendiri", "Own"],
        ["bersama", "Bersama/umum", "Shared or public"],
        ["tidak_ada", "Tidak ada", "None"],
      ),
      { id: "Fasilitas buang air besar", en: "Toilet" },
      {
        id: "Tidak punya jamban sendiri (bersama atau tidak ada)",
        en: "No own toilet (shared or none)",
      },
      "BPS kriteria 4; Kepmensos 262/HUK/2022 huruf g",
    ),
    indicator(
      "air_minum",
      "hunian",
      { op: "in", value: ["sumur_tak_terlindung", "sungai_hujan"] },
      choice(
        ["pam", "Leding/PAM", "Piped"],
        ["isi_ulang", "Air isi ulang", "Refill water"],
        ["kemasan", "Air kemasan bermerek", "Branded bottled water"],
        ["sumur_terlindung", "Sumur bor/terlindung", "Protected well"],
        ["sumur_tak_terlindung", "Sumur/mata air tak terlindung", "Unprotected well/spring"],
        ["sungai_hujan", "Sungai/air hujan", "River/rain water"],
      ),
      { id: "Sumber air minum", en: "Drinking water" },
      {
        id: "Air minum dari sumur/mata air tak terlindung, sungai atau air hujan",
        en: "Drinking water from an unprotected well or spring, a river or rain",
      },
      "BPS kriteria 6",
    ),
    indicator(
      "penerangan",
      "hunian",
      { op: "in", value: ["tidak_ada_listrik", "pln_450"] },
      choice(
        ["tidak_ada_listrik", "Bukan listrik", "Not electric"],
        ["pln_450", "Listrik PLN 450 VA", "Electricity 450 VA"],
        ["pln_900", "Listrik PLN 900 VA", "Electricity 900 VA"],
        ["pln_1300", "Listrik PLN 1.300 VA atau lebih", "Electricity 1,300 VA or more"],
      ),
      { id: "Sumber penerangan", en: "Lighting" },
      {
        id: "Penerangan bukan listrik atau listrik 450 VA",
        en: "Lighting not electric or electricity of 450 VA",
      },
      "BPS kriteria 5; Kepmensos 262/HUK/2022 huruf h",
    ),
    indicator(
      "bahan_bakar",
      "hunian",
      { op: "in", value: ["kayu_arang", "minyak_tanah"] },
      choice(
        ["gas", "Gas/listrik", "Gas/electric"],
        ["minyak_tanah", "Minyak tanah", "Kerosene"],
        ["kayu_arang", "Kayu bakar/arang", "Firewood/charcoal"],
      ),
      { id: "Bahan bakar memasak", en: "Cooking fuel" },
      {
        id: "Memasak dengan kayu bakar, arang atau minyak tanah",
        en: "Cooks with firewood, charcoal or kerosene",
      },
      "BPS kriteria 7",
    ),
    indicator(
      "anggota_tanpa_jkn",
      "perlindungan",
      { op: "eq", value: true },
      yesNo,
      { id: "Ada anggota tanpa BPJS Kesehatan", en: "A member without national health insurance" },
      {
        id: "Ada anggota keluarga yang belum punya BPJS Kesehatan (JKN)",
        en: "A family member has no national health insurance (JKN)",
      },
      "UU 40/2004 SJSN; Global MPI (extension)",
    ),
    indicator(
      "anggota_tanpa_nik",
      "perlindungan",
      { op: "eq", value: true },
      yesNo,
      { id: "Ada anggota tanpa NIK", en: "A member without a NIK" },
      {
        id: "Ada anggota keluarga yang belum punya NIK, sehingga tidak dapat didaftarkan bantuan",
        en: "A family member has no NIK and cannot be registered for assistance",
      },
      "Permensos 3/2021 (DTKS by NIK)",
    ),
  ]),
};

/** The plain-Indonesian (or English) sentence for a deprived indicator; its id when the set has none. */
export function deprivedText(indicator: IndicatorSetIndicator, lang: "id" | "en" = "id"): string {
  return indicator.deprivedText?.[lang] ?? indicator.label?.[lang] ?? indicator.id;
}
