/**
 * SQL of cases, their timeline and assignment history. Every read takes the actor's RegionScope;
 * writes are called by services inside their transaction.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { CaseEventRow, CaseRow, CaseUpdate, NewCaseEventRow, NewCaseRow } from "./cases.table.ts";

export interface CaseFilter {
  regionCode?: string;
  category?: string;
  urgency?: string;
  stage?: string;
  open?: boolean;
  subjectType?: string;
  assigneeId?: string;
  /** Only cases with an open task due before this instant. */
  overdueAt?: string;
  householdId?: string;
  personId?: string;
  q?: string;
}

/** Cases with the names a presenter shows and the count of overdue tasks at `now`. */
function caseSelect(db: Db, now: string) {
  return db
    .selectFrom("cases as c")
    .leftJoin("regions as r", "r.code", "c.region_code")
    .leftJoin("workers as w", "w.id", "c.assignee_id")
    .leftJoin("persons as p", "p.id", "c.person_id")
    .leftJoin("households as h", "h.id", "c.household_id")
    .selectAll("c")
    .select([
      "r.name as region_name",
      "w.name as assignee_name",
      "p.name as person_name",
      "h.address as household_address",
    ])
    .select((eb) =>
      eb
        .selectFrom("case_tasks as t")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("t.case_id", "=", "c.id")
        .where("t.status", "=", "open")
        .where("t.due_at", "<", now)
        .as("overdue_tasks"),
    );
}

export type CaseListRow = CaseRow & {
  region_name: string | null;
  assignee_name: string | null;
  person_name: string | null;
  household_address: string | null;
  overdue_tasks: number | null;
};

export async function findCase(
  db: Db,
  id: string,
  scope: RegionScope,
  now: string,
): Promise<CaseListRow | undefined> {
  return caseSelect(db, now)
    .where("c.id", "=", id)
    .where(scopeCondition("c.region_code", scope))
    .executeTakeFirst();
}

/** The row as stored, without scope: for idempotent creates, which must tell "taken" from "mine". */
export async function findCaseRow(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listCases(
  db: Db,
  filter: CaseFilter,
  scope: RegionScope,
  now: string,
  page: { limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  let query = caseSelect(db, now).where(scopeCondition("c.region_code", scope));
  if (filter.regionCode) query = query.where("c.region_code", "like", `${filter.regionCode}%`);
  if (filter.category) query = query.where("c.category", "=", filter.category);
  if (filter.urgency) query = query.where("c.urgency", "=", filter.urgency);
  if (filter.stage) query = query.where("c.stage", "=", filter.stage);
  if (filter.open !== undefined) query = query.where("c.stage", filter.open ? "!=" : "=", "selesai");
  if (filter.subjectType) query = query.where("c.subject_type", "=", filter.subjectType);
  if (filter.assigneeId) query = query.where("c.assignee_id", "=", filter.assigneeId);
  if (filter.householdId) query = query.where("c.household_id", "=", filter.householdId);
  if (filter.personId) query = query.where("c.person_id", "=", filter.personId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["c.case_number"]), "like", like),
        eb(eb.fn("lower", ["c.description"]), "like", like),
      ]),
    );
  }
  const overdueAt = filter.overdueAt;
  if (overdueAt) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("case_tasks as t")
          .select("t.id")
          .whereRef("t.case_id", "=", "c.id")
          .where("t.status", "=", "open")
          .where("t.due_at", "<", overdueAt),
      ),
    );
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`case c.urgency when 'darurat' then 0 when 'tinggi' then 1 else 2 end`)
    .orderBy("c.reported_at", "desc")
    .orderBy("c.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(counted.n) };
}

/** Allocates the next case number of a year: KS-2026-000123. */
export async function nextCaseNumber(db: Db, year: number): Promise<string> {
  await db
    .insertInto("case_counters")
    .values({ year, value: 0 })
    .onConflict((oc) => oc.column("year").doNothing())
    .execute();
  const row = await db
    .updateTable("case_counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("year", "=", year)
    .returning("value")
    .executeTakeFirstOrThrow();
  return `KS-${year}-${String(row.value).padStart(6, "0")}`;
}

/** Inserts a case unless its id exists; true when inserted. */
export async function insertCase(db: Db, row: NewCaseRow): Promise<boolean> {
  const result = await db
    .insertInto("cases")
    .values(row)
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Bumps the case's version and returns the row as it now stands. The row update is the lock:
 * on PostgreSQL a concurrent writer waits here until this transaction ends and then sees its
 * changes; SQLite runs one write transaction at a time.
 */
export async function lockCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db
    .updateTable("cases")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export async function updateCase(db: Db, id: string, changes: CaseUpdate): Promise<void> {
  await db.updateTable("cases").set(changes).where("id", "=", id).execute();
}

export async function insertEvents(db: Db, rows: NewCaseEventRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("case_events").values(rows).execute();
}

export async function listEvents(db: Db, caseId: string): Promise<CaseEventRow[]> {
  return db
    .selectFrom("case_events")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("case_version")
    .orderBy("id")
    .execute();
}

/**
 * Display names of the people the timeline names by id (an assignment's from/to): a worker's name,
 * or a user account's display name for an id that is not a worker.
 */
export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return names;
  const workers = await db.selectFrom("workers").select(["id", "name"]).where("id", "in", unique).execute();
  for (const w of workers) names.set(w.id, w.name);
  const rest = unique.filter((id) => !names.has(id));
  if (rest.length > 0) {
    const users = await db
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("id", "in", rest)
      .execute();
    for (const u of users) names.set(u.id, u.display_name);
  }
  return names;
}

export async function findEvent(db: Db, id: string): Promise<CaseEventRow | undefined> {
  return db.selectFrom("case_events").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listAssignments(db: Db, caseId: string) {
  return db
    .selectFrom("case_assignments as a")
    .leftJoin("workers as w", "w.id", "a.worker_id")
    .selectAll("a")
    .select("w.name as worker_name")
    .where("a.case_id", "=", caseId)
    .orderBy("a.from_at")
    .orderBy("a.id")
    .execute();
}

/** Ends the open assignment of a case at `at` and opens one for `workerId`. */
export async function reassign(
  db: Db,
  entry: {
    id: string;
    caseId: string;
    regionCode: string;
    workerId: string;
    at: string;
    by: string | null;
    byName: string | null;
    seq: number;
  },
): Promise<void> {
  await db
    .updateTable("case_assignments")
    .set({ to_at: entry.at, seq: entry.seq })
    .where("case_id", "=", entry.caseId)
    .where("to_at", "is", null)
    .execute();
  await db
    .insertInto("case_assignments")
    .values({
      id: entry.id,
      case_id: entry.caseId,
      region_code: entry.regionCode,
      worker_id: entry.workerId,
      from_at: entry.at,
      to_at: null,
      assigned_by: entry.by,
      assigned_by_name: entry.byName,
      seq: entry.seq,
    })
    .execute();
}

export async function findWorker(db: Db, id: string) {
  return db
    .selectFrom("workers")
    .select(["id", "name", "role", "region_code", "active"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The worker record linked to a login, if any. */
export async function workerIdOfUser(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("worker_id").where("id", "=", userId).executeTakeFirst();
  return row?.worker_id ?? null;
}

/** The first active PSM of a kelurahan: the default holder of a new case there. */
export async function defaultWorkerFor(db: Db, regionCode: string): Promise<string | null> {
  const row = await db
    .selectFrom("workers")
    .select("id")
    .where("region_code", "=", regionCode)
    .where("role", "=", "psm")
    .where("active", "=", 1)
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findPersonSubject(db: Db, id: string) {
  return db
    .selectFrom("persons")
    .select(["id", "name", "region_code", "household_id"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findHouseholdSubject(db: Db, id: string) {
  return db
    .selectFrom("households")
    .select(["id", "address", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findRegion(db: Db, code: string) {
  return db
    .selectFrom("regions")
    .select(["code", "name", "kind"])
    .where("code", "=", code)
    .executeTakeFirst();
}
