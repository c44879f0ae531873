/** SQL of follow-up tasks. */

import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { CaseTaskTable } from "./cases.table.ts";

export type NewTaskRow = Insertable<CaseTaskTable>;

export interface TaskFilter {
  assigneeId?: string;
  regionCode?: string;
  caseId?: string;
  status?: "open" | "done" | "cancelled";
  dueBefore?: string;
  dueFrom?: string;
}

/** Inserts tasks unless their id exists (client-made ids); returns how many were inserted. */
export async function insertTasks(db: Db, rows: NewTaskRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto("case_tasks")
    .values(rows)
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

function taskSelect(db: Db) {
  return db
    .selectFrom("case_tasks as t")
    .innerJoin("cases as c", "c.id", "t.case_id")
    .leftJoin("persons as p", "p.id", "c.person_id")
    .leftJoin("households as h", "h.id", "c.household_id")
    .leftJoin("regions as r", "r.code", "c.region_code")
    .selectAll("t")
    .select([
      "c.case_number",
      "c.urgency",
      "c.subject_type",
      "c.rw",
      "c.rt",
      "p.name as person_name",
      "h.address as household_address",
      "r.name as region_name",
    ]);
}

export type TaskListRow = Awaited<ReturnType<ReturnType<typeof taskSelect>["executeTakeFirstOrThrow"]>>;

export async function listTasks(
  db: Db,
  filter: TaskFilter,
  scope: RegionScope,
  page: { limit: number; offset: number },
): Promise<{ rows: TaskListRow[]; total: number }> {
  let query = taskSelect(db).where(scopeCondition("t.region_code", scope));
  if (filter.assigneeId) query = query.where("t.assignee_id", "=", filter.assigneeId);
  if (filter.regionCode) query = query.where("t.region_code", "like", `${filter.regionCode}%`);
  if (filter.caseId) query = query.where("t.case_id", "=", filter.caseId);
  if (filter.status) query = query.where("t.status", "=", filter.status);
  if (filter.dueBefore) query = query.where("t.due_at", "<", filter.dueBefore);
  if (filter.dueFrom) query = query.where("t.due_at", ">=", filter.dueFrom);
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("t.due_at")
    .orderBy("t.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(counted.n) };
}

export async function findTask(db: Db, id: string, scope: RegionScope): Promise<TaskListRow | undefined> {
  return taskSelect(db)
    .where("t.id", "=", id)
    .where(scopeCondition("t.region_code", scope))
    .executeTakeFirst();
}

/** Closes the open tasks of a case that match (a kind, a referral), at `at`. */
export async function closeOpenTasks(
  db: Db,
  where: { caseId: string; kind?: string; referralId?: string; taskId?: string },
  status: "done" | "cancelled",
  at: string,
  seq: number,
): Promise<number> {
  let query = db
    .updateTable("case_tasks")
    .set({ status, done_at: at, updated_at: at, seq })
    .where("case_id", "=", where.caseId)
    .where("status", "=", "open");
  if (where.kind) query = query.where("kind", "=", where.kind);
  if (where.referralId) query = query.where("referral_id", "=", where.referralId);
  if (where.taskId) query = query.where("id", "=", where.taskId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Hands a case's open tasks to its new holder. */
export async function reassignOpenTasks(
  db: Db,
  caseId: string,
  workerId: string,
  at: string,
  seq: number,
): Promise<void> {
  await db
    .updateTable("case_tasks")
    .set({ assignee_id: workerId, updated_at: at, seq })
    .where("case_id", "=", caseId)
    .where("status", "=", "open")
    .execute();
}

/** Moves the due instant of a case's open first-visit task (its urgency changed). */
export async function rescheduleFirstVisit(
  db: Db,
  caseId: string,
  dueAt: string,
  at: string,
  seq: number,
): Promise<void> {
  await db
    .updateTable("case_tasks")
    .set({ due_at: dueAt, updated_at: at, seq })
    .where("case_id", "=", caseId)
    .where("kind", "=", "first_visit")
    .where("status", "=", "open")
    .execute();
}
