/**
 * `peduli seed --demo`: Jakarta Pusat's regions, its workforce (8 TKSK, 44 PSM) and a synthetic
 * population. Demo rows carry is_demo = 1; seeding again replaces them (the same seed gives the
 * same people), and never touches real records.
 */
import type { Kysely } from "kysely";
import { normalizeName, phoneticKeyOfNormalized } from "../../../core/identity/person-name.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { DEMO_CITY_CODE, DEMO_REGION_FILE, readShippedData } from "../../shipped-data.ts";
import { removeDemoAssessments, seedDemoAssessments } from "../assessments/demo-assessments.ts";
import { removeDemoCases, seedDemoCases } from "../cases/demo-cases.ts";
import type { NewHouseholdRow } from "../households/households.table.ts";
import type { NewPersonRow } from "../persons/persons.table.ts";
import { removeDemoPpks, seedDemoPpks } from "../ppks/demo-ppks.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import { removeDemoPsks, seedDemoPsks } from "../psks/demo-psks.ts";
import { importRegionsCsv } from "../regions/regions.service.ts";
import { seedDemoTraining } from "../training/demo-training.ts";
import { seedDemoUsers } from "../users/demo-users.ts";
import { createRandom, type DemoHousehold, generateHouseholds, workerName } from "./demo-population.ts";

export interface DemoSeedOptions {
  households?: number;
  seed?: number;
  /** Creates the demo logins (one per role, one per TKSK and PSM) with this password. */
  demoPassword?: string;
}

export interface DemoSeedSummary {
  regions: number;
  workers: number;
  /** PSKS organisations added (a Karang Taruna per kelurahan, …). */
  psks: number;
  /** PPKS classifications registered for the demo population. */
  ppks: number;
  households: number;
  persons: number;
  /** Login names of the demo users created. */
  users: string[];
}

const BATCH = 500;

export async function seedDemo(
  db: Kysely<Database>,
  options: DemoSeedOptions = {},
): Promise<DemoSeedSummary> {
  const count = options.households ?? 5000;
  const seed = options.seed ?? 2024;
  const regions = await importRegionsCsv(db, readShippedData(DEMO_REGION_FILE));
  // The PPKS and PSKS catalogues, which the demo's classifications and organisations name.
  await ensureCatalogues(db);

  return db.transaction().execute(async (trx) => {
    await removeDemoData(trx);
    const areas = await trx
      .selectFrom("regions")
      .select(["code", "kind"])
      .where("code", "like", `${DEMO_CITY_CODE}%`)
      .where("kind", "in", ["kecamatan", "kelurahan"])
      .orderBy("code")
      .execute();
    const kecamatan = areas.filter((a) => a.kind === "kecamatan").map((a) => a.code);
    const kelurahan = areas.filter((a) => a.kind === "kelurahan").map((a) => a.code);
    const workers = await insertWorkers(trx, kecamatan, kelurahan, seed);
    const psks = await seedDemoPsks(trx, { cityCode: DEMO_CITY_CODE, seed });
    const users = options.demoPassword ? await seedDemoUsers(trx, options.demoPassword) : [];

    let households = 0;
    let persons = 0;
    let batch: DemoHousehold[] = [];
    const flush = async () => {
      persons += await insertHouseholds(trx, batch);
      households += batch.length;
      batch = [];
    };
    for (const household of generateHouseholds({ count, kelurahanCodes: kelurahan, seed })) {
      batch.push(household);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    await seedDemoTraining(trx, { seed });
    await seedDemoCases(trx, { seed });
    await seedDemoAssessments(trx, { seed });
    const ppks = await seedDemoPpks(trx, { seed });
    return { regions: regions.read, workers, psks, ppks, households, persons, users };
  });
}

async function removeDemoData(trx: Db): Promise<void> {
  await removeDemoPpks(trx);
  await removeDemoCases(trx);
  await removeDemoAssessments(trx);
  await removeDemoPsks(trx);
  await trx.deleteFrom("users").where("is_demo", "=", 1).execute();
  await trx.deleteFrom("persons").where("is_demo", "=", 1).execute();
  await trx.deleteFrom("households").where("is_demo", "=", 1).execute();
  await trx.deleteFrom("workers").where("is_demo", "=", 1).execute();
}

async function insertWorkers(
  trx: Db,
  kecamatan: string[],
  kelurahan: string[],
  seed: number,
): Promise<number> {
  const rnd = createRandom(seed + 1);
  const now = nowIso();
  const assignments = [
    ...kecamatan.map((code) => ({ role: "tksk", code })),
    ...kelurahan.map((code) => ({ role: "psm", code })),
  ];
  const first = await allocateSeq(trx, assignments.length);
  await trx
    .insertInto("workers")
    .values(
      assignments.map((a, i) => ({
        id: newId(),
        name: workerName(rnd),
        role: a.role,
        region_code: a.code,
        phone: `0812${String(10_000_000 + i * 7919).slice(0, 8)}`,
        is_demo: 1,
        active: 1,
        seq: first + i,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return assignments.length;
}

/** Inserts a batch of households with their members; returns the number of persons. */
async function insertHouseholds(trx: Db, batch: DemoHousehold[]): Promise<number> {
  const now = nowIso();
  const memberCount = batch.reduce((n, h) => n + h.members.length, 0);
  let seq = await allocateSeq(trx, batch.length + memberCount);
  const householdRows: NewHouseholdRow[] = [];
  const personRows: NewPersonRow[] = [];
  for (const h of batch) {
    const id = newId();
    householdRows.push({
      id,
      kk_number: h.kkNumber,
      region_code: h.regionCode,
      rw: h.rw,
      rt: h.rt,
      address: h.address,
      latitude: h.latitude,
      longitude: h.longitude,
      is_demo: 1,
      seq: seq++,
      created_at: now,
      updated_at: now,
    });
    for (const m of h.members) {
      const normalized = normalizeName(m.name);
      personRows.push({
        id: newId(),
        household_id: id,
        nik: m.nik,
        nik_status: "ada",
        name: m.name,
        name_normalized: normalized,
        // The search key, so that the search triggers index the demo persons as they are written
        // (left empty, the first name search had to fill in every demo person's key).
        name_phonetic: phoneticKeyOfNormalized(normalized),
        sex: m.sex,
        birth_place: m.birthPlace,
        birth_date: m.birthDate,
        relation: m.relation,
        marital_status: m.maritalStatus,
        education: m.education,
        occupation: m.occupation,
        monthly_income: m.monthlyIncome,
        disability: m.disability,
        chronic_illness: m.chronicIllness,
        health_insurance: m.healthInsurance,
        phone: m.phone,
        region_code: h.regionCode,
        died_at: null,
        is_demo: 1,
        seq: seq++,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await trx.insertInto("households").values(householdRows).execute();
  // Persons have 25 columns; 1,000 rows stay below SQLite's limit of 32,766 bound parameters.
  for (let i = 0; i < personRows.length; i += 1000) {
    await trx
      .insertInto("persons")
      .values(personRows.slice(i, i + 1000))
      .execute();
  }
  return personRows.length;
}
