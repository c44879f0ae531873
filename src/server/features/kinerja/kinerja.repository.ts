/** SQL behind the kinerja indicators: a worker's records and the work done on them. */
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";

export async function findWorker(db: Db, id: string) {
  return db
    .selectFrom("workers")
    .select(["id", "name", "role", "region_code", "active"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listWorkers(db: Db, regionPrefix: string | null) {
  let q = db
    .selectFrom("workers")
    .select(["id", "name", "role", "region_code", "active"])
    .where("active", "=", 1);
  if (regionPrefix) q = q.where("region_code", "like", `${regionPrefix}%`);
  return q.orderBy("region_code").orderBy("name").execute();
}

export async function workerIdOfUser(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("worker_id").where("id", "=", userId).executeTakeFirst();
  return row?.worker_id ?? null;
}

/** The logins linked to a worker: assessments and audited registry writes name the login. */
export async function userIdsOfWorker(db: Db, workerId: string): Promise<string[]> {
  const rows = await db.selectFrom("users").select("id").where("worker_id", "=", workerId).execute();
  return rows.map((r) => r.id);
}

/** Audited writes of households by these logins in [from, to): creates, and distinct households updated. */
export async function householdWrites(db: Db, userIds: string[], from: string, to: string) {
  if (userIds.length === 0) return { created: 0, updated: 0 };
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "record_id"])
    .where("user_id", "in", userIds)
    .where("table_name", "=", "households")
    .where("action", "in", ["create", "update"])
    .where("at", ">=", from)
    .where("at", "<", to)
    .execute();
  return {
    created: rows.filter((r) => r.action === "create").length,
    updated: new Set(rows.filter((r) => r.action === "update").map((r) => r.record_id)).size,
  };
}

/** Assessments whose assessor is one of these logins, assessed on a day in [from, to]. */
export async function countAssessments(db: Db, userIds: string[], from: string, to: string): Promise<number> {
  if (userIds.length === 0) return 0;
  const row = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assessor_id", "in", userIds)
    .where("assessed_on", ">=", from)
    .where("assessed_on", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countPpksFound(db: Db, workerId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom("ppks_classifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("worker_id", "=", workerId)
    .where("found_on", ">=", from)
    .where("found_on", "<=", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countVisits(db: Db, workerId: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom("visits")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("worker_id", "=", workerId)
    .where("visited_at", ">=", from)
    .where("visited_at", "<", to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every case the worker ever held, with all of its holders (to credit work at the right instant). */
export async function casesHeldBy(db: Db, workerId: string) {
  const held = await db
    .selectFrom("case_assignments")
    .select("case_id")
    .distinct()
    .where("worker_id", "=", workerId)
    .execute();
  const ids = held.map((r) => r.case_id);
  if (ids.length === 0) return { cases: [], assignments: [], referrals: [] };
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 500) chunks.push(ids.slice(i, i + 500));
  const cases = [];
  const assignments = [];
  const referrals = [];
  for (const chunk of chunks) {
    cases.push(
      ...(await db
        .selectFrom("cases")
        .select(["id", "reported_at", "first_visit_at", "closed_at"])
        .where("id", "in", chunk)
        .execute()),
    );
    assignments.push(
      ...(await db
        .selectFrom("case_assignments")
        .select(["case_id", "worker_id", "from_at", "to_at"])
        .where("case_id", "in", chunk)
        .execute()),
    );
    referrals.push(
      ...(await db
        .selectFrom("referrals")
        .select(["case_id", "created_at", "status", "completed_on"])
        .where("case_id", "in", chunk)
        .execute()),
    );
  }
  return { cases, assignments, referrals };
}

/** Follow-up tasks held by the worker and due in [from, to). */
export async function tasksDue(db: Db, workerId: string, from: string, to: string) {
  return db
    .selectFrom("case_tasks")
    .select(["due_at", "done_at", "status"])
    .where("assignee_id", "=", workerId)
    .where("due_at", ">=", from)
    .where("due_at", "<", to)
    .execute();
}

export async function listTargets(db: Db, month: string | null) {
  let q = db.selectFrom("kinerja_targets").selectAll();
  if (month) q = q.where("month", "=", month);
  return q.orderBy("month", "desc").orderBy("role").orderBy("indicator").execute();
}

/** Creates or updates the alert of a worker, indicator and month; `open` false resolves it. */
export async function saveAlert(
  db: Db,
  a: {
    workerId: string;
    supervisorWorkerId: string | null;
    regionCode: string;
    indicator: string;
    month: string;
    target: number;
    actual: number;
    expected: number;
    open: boolean;
    at: string;
  },
): Promise<void> {
  const existing = await db
    .selectFrom("kinerja_alerts")
    .select(["id", "status"])
    .where("worker_id", "=", a.workerId)
    .where("indicator", "=", a.indicator)
    .where("month", "=", a.month)
    .executeTakeFirst();
  if (!existing && !a.open) return;
  const seq = await allocateSeq(db);
  if (!existing) {
    await db
      .insertInto("kinerja_alerts")
      .values({
        id: newId(),
        worker_id: a.workerId,
        supervisor_worker_id: a.supervisorWorkerId,
        region_code: a.regionCode,
        indicator: a.indicator,
        month: a.month,
        target: a.target,
        actual: a.actual,
        expected: a.expected,
        status: "open",
        raised_at: a.at,
        resolved_at: null,
        seq,
      })
      .execute();
    return;
  }
  await db
    .updateTable("kinerja_alerts")
    .set({
      target: a.target,
      actual: a.actual,
      expected: a.expected,
      status: a.open ? "open" : "resolved",
      resolved_at: a.open ? null : a.at,
      seq,
    })
    .where("id", "=", existing.id)
    .execute();
}

export async function openAlerts(db: Db) {
  return db
    .selectFrom("kinerja_alerts as a")
    .innerJoin("workers as w", "w.id", "a.worker_id")
    .selectAll("a")
    .select("w.name as worker_name")
    .where("a.status", "=", "open")
    .orderBy("a.month", "desc")
    .orderBy("a.region_code")
    .execute();
}
