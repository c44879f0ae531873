/** SQL for the workforce registry. Every read takes the caller's RegionScope. */
import type { Db } from "../../db/database.ts";
import { applyScope, type RegionScope } from "../../db/scope.ts";
import type { WorkerRow, WorkerUpdate } from "./workers.table.ts";

export type WorkerWithRegion = WorkerRow & { region_name: string | null };

function withRegion(db: Db, scope: RegionScope) {
  const query = db
    .selectFrom("workers")
    .leftJoin("regions", "regions.code", "workers.region_code")
    .selectAll("workers")
    .select("regions.name as region_name");
  return applyScope(query, "workers.region_code", scope);
}

/** One worker, if it exists inside `scope`. */
export async function findWorker(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<WorkerWithRegion | undefined> {
  return withRegion(db, scope).where("workers.id", "=", id).executeTakeFirst();
}

export interface WorkerFilter {
  role?: string;
  region?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listWorkers(
  db: Db,
  scope: RegionScope,
  filter: WorkerFilter,
): Promise<{ rows: WorkerWithRegion[]; total: number }> {
  let query = withRegion(db, scope);
  if (filter.role) query = query.where("workers.role", "=", filter.role);
  if (filter.region) query = query.where("workers.region_code", "like", `${filter.region}%`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) => eb(eb.fn("lower", ["workers.name"]), "like", like));
  }
  const [rows, count] = await Promise.all([
    query
      .orderBy("workers.region_code")
      .orderBy("workers.name")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function updateWorker(db: Db, id: string, changes: WorkerUpdate): Promise<void> {
  await db.updateTable("workers").set(changes).where("id", "=", id).execute();
}

/** Demo workers with their region names, for creating their logins. */
export async function listDemoWorkers(db: Db): Promise<WorkerWithRegion[]> {
  return withRegion(db, { kind: "all" })
    .where("workers.is_demo", "=", 1)
    .orderBy("workers.region_code")
    .execute();
}
