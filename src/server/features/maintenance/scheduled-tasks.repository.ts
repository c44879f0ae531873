/** SQL of the scheduled tasks' bookkeeping (scheduler.ts holds the rules). */
import type { Db } from "../../db/database.ts";
import type { ScheduledTaskRow } from "./scheduled-tasks.table.ts";

/**
 * Claims a run of `name` for `node` when its last run started before `dueSince` (or it never ran):
 * one conditional UPDATE, so of several nodes asking at once exactly one gets it. A task's row is
 * made on first use with a start in the distant past.
 */
export async function claimRun(
  db: Db,
  name: string,
  node: string,
  at: string,
  dueSince: string,
): Promise<boolean> {
  await db
    .insertInto("scheduled_tasks")
    .values({ name, last_started_at: "1970-01-01T00:00:00.000Z", run_count: 0 })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const result = await db
    .updateTable("scheduled_tasks")
    .set((eb) => ({
      last_started_at: at,
      last_finished_at: null,
      last_node: node,
      run_count: eb("run_count", "+", 1),
    }))
    .where("name", "=", name)
    .where("last_started_at", "<", dueSince)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishRun(db: Db, name: string, at: string, error: string | null): Promise<void> {
  await db
    .updateTable("scheduled_tasks")
    .set({ last_finished_at: at, last_error: error })
    .where("name", "=", name)
    .execute();
}

export async function listTasks(db: Db): Promise<ScheduledTaskRow[]> {
  return db.selectFrom("scheduled_tasks").selectAll().orderBy("name").execute();
}
