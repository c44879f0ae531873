/**
 * SQL of the DTSEN import: the registry rows an extract's batch is matched against, and the
 * DTSEN rows (families' desil, members, differences) already stored for the same keys and period,
 * so that the writer only writes what changed. Lists of keys are read in chunks: one statement per
 * few hundred rows, not per row.
 */
import type { Insertable, InsertObject } from "kysely";
import type { Database, Db } from "../../db/database.ts";
import type {
  DtsenDifferenceTable,
  DtsenFamilyTable,
  DtsenImportTable,
  DtsenMemberTable,
} from "./dtsen.table.ts";

const CHUNK = 500;

/** Reads `keys` a few hundred at a time (one statement each, under any parameter limit). */
export async function chunked<T>(
  keys: readonly string[],
  read: (part: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let at = 0; at < keys.length; at += CHUNK) out.push(...(await read(keys.slice(at, at + CHUNK))));
  return out;
}

/** A registry person as the extract is compared with it (with the household's number and address). */
export interface RegistryPerson {
  id: string;
  nik: string | null;
  name: string;
  name_normalized: string;
  sex: string;
  birth_date: string | null;
  relation: string;
  region_code: string;
  died_at: string | null;
  household_id: string | null;
  kk_number: string | null;
  household_region: string | null;
  rw: string | null;
  rt: string | null;
  address: string | null;
}

function personsWith(db: Db) {
  return db
    .selectFrom("persons as p")
    .leftJoin("households as h", "h.id", "p.household_id")
    .select([
      "p.id",
      "p.nik",
      "p.name",
      "p.name_normalized",
      "p.sex",
      "p.birth_date",
      "p.relation",
      "p.region_code",
      "p.died_at",
      "p.household_id",
      "h.kk_number",
      "h.region_code as household_region",
      "h.rw",
      "h.rt",
      "h.address",
    ])
    .where("p.merged_into_id", "is", null);
}

export function findPersonsByNik(db: Db, niks: readonly string[]): Promise<RegistryPerson[]> {
  return chunked(niks, (part) => personsWith(db).where("p.nik", "in", part).execute());
}

/** Persons without a NIK in the given households (matched to extract rows by name). */
export function findUnnumberedMembers(db: Db, householdIds: readonly string[]): Promise<RegistryPerson[]> {
  return chunked(householdIds, (part) =>
    personsWith(db).where("p.household_id", "in", part).where("p.nik", "is", null).execute(),
  );
}

export interface RegistryHousehold {
  id: string;
  kk_number: string | null;
  region_code: string;
  rw: string;
  rt: string;
  address: string;
}

export function findHouseholdsByKk(db: Db, kks: readonly string[]): Promise<RegistryHousehold[]> {
  return chunked(kks, (part) =>
    db
      .selectFrom("households")
      .select(["id", "kk_number", "region_code", "rw", "rt", "address"])
      .where("kk_number", "in", part)
      .execute(),
  );
}

export function findFamilies(db: Db, period: string, householdIds: readonly string[]) {
  return chunked(householdIds, (part) =>
    db
      .selectFrom("dtsen_families")
      .selectAll()
      .where("period", "=", period)
      .where("household_id", "in", part)
      .execute(),
  );
}

export function findMembers(db: Db, period: string, personIds: readonly string[]) {
  return chunked(personIds, (part) =>
    db
      .selectFrom("dtsen_members")
      .selectAll()
      .where("period", "=", period)
      .where("person_id", "in", part)
      .execute(),
  );
}

export function findDifferences(db: Db, period: string, personIds: readonly string[]) {
  return chunked(personIds, (part) =>
    db
      .selectFrom("dtsen_differences")
      .selectAll()
      .where("period", "=", period)
      .where("person_id", "in", part)
      .execute(),
  );
}

/** Multi-row inserts of a few hundred rows each (under either engine's parameter limit). */
async function insertMany<T extends "dtsen_families" | "dtsen_members" | "dtsen_differences">(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let at = 0; at < rows.length; at += 200) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + 200) as InsertObject<Database, T>[])
      .execute();
  }
}

export const insertFamilies = (db: Db, rows: readonly DtsenFamilyTable[]) =>
  insertMany(db, "dtsen_families", rows);
export const insertMembers = (db: Db, rows: readonly DtsenMemberTable[]) =>
  insertMany(db, "dtsen_members", rows);
export const insertDifferences = (db: Db, rows: readonly DtsenDifferenceTable[]) =>
  insertMany(db, "dtsen_differences", rows);

export async function updateFamily(db: Db, row: DtsenFamilyTable): Promise<void> {
  await db
    .updateTable("dtsen_families")
    .set({
      desil: row.desil,
      family_id: row.family_id,
      region_code: row.region_code,
      import_id: row.import_id,
      updated_at: row.updated_at,
    })
    .where("household_id", "=", row.household_id)
    .where("period", "=", row.period)
    .execute();
}

export async function updateMember(db: Db, row: DtsenMemberTable): Promise<void> {
  await db
    .updateTable("dtsen_members")
    .set({
      household_id: row.household_id,
      region_code: row.region_code,
      programmes: row.programmes,
      import_id: row.import_id,
      updated_at: row.updated_at,
    })
    .where("person_id", "=", row.person_id)
    .where("period", "=", row.period)
    .execute();
}

export async function updateDifference(db: Db, row: DtsenDifferenceTable): Promise<void> {
  await db
    .updateTable("dtsen_differences")
    .set({
      registry_value: row.registry_value,
      dtsen_value: row.dtsen_value,
      household_id: row.household_id,
      region_code: row.region_code,
      import_id: row.import_id,
      updated_at: row.updated_at,
    })
    .where("person_id", "=", row.person_id)
    .where("period", "=", row.period)
    .where("field", "=", row.field)
    .execute();
}

export async function deleteDifference(db: Db, key: { person_id: string; period: string; field: string }) {
  await db
    .deleteFrom("dtsen_differences")
    .where("person_id", "=", key.person_id)
    .where("period", "=", key.period)
    .where("field", "=", key.field)
    .execute();
}

export async function insertImport(db: Db, row: DtsenImportTable): Promise<void> {
  await db.insertInto("dtsen_imports").values(row).execute();
}
