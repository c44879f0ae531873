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

/** A text in Indonesian and English, written as a pair to keep the table below compact. */
type Texts = readonly [id: string, en: string];
const texts = ([id, en]: Texts): Bilingual => ({ id, en });

/** What an entry of the table says about one indicator; the dimension comes from its group. */
interface Entry {
  id: string;
  deprivedIf: IndicatorDefinition["deprivedIf"];
  input: IndicatorInput;
  label: Texts;
  deprived: Texts;
  source: string;
}

/** Yes/no question, deprived on "yes". */
const yes = (id: string, label: Texts, deprived: Texts, source: string): Entry => ({
  id,
  deprivedIf: { op: "eq", value: true },
  input: { type: "boolean" },
  label,
  deprived,
  source,
});

/** A number with its unit, deprived by comparison with a cutoff. */
const num = (
  id: string,
  [op, value, unit]: ["lt" | "lte", number, string],
  label: Texts,
  deprived: Texts,
  source: string,
): Entry => ({
  id,
  deprivedIf: { op, value },
  input: { type: "number", unit, min: 0 },
  label,
  deprived,
  source,
});

/** One answer of a list ([value, id, en]), deprived when it is one of `deprivedValues`. */
const oneOf = (
  id: string,
  deprivedValues: string[],
  options: [value: string, id: string, en: string][],
  label: Texts,
  deprived: Texts,
  source: string,
): Entry => ({
  id,
  deprivedIf: { op: "in", value: deprivedValues },
  input: { type: "choice", options: options.map(([value, id, en]) => ({ value, label: { id, en } })) },
  label,
  deprived,
  source,
});

/**
 * Engine indicators from the table, dimension by dimension, weighted so that every dimension
 * weighs 1/5 and is split equally within: each dimension's weights sum to 60, which the engine
 * normalises. Key order matches the stored sets (id, column, dimension, weight, …).
 */
function fromTable(table: Record<string, Entry[]>): IndicatorSetIndicator[] {
  return Object.entries(table).flatMap(([dimension, entries]) =>
    entries.map((e) => ({
      id: e.id,
      column: e.id,
      dimension,
      weight: 60 / entries.length,
      deprivedIf: e.deprivedIf,
      input: e.input,
      label: texts(e.label),
      deprivedText: texts(e.deprived),
      source: e.source,
    })),
  );
}

/** The set's name and code, as stored. */
export const DEFAULT_INDICATOR_SET_CODE = "ikm-peduli";
export const DEFAULT_INDICATOR_SET_NAME = "Indeks Kemiskinan Multidimensi (IKM) Peduli";

const KEPMENSOS = "Kepmensos 262/HUK/2022";
const LOW_WOOD: [string, string, string] = ["kayu_murah", "Kayu/papan kualitas rendah", "Low-quality wood"];

export const DEFAULT_INDICATOR_SET: IndicatorSetDefinition = {
  k: 1 / 3,
  dimensionLabels: {
    ekonomi: { id: "Ekonomi", en: "Economy" },
    pendidikan: { id: "Pendidikan", en: "Education" },
    kesehatan: { id: "Kesehatan dan pangan", en: "Health and food" },
    hunian: { id: "Hunian dan standar hidup", en: "Housing and living standards" },
    perlindungan: { id: "Perlindungan sosial", en: "Social protection" },
  },
  indicators: fromTable({
    ekonomi: [
      num(
        "pendapatan_per_kapita",
        ["lt", 600000, "Rp/bulan"],
        ["Pendapatan per kapita per bulan", "Monthly income per capita"],
        ["Pendapatan per orang kurang dari Rp600.000 sebulan", "Income per person below Rp600,000 a month"],
        "BPS kriteria 12",
      ),
      yes(
        "kepala_tidak_bekerja",
        ["Kepala keluarga tidak bekerja", "Head of household not working"],
        ["Kepala keluarga tidak bekerja", "The head of household does not work"],
        `${KEPMENSOS} huruf a`,
      ),
      yes(
        "tanpa_tabungan",
        ["Tidak punya tabungan/barang senilai Rp500.000", "No savings or goods worth Rp500,000"],
        [
          "Tidak punya tabungan atau barang yang mudah dijual senilai Rp500.000",
          "No savings or saleable goods worth Rp500,000",
        ],
        "BPS kriteria 14",
      ),
    ],
    pendidikan: [
      oneOf(
        "pendidikan_kepala",
        ["tidak_sekolah", "belum_tamat_sd", "sd"],
        [
          ["tidak_sekolah", "Tidak/belum sekolah", "No schooling"],
          ["belum_tamat_sd", "Belum tamat SD", "Primary not completed"],
          ["sd", "Tamat SD", "Primary"],
          ["smp", "Tamat SMP", "Lower secondary"],
          ["sma", "Tamat SMA atau lebih", "Upper secondary or more"],
        ],
        ["Pendidikan kepala keluarga", "Education of the head of household"],
        [
          "Kepala keluarga tidak sekolah atau hanya sampai SD",
          "The head of household has no schooling or primary school only",
        ],
        "BPS kriteria 13",
      ),
      yes(
        "anak_tidak_sekolah",
        ["Ada anak usia 7–18 tahun tidak sekolah", "A child aged 7–18 out of school"],
        ["Ada anak usia sekolah yang tidak bersekolah", "A school-age child is out of school"],
        "Global MPI: school attendance",
      ),
    ],
    kesehatan: [
      num(
        "makan_per_hari",
        ["lte", 2, "kali/hari"],
        ["Berapa kali makan sehari", "Meals a day"],
        ["Hanya makan satu atau dua kali sehari", "Only one or two meals a day"],
        "BPS kriteria 10",
      ),
      yes(
        "rawan_pangan",
        [
          "Setahun terakhir khawatir atau melewatkan makan",
          "Worried about or skipped meals in the past year",
        ],
        [
          "Dalam setahun terakhir khawatir tidak bisa makan atau melewatkan makan",
          "Worried about food or skipped meals in the past year",
        ],
        `${KEPMENSOS} huruf b`,
      ),
      yes(
        "sakit_tanpa_jaminan",
        [
          "Anggota disabilitas/sakit kronis tanpa jaminan kesehatan",
          "Member with disability or chronic illness without health insurance",
        ],
        [
          "Ada anggota disabilitas atau sakit menahun yang tidak punya jaminan kesehatan",
          "A member with a disability or chronic illness has no health insurance",
        ],
        "BPS kriteria 11; Global MPI: health",
      ),
    ],
    hunian: [
      num(
        "luas_lantai_per_orang",
        ["lt", 8, "m²/orang"],
        ["Luas lantai per orang", "Floor area per person"],
        ["Luas rumah kurang dari 8 m² per orang", "Less than 8 m² of floor per person"],
        "BPS kriteria 1",
      ),
      oneOf(
        "lantai",
        ["tanah", "bambu", "kayu_murah"],
        [
          ["tanah", "Tanah", "Earth"],
          ["bambu", "Bambu", "Bamboo"],
          LOW_WOOD,
          ["semen", "Semen/plester", "Cement"],
          ["keramik", "Keramik/ubin/marmer", "Tiles"],
        ],
        ["Jenis lantai terluas", "Main floor material"],
        ["Lantai rumah dari tanah, bambu atau kayu murah", "Earth, bamboo or cheap wood floor"],
        `BPS kriteria 2; ${KEPMENSOS} huruf e`,
      ),
      oneOf(
        "dinding",
        ["bambu_rumbia", "kayu_murah", "tembok_tanpa_plester", "seng_kardus"],
        [
          ["bambu_rumbia", "Bambu/rumbia", "Bamboo/thatch"],
          LOW_WOOD,
          ["tembok_tanpa_plester", "Tembok tanpa plester", "Unplastered wall"],
          ["seng_kardus", "Seng/terpal/kardus", "Zinc/tarp/cardboard"],
          ["tembok", "Tembok diplester", "Plastered wall"],
        ],
        ["Jenis dinding terluas", "Main wall material"],
        [
          "Dinding dari bambu, papan murah, seng/kardus atau tembok tanpa plester",
          "Walls of bamboo, cheap wood, zinc/cardboard or unplastered brick",
        ],
        `BPS kriteria 3; ${KEPMENSOS} huruf f`,
      ),
      oneOf(
        "jamban",
        ["tidak_ada", "bersama"],
        [
          ["sendiri", "Milik sendiri", "Own"],
          ["bersama", "Bersama/umum", "Shared or public"],
          ["tidak_ada", "Tidak ada", "None"],
        ],
        ["Fasilitas buang air besar", "Toilet"],
        ["Tidak punya jamban sendiri (bersama atau tidak ada)", "No own toilet (shared or none)"],
        `BPS kriteria 4; ${KEPMENSOS} huruf g`,
      ),
      oneOf(
        "air_minum",
        ["sumur_tak_terlindung", "sungai_hujan"],
        [
          ["pam", "Leding/PAM", "Piped"],
          ["isi_ulang", "Air isi ulang", "Refill water"],
          ["kemasan", "Air kemasan bermerek", "Branded bottled water"],
          ["sumur_terlindung", "Sumur bor/terlindung", "Protected well"],
          ["sumur_tak_terlindung", "Sumur/mata air tak terlindung", "Unprotected well/spring"],
          ["sungai_hujan", "Sungai/air hujan", "River/rain water"],
        ],
        ["Sumber air minum", "Drinking water"],
        [
          "Air minum dari sumur/mata air tak terlindung, sungai atau air hujan",
          "Drinking water from an unprotected well or spring, a river or rain",
        ],
        "BPS kriteria 6",
      ),
      oneOf(
        "penerangan",
        ["tidak_ada_listrik", "pln_450"],
        [
          ["tidak_ada_listrik", "Bukan listrik", "Not electric"],
          ["pln_450", "Listrik PLN 450 VA", "Electricity 450 VA"],
          ["pln_900", "Listrik PLN 900 VA", "Electricity 900 VA"],
          ["pln_1300", "Listrik PLN 1.300 VA atau lebih", "Electricity 1,300 VA or more"],
        ],
        ["Sumber penerangan", "Lighting"],
        ["Penerangan bukan listrik atau listrik 450 VA", "Lighting not electric or electricity of 450 VA"],
        `BPS kriteria 5; ${KEPMENSOS} huruf h`,
      ),
      oneOf(
        "bahan_bakar",
        ["kayu_arang", "minyak_tanah"],
        [
          ["gas", "Gas/listrik", "Gas/electric"],
          ["minyak_tanah", "Minyak tanah", "Kerosene"],
          ["kayu_arang", "Kayu bakar/arang", "Firewood/charcoal"],
        ],
        ["Bahan bakar memasak", "Cooking fuel"],
        ["Memasak dengan kayu bakar, arang atau minyak tanah", "Cooks with firewood, charcoal or kerosene"],
        "BPS kriteria 7",
      ),
    ],
    perlindungan: [
      yes(
        "anggota_tanpa_jkn",
        ["Ada anggota tanpa BPJS Kesehatan", "A member without national health insurance"],
        [
          "Ada anggota keluarga yang belum punya BPJS Kesehatan (JKN)",
          "A family member has no national health insurance (JKN)",
        ],
        "UU 40/2004 SJSN; Global MPI (extension)",
      ),
      yes(
        "anggota_tanpa_nik",
        ["Ada anggota tanpa NIK", "A member without a NIK"],
        [
          "Ada anggota keluarga yang belum punya NIK, sehingga tidak dapat didaftarkan bantuan",
          "A family member has no NIK and cannot be registered for assistance",
        ],
        "Permensos 3/2021 (DTKS by NIK)",
      ),
    ],
  }),
};

/** The plain-Indonesian (or English) sentence for a deprived indicator; its id when the set has none. */
export function deprivedText(indicator: IndicatorSetIndicator, lang: "id" | "en" = "id"): string {
  return indicator.deprivedText?.[lang] ?? indicator.label?.[lang] ?? indicator.id;
}
