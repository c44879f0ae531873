/**
 * Demo PPKS classifications for `peduli seed --demo`: the vulnerable residents of the demo city,
 * consistent with what the rest of the demo says about them — the PPKS a demo case is about, a
 * penyandang disabilitas (or anak dengan kedisabilitasan) where a disability is recorded, lanjut
 * usia terlantar among the elderly living alone, fakir miskin among the poorest households by
 * their latest assessment, and a few perempuan rawan sosial ekonomi, anak terlantar and pemulung
 * in poor households: a few percent of residents, in every kelurahan. Drawn from a random stream
 * of their own, so the rest of the demo stays as it was; is_demo = 1, replaced on every seed.
 */

import { wibDate } from "../../../core/kinerja/period.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { createRandom } from "../demo/demo-population.ts";
import type { NewPpksClassificationRow } from "./ppks.table.ts";

export interface DemoPpksOptions {
  seed: number;
  now?: Date;
}

/** Removes the demo classifications (before the demo persons and households they name). */
export async function removeDemoPpks(trx: Db): Promise<void> {
  await trx.deleteFrom("ppks_classifications").where("is_demo", "=", 1).execute();
}

const DAY_MS = 86_400_000;

function ageOn(birthDate: string | null, today: string): number {
  if (!birthDate) return 30;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Inserts the demo classifications; returns how many. Call inside the seed's transaction, after
 * the population, its cases and its assessments.
 */
export async function seedDemoPpks(trx: Db, options: DemoPpksOptions): Promise<number> {
  await removeDemoPpks(trx);
  const rnd = createRandom(options.seed + 808);
  const now = options.now ?? new Date();
  const nowIso = now.toISOString();
  const today = wibDate(now);
  const persons = await trx
    .selectFrom("persons")
    .select(["id", "household_id", "region_code", "birth_date", "sex", "relation", "disability"])
    .where("is_demo", "=", 1)
    .where("died_at", "is", null)
    .orderBy("id")
    .execute();
  if (persons.length === 0) return 0;
  const households = await trx
    .selectFrom("households")
    .select(["id", "region_code"])
    .where("is_demo", "=", 1)
    .orderBy("id")
    .execute();
  const assessments = await trx
    .selectFrom("assessments")
    .select(["household_id", "score", "is_poor", "assessed_on"])
    .where("is_demo", "=", 1)
    .orderBy("household_id")
    .orderBy("assessed_on")
    .execute();
  const cases = await trx
    .selectFrom("cases")
    .select(["person_id", "household_id", "region_code", "category", "stage", "reported_at", "assignee_id"])
    .where("is_demo", "=", 1)
    .where("category_kind", "=", "ppks")
    .orderBy("case_number")
    .execute();

  const members = new Map<string, typeof persons>();
  for (const p of persons) {
    if (!p.household_id) continue;
    members.set(p.household_id, [...(members.get(p.household_id) ?? []), p]);
  }
  // The latest assessment of each household (ordered by date, the last one wins).
  const latest = new Map<string, { score: number; poor: boolean }>();
  for (const a of assessments) {
    if (a.household_id) latest.set(a.household_id, { score: Number(a.score), poor: Number(a.is_poor) === 1 });
  }

  const rows: Omit<NewPpksClassificationRow, "seq">[] = [];
  const taken = new Set<string>();
  const add = (
    target: { personId: string | null; householdId: string | null; regionCode: string },
    category: string,
    extra: { foundOn?: string; status?: string; source?: string; workerId?: string | null } = {},
  ) => {
    const key = `${target.personId ?? `kk:${target.householdId}`}|${category}`;
    if (taken.has(key)) return;
    taken.add(key);
    const foundOn = extra.foundOn ?? wibDate(new Date(now.getTime() - rnd.int(3, 400) * DAY_MS));
    const roll = rnd.next();
    rows.push({
      id: newId(),
      person_id: target.personId,
      household_id: target.householdId,
      category_code: category,
      found_on: foundOn,
      source: extra.source ?? (roll < 0.5 ? "temuan_lapangan" : roll < 0.8 ? "dtks" : "laporan_warga"),
      worker_id: extra.workerId ?? null,
      status: extra.status ?? (roll < 0.75 ? "aktif" : roll < 0.93 ? "ditangani" : "selesai"),
      note: null,
      region_code: target.regionCode,
      is_demo: 1,
      created_at: nowIso,
      updated_at: nowIso,
    });
  };

  // 1. What the demo cases are about: the case's PPKS for its person or household.
  for (const c of cases) {
    if (!c.person_id && !c.household_id) continue;
    add({ personId: c.person_id, householdId: c.household_id, regionCode: c.region_code }, c.category, {
      foundOn: wibDate(c.reported_at),
      status: c.stage === "selesai" ? "selesai" : "ditangani",
      source: "temuan_lapangan",
      workerId: c.assignee_id,
    });
  }
  // 2. Recorded disabilities: most are registered as PPKS (children under 18 in their own category).
  for (const p of persons) {
    if (!p.disability || !rnd.chance(0.7)) continue;
    const target = { personId: p.id, householdId: p.household_id, regionCode: p.region_code };
    add(target, ageOn(p.birth_date, today) < 18 ? "05" : "09");
  }
  // 3. The elderly: living alone, half of them; in a poor household, some.
  for (const p of persons) {
    if (ageOn(p.birth_date, today) < 60) continue;
    const household = p.household_id ? members.get(p.household_id) : undefined;
    const alone = (household?.length ?? 1) === 1;
    const poor = p.household_id ? (latest.get(p.household_id)?.poor ?? false) : false;
    if ((alone && rnd.chance(0.5)) || (poor && rnd.chance(0.12))) {
      add({ personId: p.id, householdId: p.household_id, regionCode: p.region_code }, "08");
    }
  }
  // 4. Fakir miskin: the poorest third of the poor households by their latest score (a household's
  //    own classification), and in poor households a few women heads, neglected children, pemulung.
  const poor = households
    .filter((h) => latest.get(h.id)?.poor)
    .sort(
      (a, b) => (latest.get(b.id)?.score ?? 0) - (latest.get(a.id)?.score ?? 0) || a.id.localeCompare(b.id),
    );
  for (const h of poor.slice(0, Math.ceil(poor.length / 3))) {
    add({ personId: null, householdId: h.id, regionCode: h.region_code }, "24");
  }
  for (const h of poor) {
    for (const p of members.get(h.id) ?? []) {
      const age = ageOn(p.birth_date, today);
      const target = { personId: p.id, householdId: h.id, regionCode: h.region_code };
      if (p.sex === "P" && p.relation === "kepala_keluarga" && rnd.chance(0.25)) add(target, "23");
      else if (age < 18 && rnd.chance(0.02)) add(target, age < 5 ? "01" : "02");
      else if (age >= 18 && age < 60 && rnd.chance(0.008)) add(target, "13");
    }
  }
  // 5. Every kelurahan holds some: where none was found, its poorest assessed household.
  const covered = new Set(rows.map((r) => r.region_code));
  const byRegion = new Map<string, typeof households>();
  for (const h of households) byRegion.set(h.region_code, [...(byRegion.get(h.region_code) ?? []), h]);
  for (const [region, list] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (covered.has(region)) continue;
    const poorest = [...list].sort(
      (a, b) => (latest.get(b.id)?.score ?? 0) - (latest.get(a.id)?.score ?? 0),
    )[0];
    if (poorest) add({ personId: null, householdId: poorest.id, regionCode: region }, "24");
  }

  if (rows.length === 0) return 0;
  const first = await allocateSeq(trx, rows.length);
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto("ppks_classifications")
      .values(rows.slice(i, i + 1000).map((r, j) => ({ ...r, seq: first + i + j })))
      .execute();
  }
  return rows.length;
}
