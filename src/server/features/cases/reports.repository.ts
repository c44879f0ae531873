/** SQL of the case reports: grouped counts within the actor's scope and the report filter. */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";

export interface ReportFilter {
  regionCode?: string;
  /** Reported on or after this instant. */
  from?: string;
  /** Reported before this instant. */
  to?: string;
}

function scopedCases(db: Db, filter: ReportFilter, scope: RegionScope) {
  let query = db.selectFrom("cases as c").where(scopeCondition("c.region_code", scope));
  if (filter.regionCode) query = query.where("c.region_code", "like", `${filter.regionCode}%`);
  if (filter.from) query = query.where("c.reported_at", ">=", filter.from);
  if (filter.to) query = query.where("c.reported_at", "<", filter.to);
  return query;
}

const openCount = sql<number>`sum(case when c.stage = 'selesai' then 0 else 1 end)`;
const closedCount = sql<number>`sum(case when c.stage = 'selesai' then 1 else 0 end)`;

export async function countsBy(
  db: Db,
  column: "c.category" | "c.region_code" | "c.urgency",
  filter: ReportFilter,
  scope: RegionScope,
) {
  const rows = await scopedCases(db, filter, scope)
    .select([sql.ref<string>(column).as("key"), openCount.as("open"), closedCount.as("closed")])
    .groupBy(column)
    .orderBy(column)
    .execute();
  return rows.map((r) => ({ key: r.key, open: Number(r.open), closed: Number(r.closed) }));
}

export async function caseDurations(db: Db, filter: ReportFilter, scope: RegionScope) {
  return scopedCases(db, filter, scope)
    .select(["c.reported_at", "c.first_visit_at", "c.closed_at"])
    .execute();
}

export async function overdueByWorker(db: Db, filter: ReportFilter, scope: RegionScope, now: string) {
  let query = db
    .selectFrom("case_tasks as t")
    .leftJoin("workers as w", "w.id", "t.assignee_id")
    .where(scopeCondition("t.region_code", scope))
    .where("t.status", "=", "open")
    .where("t.due_at", "<", now);
  if (filter.regionCode) query = query.where("t.region_code", "like", `${filter.regionCode}%`);
  const rows = await query
    .select((eb) => ["t.assignee_id", "w.name", "w.region_code", eb.fn.countAll<number>().as("n")])
    .groupBy(["t.assignee_id", "w.name", "w.region_code"])
    .orderBy("n", "desc")
    .orderBy("w.name")
    .execute();
  return rows.map((r) => ({
    workerId: r.assignee_id,
    workerName: r.name,
    regionCode: r.region_code,
    overdue: Number(r.n),
  }));
}

export async function referralOutcomes(db: Db, filter: ReportFilter, scope: RegionScope) {
  let query = db.selectFrom("referrals as f").where(scopeCondition("f.region_code", scope));
  if (filter.regionCode) query = query.where("f.region_code", "like", `${filter.regionCode}%`);
  if (filter.from) query = query.where("f.sent_on", ">=", filter.from.slice(0, 10));
  if (filter.to) query = query.where("f.sent_on", "<", filter.to.slice(0, 10));
  return query
    .select((eb) => ["f.target_name", "f.status", eb.fn.countAll<number>().as("n")])
    .groupBy(["f.target_name", "f.status"])
    .orderBy("f.target_name")
    .execute();
}

export async function regionNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom("regions").select(["code", "name"]).where("code", "in", codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
