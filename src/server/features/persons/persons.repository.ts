/**
 * SQL for persons, their PPKS classifications and events (the search: person-search.repository.ts).
 * No rules here: see persons.service.ts.
 */
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { NewPersonEventRow, PersonEventRow } from "./person-events.table.ts";
import type { NewPersonRow, PersonRow, PersonUpdate } from "./persons.table.ts";

export async function findPerson(db: Db, id: string, scope: RegionScope): Promise<PersonRow | undefined> {
  return db
    .selectFrom("persons as p")
    .selectAll("p")
    .where("p.id", "=", id)
    .where(scopeCondition("p.region_code", scope))
    .executeTakeFirst();
}

/** By id whatever the scope: to tell "someone else's record" from "no such record" on create. */
export async function findPersonAnywhere(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findPersonByNik(db: Db, nik: string): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("nik", "=", nik).executeTakeFirst();
}

/** Living, unmerged persons with this normalised name and birth date, other than `exceptId`. */
export async function findSameNameBirth(
  db: Db,
  nameNormalized: string,
  birthDate: string,
  exceptId: string,
): Promise<PersonRow[]> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("name_normalized", "=", nameNormalized)
    .where("birth_date", "=", birthDate)
    .where("id", "<>", exceptId)
    .where("merged_into_id", "is", null)
    .where("died_at", "is", null)
    .execute();
}

export async function insertPerson(db: Db, row: NewPersonRow): Promise<void> {
  await db.insertInto("persons").values(row).execute();
}

export async function updatePerson(db: Db, id: string, update: PersonUpdate): Promise<void> {
  await db.updateTable("persons").set(update).where("id", "=", id).execute();
}

export async function deletePerson(db: Db, id: string): Promise<void> {
  await db.deleteFrom("ppks_classifications").where("person_id", "=", id).execute();
  await db.deleteFrom("persons").where("id", "=", id).execute();
}

export async function listMembers(db: Db, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom("persons")
    .selectAll()
    .where("household_id", "=", householdId)
    .where("merged_into_id", "is", null)
    .orderBy("birth_date")
    .orderBy("id")
    .execute();
}

export async function insertEvent(db: Db, row: NewPersonEventRow): Promise<void> {
  await db.insertInto("person_events").values(row).execute();
}

export async function listPersonEvents(db: Db, personIds: string[]): Promise<PersonEventRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom("person_events")
    .selectAll()
    .where("person_id", "in", personIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function listHouseholdEvents(db: Db, householdId: string): Promise<PersonEventRow[]> {
  return db
    .selectFrom("person_events")
    .selectAll()
    .where("household_id", "=", householdId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Moves every classification, event and household-less reference of `fromId` to `toId` (a merge). */
export async function reassignPersonRecords(db: Db, fromId: string, toId: string): Promise<void> {
  await db
    .updateTable("ppks_classifications")
    .set({ person_id: toId })
    .where("person_id", "=", fromId)
    .execute();
}

/** Backfills the phonetic key of rows written without one (older rows, other writers). */
export async function backfillPhoneticKeys(db: Db, compute: (name: string) => string): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom("persons")
      .select(["id", "name"])
      .where("name_phonetic", "=", "")
      .limit(1000)
      .execute();
    const pending = rows.filter((r) => compute(r.name) !== "");
    if (pending.length === 0) return done;
    for (const r of pending) {
      await db
        .updateTable("persons")
        .set({ name_phonetic: compute(r.name) })
        .where("id", "=", r.id)
        .execute();
    }
    done += pending.length;
  }
}
