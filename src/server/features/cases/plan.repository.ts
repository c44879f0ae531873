/** SQL of case plan items. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { CasePlanItemRow, CasePlanItemTable } from "./cases.table.ts";

export async function findPlanItem(db: Db, id: string): Promise<CasePlanItemRow | undefined> {
  return db.selectFrom("case_plan_items").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Goals first, then actions, each in the order added. */
export async function listPlanItems(db: Db, caseId: string): Promise<CasePlanItemRow[]> {
  return db
    .selectFrom("case_plan_items")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("kind", "desc")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function insertPlanItem(db: Db, row: Insertable<CasePlanItemTable>): Promise<void> {
  await db.insertInto("case_plan_items").values(row).execute();
}

export async function updatePlanItem(db: Db, id: string, changes: Partial<CasePlanItemRow>): Promise<void> {
  await db.updateTable("case_plan_items").set(changes).where("id", "=", id).execute();
}
