/** SQL of home visits and their photos. */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { VisitPhotoRow, VisitPhotoTable, VisitTable } from "./cases.table.ts";

export async function listVisits(db: Db, caseId: string) {
  return db
    .selectFrom("visits as v")
    .leftJoin("workers as w", "w.id", "v.worker_id")
    .selectAll("v")
    .select("w.name as worker_name")
    .where("v.case_id", "=", caseId)
    .orderBy("v.visited_at", "desc")
    .orderBy("v.id")
    .execute();
}

export type VisitListRow = Awaited<ReturnType<typeof listVisits>>[number];

export async function findVisit(db: Db, caseId: string, id: string) {
  return db
    .selectFrom("visits as v")
    .leftJoin("workers as w", "w.id", "v.worker_id")
    .selectAll("v")
    .select("w.name as worker_name")
    .where("v.case_id", "=", caseId)
    .where("v.id", "=", id)
    .executeTakeFirst();
}

export async function findVisitById(db: Db, id: string) {
  return db.selectFrom("visits").select(["id", "case_id"]).where("id", "=", id).executeTakeFirst();
}

export async function insertVisit(db: Db, row: Insertable<VisitTable>): Promise<void> {
  await db.insertInto("visits").values(row).execute();
}

export async function listPhotos(db: Db, visitIds: string[]): Promise<VisitPhotoRow[]> {
  if (visitIds.length === 0) return [];
  return db
    .selectFrom("visit_photos")
    .selectAll()
    .where("visit_id", "in", visitIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export async function findPhoto(db: Db, visitId: string, id: string): Promise<VisitPhotoRow | undefined> {
  return db
    .selectFrom("visit_photos")
    .selectAll()
    .where("visit_id", "=", visitId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertPhoto(db: Db, row: Insertable<VisitPhotoTable>): Promise<void> {
  await db.insertInto("visit_photos").values(row).execute();
}
