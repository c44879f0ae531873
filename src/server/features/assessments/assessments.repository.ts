/** SQL of household assessments. */
import type { Db } from "../../db/database.ts";
import type { AssessmentRow, NewAssessmentRow } from "./assessments.table.ts";

/** Living, unmerged members of a household: the weight of its assessment in person figures. */
export async function countLivingMembers(db: Db, householdId: string): Promise<number> {
  const row = await db
    .selectFrom("persons")
    .select((e) => e.fn.countAll<number | string>().as("n"))
    .where("household_id", "=", householdId)
    .where("died_at", "is", null)
    .where("merged_into_id", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inserts an assessment and re-marks the latest one of its household and period (by date, then
 * by creation), in the caller's transaction, so `is_latest` never disagrees with the history.
 * The household row is locked first: on PostgreSQL two assessments of one household written at
 * the same time could otherwise each see only itself and both stay marked latest. (Writers also
 * take the change counter's row when they allocate a seq, which serialises them today; this lock
 * keeps the rule from depending on that. SQLite runs one write transaction at a time.)
 */
export async function insertAssessment(db: Db, row: NewAssessmentRow): Promise<void> {
  await lockHousehold(db, row.household_id);
  await db.insertInto("assessments").values(row).execute();
  await markLatest(db, row.household_id, row.period);
}

/** A no-op update that takes the household's row lock until the transaction ends. */
async function lockHousehold(db: Db, householdId: string): Promise<void> {
  await db
    .updateTable("households")
    .set((eb) => ({ kk_number: eb.ref("kk_number") }))
    .where("id", "=", householdId)
    .execute();
}

async function markLatest(db: Db, householdId: string, period: string): Promise<void> {
  const latest = await db
    .selectFrom("assessments")
    .select("id")
    .where("household_id", "=", householdId)
    .where("period", "=", period)
    .orderBy("assessed_on", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("assessments")
    .set({ is_latest: 0 })
    .where("household_id", "=", householdId)
    .where("period", "=", period)
    .where("is_latest", "=", 1)
    .where("id", "!=", latest.id)
    .execute();
  await db.updateTable("assessments").set({ is_latest: 1 }).where("id", "=", latest.id).execute();
}

/** A household's assessments, newest first. */
export async function listHouseholdAssessments(db: Db, householdId: string): Promise<AssessmentRow[]> {
  return db
    .selectFrom("assessments")
    .selectAll()
    .where("household_id", "=", householdId)
    .orderBy("assessed_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom("assessments").selectAll().where("id", "=", id).executeTakeFirst();
}
