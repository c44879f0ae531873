/** SQL of the person import jobs (import-jobs.ts holds the rules). */
import type { Db } from "../../db/database.ts";
import type { ImportJobRow } from "./import-jobs.table.ts";

export async function insertJob(db: Db, row: ImportJobRow): Promise<void> {
  await db.insertInto("import_jobs").values(row).execute();
}

/** Updates a job that is still running (a finished job is never changed again). */
export async function updateRunningJob(db: Db, id: string, change: Partial<ImportJobRow>): Promise<void> {
  await db
    .updateTable("import_jobs")
    .set(change)
    .where("id", "=", id)
    .where("state", "=", "running")
    .execute();
}

export async function findJob(db: Db, owner: string, id: string): Promise<ImportJobRow | undefined> {
  return db
    .selectFrom("import_jobs")
    .selectAll()
    .where("id", "=", id)
    .where("owner_id", "=", owner)
    .executeTakeFirst();
}

/** Deletes every job that finished before `finishedBefore`. */
export async function deleteFinishedBefore(db: Db, finishedBefore: string): Promise<void> {
  await db.deleteFrom("import_jobs").where("finished_at", "<", finishedBefore).execute();
}

/** Deletes jobs finished before `finishedBefore`, and the owner's finished jobs beyond the newest `keep`. */
export async function pruneJobs(db: Db, owner: string, finishedBefore: string, keep: number): Promise<void> {
  await deleteFinishedBefore(db, finishedBefore);
  const kept = db
    .selectFrom("import_jobs")
    .select("id")
    .where("owner_id", "=", owner)
    .where("finished_at", "is not", null)
    .orderBy("started_at", "desc")
    .orderBy("id", "desc")
    .limit(keep);
  await db
    .deleteFrom("import_jobs")
    .where("owner_id", "=", owner)
    .where("finished_at", "is not", null)
    .where("id", "not in", kept)
    .execute();
}
