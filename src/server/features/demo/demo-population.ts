/**
 * Deterministic synthetic population for the demo: households with KK numbers, family members
 * with NIKs consistent with region, sex and birth date, and plausible education, work, income,
 * disability and insurance. The same seed always gives the same people.
 */
import type { Relation } from "../../../core/person/person-enums.ts";
import { BIRTH_PLACES, FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, STREETS } from "./demo-names.ts";

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;

export interface DemoPerson {
  nik: string;
  name: string;
  sex: "L" | "P";
  birthPlace: string;
  birthDate: string;
  relation: Relation;
  maritalStatus: string;
  education: string;
  occupation: string;
  monthlyIncome: number | null;
  disability: string | null;
  chronicIllness: string | null;
  healthInsurance: string;
  phone: string | null;
}

export interface DemoHousehold {
  kkNumber: string;
  regionCode: string;
  rw: string;
  rt: string;
  address: string;
  latitude: number;
  longitude: number;
  members: DemoPerson[];
}

/** Kecamatan codes where people who moved to the city were first registered (Kemendagri). */
const OTHER_KECAMATAN = [
  "317201",
  "317301",
  "317401",
  "317501",
  "320101",
  "327501",
  "367101",
  "327301",
  "330101",
];
const CHRONIC = ["hipertensi", "diabetes", "tbc", "asma", "jantung", "stroke"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Builds the population. `kelurahanCodes` are 10-digit codes; households are spread evenly over
 * them. `referenceDate` fixes ages so that the same seed gives the same people on any day.
 */
export function* generateHouseholds(options: {
  count: number;
  kelurahanCodes: readonly string[];
  seed?: number;
  referenceDate?: Date;
}): Generator<DemoHousehold> {
  const rnd = createRandom(options.seed ?? 2024);
  const refYear = (options.referenceDate ?? new Date("2026-01-01T00:00:00Z")).getUTCFullYear();
  const nikSerials = new Map<string, number>();
  const kkSerials = new Map<string, number>();

  const makeNik = (region6: string, birthDate: string, sex: "L" | "P") => {
    const [y, m, d] = birthDate.split("-") as [string, string, string];
    const day = Number(d) + (sex === "P" ? 40 : 0);
    const prefix = `${region6}${pad(day, 2)}${m}${y.slice(2)}`;
    const serial = (nikSerials.get(prefix) ?? 0) + 1;
    nikSerials.set(prefix, serial);
    return `${prefix}${pad(serial, 4)}`;
  };
  const birthDate = (age: number) => {
    const year = refYear - age;
    const month = rnd.int(1, 12);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${pad(month, 2)}-${pad(rnd.int(1, days), 2)}`;
  };

  for (let i = 0; i < options.count; i++) {
    const regionCode = options.kelurahanCodes[i % options.kelurahanCodes.length] as string;
    const kecamatan = regionCode.slice(0, 6);
    const kelIndex = i % options.kelurahanCodes.length;
    const family = rnd.pick(FAMILY_NAMES);
    const useFamilyName = rnd.chance(0.55);
    const members: DemoPerson[] = [];
    const poor = rnd.chance(0.3);

    const person = (relation: Relation, sex: "L" | "P", age: number): DemoPerson => {
      const given = sex === "L" ? rnd.pick(MALE_GIVEN) : rnd.pick(FEMALE_GIVEN);
      const second = rnd.chance(0.5) ? ` ${sex === "L" ? rnd.pick(MALE_GIVEN) : rnd.pick(FEMALE_GIVEN)}` : "";
      const name = `${given}${second}${useFamilyName && relation !== "istri" ? ` ${family}` : ""}`.trim();
      const born = birthDate(age);
      const region6 = rnd.chance(0.8) ? kecamatan : rnd.pick(OTHER_KECAMATAN);
      const adult = age >= 18;
      const education =
        age < 7
          ? "tidak_sekolah"
          : age < 13
            ? "belum_tamat_sd"
            : age < 16
              ? "sd"
              : age < 19
                ? "smp"
                : poor
                  ? rnd.pick(["tidak_sekolah", "belum_tamat_sd", "sd", "sd", "smp", "sma"])
                  : rnd.pick(["sd", "smp", "sma", "sma", "sma", "diploma", "s1", "s1", "s2"]);
      const occupation =
        age < 19
          ? age >= 7
            ? "pelajar"
            : "tidak_bekerja"
          : age >= 65
            ? rnd.pick(["pensiunan", "tidak_bekerja", "tidak_bekerja", "pedagang"])
            : relation === "istri" && rnd.chance(0.5)
              ? "mengurus_rumah_tangga"
              : poor
                ? rnd.pick(["buruh_harian", "pedagang", "pengemudi", "pemulung", "tidak_bekerja", "lainnya"])
                : rnd.pick([
                    "karyawan_swasta",
                    "wiraswasta",
                    "pedagang",
                    "asn",
                    "pengemudi",
                    "karyawan_swasta",
                    "tni_polri",
                  ]);
      const earning = !["tidak_bekerja", "mengurus_rumah_tangga", "pelajar"].includes(occupation);
      const income = earning
        ? Math.round((poor ? rnd.int(300, 2500) : rnd.int(2500, 12000)) / 50) * 50_000
        : null;
      return {
        nik: makeNik(region6, born, sex),
        name,
        sex,
        birthPlace: rnd.pick(BIRTH_PLACES),
        birthDate: born,
        relation,
        maritalStatus: !adult ? "belum_kawin" : relation === "anak" ? "belum_kawin" : "kawin",
        education,
        occupation,
        monthlyIncome: income,
        disability: rnd.chance(0.025)
          ? rnd.pick(["fisik", "intelektual", "mental", "sensorik", "ganda"])
          : null,
        chronicIllness: rnd.chance(age > 50 ? 0.2 : 0.04) ? rnd.pick(CHRONIC) : null,
        healthInsurance: poor
          ? rnd.pick(["pbi", "pbi", "pbi", "none"])
          : rnd.pick(["non_pbi", "non_pbi", "pbi", "none"]),
        phone:
          adult && rnd.chance(0.75)
            ? `08${rnd.pick(["12", "13", "21", "52", "57", "77", "78", "95", "96", "81"])}${pad(rnd.int(0, 99_999_999), 8)}`
            : null,
      };
    };

    const headSex = rnd.chance(0.85) ? "L" : "P";
    const headAge = rnd.int(22, 82);
    const head = person("kepala_keluarga", headSex, headAge);
    members.push(head);
    const married = headSex === "L" ? rnd.chance(0.85) : false;
    if (!married && headSex === "P")
      head.maritalStatus = rnd.pick(["cerai_hidup", "cerai_mati", "cerai_mati"]);
    if (married) members.push(person("istri", "P", Math.max(18, headAge - rnd.int(-2, 8))));
    const motherAge = married ? headAge : headAge;
    const children = headAge < 60 ? rnd.int(0, 4) : rnd.int(0, 2);
    for (let c = 0; c < children; c++) {
      const age = Math.max(0, motherAge - rnd.int(19, 40));
      members.push(person("anak", rnd.chance(0.5) ? "L" : "P", age));
    }
    if (headAge < 50 && rnd.chance(0.12))
      members.push(
        person(
          rnd.pick(["orang_tua", "mertua"] as const),
          rnd.chance(0.6) ? "P" : "L",
          headAge + rnd.int(22, 32),
        ),
      );
    if (headAge > 55 && rnd.chance(0.2))
      members.push(person("cucu", rnd.chance(0.5) ? "L" : "P", rnd.int(0, 12)));
    if (rnd.chance(0.05)) members.push(person("famili_lain", rnd.chance(0.5) ? "L" : "P", rnd.int(15, 60)));

    const regDate = `${pad(rnd.int(1, 28), 2)}${pad(rnd.int(1, 12), 2)}${pad(rnd.int(5, 25), 2)}`;
    const kkPrefix = `${kecamatan}${regDate}`;
    const kkSerial = (kkSerials.get(kkPrefix) ?? 0) + 1;
    kkSerials.set(kkPrefix, kkSerial);

    yield {
      kkNumber: `${kkPrefix}${pad(kkSerial, 4)}`,
      regionCode,
      rw: pad(rnd.int(1, 12), 3),
      rt: pad(rnd.int(1, 15), 3),
      address: `${rnd.pick(STREETS)} No. ${rnd.int(1, 120)}`,
      latitude: Number((-6.215 + (kelIndex % 8) * 0.009 + rnd.next() * 0.006).toFixed(6)),
      longitude: Number((106.8 + Math.floor(kelIndex / 8) * 0.012 + rnd.next() * 0.008).toFixed(6)),
      members,
    };
  }
}

/** Demo workforce names: one TKSK per kecamatan, one PSM per kelurahan. */
export function workerName(rnd: Random): string {
  const sex = rnd.chance(0.5);
  return `${sex ? rnd.pick(MALE_GIVEN) : rnd.pick(FEMALE_GIVEN)} ${rnd.pick(FAMILY_NAMES)}`;
}
