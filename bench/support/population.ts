/**
 * The synthetic registry the benches measure: households and persons from the demo generator,
 * written through the import's bulk SQLite path (the same statements, deferred index builds and
 * search-index fill that `peduli import persons` uses into an empty registry).
 *
 * It builds exactly the requested numbers: `households` households holding `persons` persons in
 * all, spread evenly over the given kelurahan. Each household keeps the generator's members in
 * their order (head first) up to its share of the persons (3 or 4 for 1,000,000 persons in
 * 300,000 households); a household the generator made smaller is topped up with members of
 * households it generated but that are not written (so every NIK stays unique).
 */
import type SqliteDatabase from "better-sqlite3";
import { normalizeName, phoneticKey } from "../../src/core/identity/person-name.ts";
import { newId, nowIso } from "../../src/server/db/ids.ts";
import {
  type DemoHousehold,
  type DemoPerson,
  generateHouseholds,
} from "../../src/server/features/demo/demo-population.ts";
import { sqliteImportStore } from "../../src/server/features/imports/person-import.repository.ts";

export interface PopulationOptions {
  persons: number;
  /** Default: 3 households for every 10 persons (300,000 for 1,000,000). */
  households?: number;
  /** 10-digit kelurahan codes; households are spread evenly over them. */
  kelurahan: readonly string[];
  seed?: number;
  /** Called for every person written, with its new id and kelurahan. */
  onPerson?: (person: { id: string; regionCode: string; member: DemoPerson }) => void;
}

/** Default number of households for `persons` persons. */
export function defaultHouseholds(persons: number): number {
  return Math.max(1, Math.round(persons * 0.3));
}

/**
 * Writes the population in one transaction on `sqlite` (an empty, migrated database) and
 * returns what it wrote, how long it took and the next free change number.
 */
export async function buildPopulation(
  sqlite: SqliteDatabase.Database,
  options: PopulationOptions,
): Promise<{ persons: number; households: number; seconds: number; nextSeq: number }> {
  const started = performance.now();
  const totalPersons = options.persons;
  const totalHouseholds = Math.min(options.households ?? defaultHouseholds(totalPersons), totalPersons);
  // More households than needed: the spare ones donate members to households that are short.
  const source = generateHouseholds({
    count: Number.MAX_SAFE_INTEGER,
    kelurahanCodes: options.kelurahan,
    seed: options.seed,
  });
  const next = (): DemoHousehold => source.next().value as DemoHousehold;
  const spare: DemoPerson[] = [];
  const now = nowIso();
  let seq = 1;
  let persons = 0;
  sqlite.exec("BEGIN IMMEDIATE");
  const store = sqliteImportStore(sqlite);
  for (let i = 0; i < totalHouseholds; i++) {
    const share =
      Math.floor(((i + 1) * totalPersons) / totalHouseholds) -
      Math.floor((i * totalPersons) / totalHouseholds);
    const h = next();
    const regionCode = options.kelurahan[i % options.kelurahan.length] as string;
    const members = h.members.slice(0, share);
    while (members.length < share) {
      if (spare.length === 0) spare.push(...next().members);
      members.push(spare.pop() as DemoPerson);
    }
    const householdId = newId();
    store.insertHousehold({
      id: householdId,
      kk_number: h.kkNumber,
      region_code: regionCode,
      rw: h.rw,
      rt: h.rt,
      address: h.address,
      latitude: h.latitude,
      longitude: h.longitude,
      seq: seq++,
      now,
    });
    for (const m of members) {
      const id = newId();
      store.insertPerson({
        id,
        nik: m.nik,
        household_id: householdId,
        name: m.name,
        name_normalized: normalizeName(m.name),
        name_phonetic: phoneticKey(m.name),
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
        region_code: regionCode,
        seq: seq++,
        now,
      });
      persons++;
      options.onPerson?.({ id, regionCode, member: m });
    }
  }
  await store.finish(() => {});
  sqlite.exec("COMMIT");
  return {
    persons,
    households: totalHouseholds,
    seconds: (performance.now() - started) / 1000,
    nextSeq: seq,
  };
}
