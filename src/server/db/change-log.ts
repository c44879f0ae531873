/**
 * Change sequence numbers for region-scoped data, so that a client (the offline field app) can ask
 * "what changed in my region since N". Every insert or update of such a row sets its `seq` to a
 * fresh number; every delete leaves a tombstone with one.
 *
 * Numbers come from a single counter row updated inside the writer's transaction. On PostgreSQL
 * the row lock is held until commit, so transactions receive numbers in commit order and a reader
 * that has seen N never later finds a smaller number appearing.
 */
import type { Db } from "./database.ts";

/** Reserves `count` consecutive sequence numbers and returns the first. Call inside a transaction. */
export async function allocateSeq(db: Db, count = 1): Promise<number> {
  const row = await db
    .updateTable("change_counter")
    .set((eb) => ({ value: eb("value", "+", count) }))
    .where("id", "=", 1)
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

/** Records that a region-scoped row was deleted. */
export async function recordDeletion(
  db: Db,
  entry: { tableName: string; recordId: string; regionCode: string },
): Promise<void> {
  const seq = await allocateSeq(db);
  await db
    .insertInto("tombstones")
    .values({
      seq,
      table_name: entry.tableName,
      record_id: entry.recordId,
      region_code: entry.regionCode,
      deleted_at: new Date().toISOString(),
    })
    .execute();
}

/** The highest sequence number handed out so far. */
export async function currentSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom("change_counter")
    .select("value")
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
