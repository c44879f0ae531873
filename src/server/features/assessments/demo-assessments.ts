/**
 * Demo assessments for `peduli seed --demo`: every demo household assessed in 2026-Q2 and most of
 * them again in 2026-Q4, with the default set. Answers follow the demo persons where the registry
 * knows them (income per capita, the head's work and schooling, members with a disability or a
 * chronic illness and no insurance, members without JKN or NIK) and are drawn, correlated with
 * income, where it does not (housing, water, food). Between the visits some households get JKN,
 * electricity or a job, so the change between the periods shows. Deterministic for a seed.
 */
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { createRandom, type Random } from "../demo/demo-population.ts";
import { type AnswerValue, scoreAnswers } from "./assessment-scoring.ts";
import { assessmentRow } from "./assessments.service.ts";
import type { NewAssessmentRow } from "./assessments.table.ts";
import { ensureDefaultIndicatorSet } from "./indicator-sets.service.ts";

export interface DemoAssessmentsOptions {
  seed: number;
}

/** The two demo visits: early and late in the year. */
const FIRST_VISIT = "2026-05-";
const SECOND_VISIT = "2026-10-";
const LOW_EDUCATION = new Set(["tidak_sekolah", "belum_tamat_sd", "sd"]);
const NOT_WORKING = new Set(["tidak_bekerja", "mengurus_rumah_tangga", "pensiunan"]);

interface Member {
  household_id: string | null;
  relation: string;
  birth_date: string | null;
  education: string | null;
  occupation: string | null;
  monthly_income: number | null;
  disability: string | null;
  chronic_illness: string | null;
  health_insurance: string | null;
  nik_status: string;
}

function age(birthDate: string | null): number {
  return birthDate ? 2026 - Number(birthDate.slice(0, 4)) : 30;
}

function answersFor(members: Member[], rnd: Random): Record<string, AnswerValue> {
  const head = members.find((m) => m.relation === "kepala_keluarga") ?? (members[0] as Member);
  const income = members.reduce((s, m) => s + Number(m.monthly_income ?? 0), 0) / members.length;
  // Poorer households are likelier to live in poor housing: p grows as income falls.
  const p = Math.max(0.03, Math.min(0.6, (900000 - income) / 1500000));
  const edu = head.education ?? "sd";
  return {
    pendapatan_per_kapita: Math.round(income / 1000) * 1000,
    kepala_tidak_bekerja: NOT_WORKING.has(head.occupation ?? "tidak_bekerja"),
    tanpa_tabungan: rnd.chance(p + 0.15),
    pendidikan_kepala: LOW_EDUCATION.has(edu) ? edu : edu === "smp" ? "smp" : "sma",
    anak_tidak_sekolah:
      members.some((m) => age(m.birth_date) >= 7 && age(m.birth_date) <= 18) && rnd.chance(p / 2),
    makan_per_hari: rnd.chance(p / 2) ? 2 : 3,
    rawan_pangan: rnd.chance(p),
    sakit_tanpa_jaminan: members.some(
      (m) => (m.disability || m.chronic_illness) && (m.health_insurance ?? "none") === "none",
    ),
    luas_lantai_per_orang:
      Math.round((rnd.chance(p + 0.1) ? 4 + rnd.next() * 4 : 8 + rnd.next() * 20) * 10) / 10,
    lantai: rnd.chance(p / 3) ? rnd.pick(["tanah", "kayu_murah"]) : rnd.pick(["semen", "keramik", "keramik"]),
    dinding: rnd.chance(p / 2) ? rnd.pick(["kayu_murah", "tembok_tanpa_plester", "seng_kardus"]) : "tembok",
    jamban: rnd.chance(p / 2) ? rnd.pick(["bersama", "bersama", "tidak_ada"]) : "sendiri",
    air_minum: rnd.chance(p / 4)
      ? "sumur_tak_terlindung"
      : rnd.pick(["pam", "isi_ulang", "isi_ulang", "sumur_terlindung"]),
    penerangan: rnd.chance(p) ? "pln_450" : rnd.pick(["pln_900", "pln_1300"]),
    bahan_bakar: rnd.chance(p / 5) ? "minyak_tanah" : "gas",
    anggota_tanpa_jkn: members.some((m) => (m.health_insurance ?? "none") === "none"),
    anggota_tanpa_nik: members.some((m) => m.nik_status === "belum_ada"),
  };
}

/** What a year of help changed for some households. */
function improve(answers: Record<string, AnswerValue>, rnd: Random): Record<string, AnswerValue> {
  const next = { ...answers };
  if (next.anggota_tanpa_jkn && rnd.chance(0.4)) next.anggota_tanpa_jkn = false;
  if (next.sakit_tanpa_jaminan && rnd.chance(0.4)) next.sakit_tanpa_jaminan = false;
  if (next.anggota_tanpa_nik && rnd.chance(0.5)) next.anggota_tanpa_nik = false;
  if (next.penerangan === "pln_450" && rnd.chance(0.2)) next.penerangan = "pln_900";
  if (next.kepala_tidak_bekerja && rnd.chance(0.15)) next.kepala_tidak_bekerja = false;
  if (next.rawan_pangan && rnd.chance(0.3)) next.rawan_pangan = false;
  if (!next.rawan_pangan && rnd.chance(0.03)) next.rawan_pangan = true;
  return next;
}

/** Removes the demo assessments and every assessment of a demo household (before the households go). */
export async function removeDemoAssessments(trx: Db): Promise<void> {
  await trx
    .deleteFrom("assessments")
    .where((eb) =>
      eb.or([
        eb("is_demo", "=", 1),
        eb("household_id", "in", eb.selectFrom("households").select("id").where("is_demo", "=", 1)),
      ]),
    )
    .execute();
}

/** Inserts the demo assessments; returns how many. Call inside the seed's transaction. */
export async function seedDemoAssessments(trx: Db, options: DemoAssessmentsOptions): Promise<number> {
  await removeDemoAssessments(trx);
  const set = await ensureDefaultIndicatorSet(trx);
  const households = await trx
    .selectFrom("households")
    .select(["id", "region_code", "rw"])
    .where("is_demo", "=", 1)
    .orderBy("id")
    .execute();
  if (households.length === 0) return 0;
  const members = await trx
    .selectFrom("persons")
    .select([
      "household_id",
      "relation",
      "birth_date",
      "education",
      "occupation",
      "monthly_income",
      "disability",
      "chronic_illness",
      "health_insurance",
      "nik_status",
    ])
    .where("is_demo", "=", 1)
    .where("died_at", "is", null)
    .where("household_id", "is not", null)
    .execute();
  const byHousehold = new Map<string, Member[]>();
  for (const m of members) {
    const list = byHousehold.get(m.household_id as string) ?? [];
    list.push(m);
    byHousehold.set(m.household_id as string, list);
  }
  const rnd = createRandom(options.seed + 262);
  const rows: NewAssessmentRow[] = [];
  let seq = await allocateSeq(trx, households.length * 2);
  const add = (
    household: (typeof households)[number],
    size: number,
    date: string,
    answers: Record<string, AnswerValue>,
  ) => {
    const result = scoreAnswers(set.definition, answers);
    if (!result.ok) return;
    rows.push(
      assessmentRow({
        household,
        setId: set.row.id,
        assessedOn: date,
        householdSize: size,
        scored: result.scored,
        assessorId: null,
        isDemo: true,
        seq: seq++,
      }),
    );
  };
  for (const household of households) {
    const list = byHousehold.get(household.id);
    if (!list || list.length === 0) continue;
    const first = answersFor(list, rnd);
    const day = () => String(rnd.int(1, 28)).padStart(2, "0");
    add(household, list.length, `${FIRST_VISIT}${day()}`, first);
    if (rnd.chance(0.85)) add(household, list.length, `${SECOND_VISIT}${day()}`, improve(first, rnd));
  }
  // Each household has one assessment per period, so every row is the latest of its period.
  for (const row of rows) row.is_latest = 1;
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto("assessments")
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
