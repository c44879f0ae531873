/** SQL behind correcting training records: what a programme, cohort or session already holds, and deletes. */
import type { Db } from "../../db/database.ts";

/** What has been recorded under the given cohorts (and, when given, only these sessions' attendance). */
export interface Usage {
  attendance: number;
  attempts: number;
  certificates: number;
}

async function count(query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}

export async function usageOf(db: Db, cohortIds: string[], sessionIds?: string[]): Promise<Usage> {
  if (cohortIds.length === 0) return { attendance: 0, attempts: 0, certificates: 0 };
  let attendance = db
    .selectFrom("training_attendance as a")
    .innerJoin("training_sessions as s", "s.id", "a.session_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("s.cohort_id", "in", cohortIds);
  if (sessionIds) attendance = attendance.where("a.session_id", "in", sessionIds);
  const [a, t, c] = await Promise.all([
    count(attendance.executeTakeFirst()),
    sessionIds
      ? Promise.resolve(0)
      : count(
          db
            .selectFrom("training_attempts as a")
            .innerJoin("training_tests as t", "t.id", "a.test_id")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("t.cohort_id", "in", cohortIds)
            .executeTakeFirst(),
        ),
    count(
      db
        .selectFrom("training_certificates as c")
        .innerJoin("training_enrolments as e", "e.id", "c.enrolment_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("e.cohort_id", "in", cohortIds)
        .executeTakeFirst(),
    ),
  ]);
  return { attendance: a, attempts: t, certificates: c };
}

export async function cohortIdsOf(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("training_cohorts")
    .select("id")
    .where("programme_id", "=", programmeId)
    .execute();
  return rows.map((r) => r.id);
}

/** Active enrolments per role over every cohort of the programme. */
export async function enrolledByRole(db: Db, programmeId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("training_enrolments as e")
    .innerJoin("training_cohorts as c", "c.id", "e.cohort_id")
    .select(["e.role", (eb) => eb.fn.countAll<number>().as("n")])
    .where("c.programme_id", "=", programmeId)
    .where("e.withdrawn_at", "is", null)
    .groupBy("e.role")
    .execute();
  return new Map(rows.map((r) => [r.role, Number(r.n)]));
}

/** Active participants whose region lies outside `regionCode`. */
export function participantsOutside(db: Db, cohortId: string, regionCode: string) {
  return db
    .selectFrom("training_enrolments as e")
    .innerJoin("workers as w", "w.id", "e.worker_id")
    .select(["e.id", "w.name", "e.region_code"])
    .where("e.cohort_id", "=", cohortId)
    .where("e.withdrawn_at", "is", null)
    .where("e.region_code", "not like", `${regionCode}%`)
    .execute();
}

export function findSession(db: Db, id: string) {
  return db.selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findEnrolment(db: Db, id: string) {
  return db.selectFrom("training_enrolments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function replaceQuotas(db: Db, programmeId: string, quotas: [string, number][]): Promise<void> {
  await db.deleteFrom("training_quotas").where("programme_id", "=", programmeId).execute();
  if (quotas.length > 0) {
    await db
      .insertInto("training_quotas")
      .values(quotas.map(([role, quota]) => ({ programme_id: programmeId, role, quota })))
      .execute();
  }
}

export async function replaceSessionModules(db: Db, sessionId: string, moduleIds: string[]): Promise<void> {
  await db.deleteFrom("training_session_modules").where("session_id", "=", sessionId).execute();
  if (moduleIds.length > 0) {
    await db
      .insertInto("training_session_modules")
      .values(moduleIds.map((module_id) => ({ session_id: sessionId, module_id })))
      .execute();
  }
}

/** The training records that are deleted while empty and retired once they hold records. */
export type RetirableTable = "training_programmes" | "training_cohorts" | "training_sessions";

/** Where a row records that it was retired: programmes are archived, cohorts and sessions cancelled. */
export type Retirement =
  | { table: "training_programmes"; column: "archived_at" }
  | { table: "training_cohorts" | "training_sessions"; column: "cancelled_at" };

/** Deletes rows by id; children go with them (the foreign keys cascade). */
export async function deleteById(db: Db, table: RetirableTable, id: string): Promise<void> {
  await db.deleteFrom(table).where("id", "=", id).execute();
}

/** Marks a row archived or cancelled at `at`, or (null) restores it. */
export async function markRetired(
  db: Db,
  retirement: Retirement,
  id: string,
  at: string | null,
): Promise<void> {
  if (retirement.column === "archived_at") {
    await db.updateTable(retirement.table).set({ archived_at: at }).where("id", "=", id).execute();
  } else {
    await db.updateTable(retirement.table).set({ cancelled_at: at }).where("id", "=", id).execute();
  }
}
