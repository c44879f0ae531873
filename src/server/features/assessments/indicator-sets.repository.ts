/** SQL of indicator sets. */
import type { Db } from "../../db/database.ts";
import type { IndicatorSetRow, IndicatorSetTable } from "./assessments.table.ts";

/** Every version, newest first within a code, with the number of assessments that used it. */
export async function listIndicatorSets(db: Db) {
  const rows = await db
    .selectFrom("indicator_sets as s")
    .selectAll("s")
    .select((eb) =>
      eb
        .selectFrom("assessments as a")
        .whereRef("a.indicator_set_id", "=", "s.id")
        .select((e) => e.fn.countAll<number | string>().as("n"))
        .as("assessment_count"),
    )
    .orderBy("s.code")
    .orderBy("s.version", "desc")
    .execute();
  return rows.map((r) => ({ ...r, assessment_count: Number(r.assessment_count ?? 0) }));
}

export async function findIndicatorSet(db: Db, id: string): Promise<IndicatorSetRow | undefined> {
  return db.selectFrom("indicator_sets").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The highest version of a code. */
export async function latestVersion(db: Db, code: string): Promise<IndicatorSetRow | undefined> {
  return db
    .selectFrom("indicator_sets")
    .selectAll()
    .where("code", "=", code)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function countAssessmentsOfSet(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom("assessments")
    .select((e) => e.fn.countAll<number | string>().as("n"))
    .where("indicator_set_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertIndicatorSet(db: Db, row: IndicatorSetTable): Promise<void> {
  await db.insertInto("indicator_sets").values(row).execute();
}
