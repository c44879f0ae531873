/**
 * SQL of the device budget (docs/offline.md): when a scope holds more persons than a phone may,
 * the phone holds a prioritised subset of households. A household's priority class is
 *
 *   1  an open case (or an open task of one) about the household or one of its members
 *   2  an active PPKS classification of the household or a member
 *   3  an assessment on or after the selection's date (180 days before the first pull)
 *   4  the rest
 *
 * and a selection `{ cls, boundary, recentFrom }` holds every household of a class below `cls`
 * and those of class `cls` whose id is at most `boundary`. The selection is fixed at the first
 * pull and sent back by the phone, so later pulls send the changes of the same households (and of
 * households that move up a class, e.g. when a case opens).
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";

export interface Selection {
  cls: number;
  boundary: string;
  /** YYYY-MM-DD: assessments on or after it count as recent. */
  recentFrom: string;
}

/** The priority class (1–4) of the household whose id is in `householdId`. */
export function priorityClass(householdId: RawBuilder<unknown>, recentFrom: string): RawBuilder<number> {
  return sql<number>`(case
    when exists (select 1 from cases c where c.closed_at is null and c.stage <> 'selesai'
      and (c.household_id = ${householdId}
        or c.person_id in (select m.id from persons m where m.household_id = ${householdId})))
      then 1
    when exists (select 1 from ppks_classifications k where k.status = 'aktif'
      and (k.household_id = ${householdId}
        or k.person_id in (select m.id from persons m where m.household_id = ${householdId})))
      then 2
    when exists (select 1 from assessments a where a.household_id = ${householdId}
      and a.assessed_on >= ${recentFrom})
      then 3
    else 4 end)`;
}

/** True for a household inside the selection. */
export function inSelection(householdId: RawBuilder<unknown>, s: Selection): RawBuilder<SqlBool> {
  const cls = priorityClass(householdId, s.recentFrom);
  return sql<SqlBool>`(${cls} < ${s.cls} or (${cls} = ${s.cls} and ${householdId} <= ${s.boundary}))`;
}

/** Every household in scope with its class and living members, in the order the budget fills. */
export async function rankHouseholds(db: Db, scope: RegionScope, recentFrom: string) {
  const id = sql.ref("h.id");
  const rows = await db
    .selectFrom("households as h")
    .select([
      "h.id",
      priorityClass(id, recentFrom).as("cls"),
      sql<number>`(select count(*) from persons p where p.household_id = h.id and p.merged_into_id is null)`.as(
        "members",
      ),
    ])
    .where(scopeCondition("h.region_code", scope))
    .execute();
  return rows
    .map((r) => ({ id: r.id, cls: Number(r.cls), members: Number(r.members) }))
    .sort((a, b) => a.cls - b.cls || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The households a page's changes touch that may have entered the selection since the phone's
 * last pull: those of open cases and tasks, PPKS classifications and assessments changed in the
 * window. Their rows are sent whole (the phone may not hold them).
 */
export async function touchedHouseholds(
  db: Db,
  w: { scope: RegionScope; since: number; upTo: number },
): Promise<string[]> {
  const ids = new Set<string>();
  const cases = await db
    .selectFrom("cases as c")
    .leftJoin("persons as p", "p.id", "c.person_id")
    .select(["c.household_id", "p.household_id as person_household_id"])
    .where(scopeCondition("c.region_code", w.scope))
    .where("c.seq", ">", w.since)
    .where("c.seq", "<=", w.upTo)
    .where("c.closed_at", "is", null)
    .execute();
  const tasks = await db
    .selectFrom("case_tasks as t")
    .innerJoin("cases as c", "c.id", "t.case_id")
    .leftJoin("persons as p", "p.id", "c.person_id")
    .select(["c.household_id", "p.household_id as person_household_id"])
    .where(scopeCondition("t.region_code", w.scope))
    .where("t.seq", ">", w.since)
    .where("t.seq", "<=", w.upTo)
    .where("t.status", "=", "open")
    .execute();
  const ppks = await db
    .selectFrom("ppks_classifications as k")
    .leftJoin("persons as p", "p.id", "k.person_id")
    .select(["k.household_id", "p.household_id as person_household_id"])
    .where(scopeCondition("k.region_code", w.scope))
    .where("k.seq", ">", w.since)
    .where("k.seq", "<=", w.upTo)
    .execute();
  const assessed = await db
    .selectFrom("assessments as a")
    .select(["a.household_id", sql<string | null>`null`.as("person_household_id")])
    .where(scopeCondition("a.region_code", w.scope))
    .where("a.seq", ">", w.since)
    .where("a.seq", "<=", w.upTo)
    .execute();
  for (const r of [...cases, ...tasks, ...ppks, ...assessed]) {
    if (r.household_id) ids.add(r.household_id);
    if (r.person_household_id) ids.add(r.person_household_id);
  }
  return [...ids];
}

/** Of `ids`, the households in scope inside the selection, with their living members. */
export async function selectedHouseholdsWithMembers(db: Db, scope: RegionScope, ids: string[], s: Selection) {
  const households = [];
  const persons = [];
  // In chunks: an engine caps the parameters of one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom("households")
      .selectAll()
      .where("id", "in", ids.slice(i, i + 500))
      .where(scopeCondition("households.region_code", scope))
      .where(inSelection(sql.ref("households.id"), s))
      .execute();
    households.push(...found);
    if (found.length > 0)
      persons.push(
        ...(await db
          .selectFrom("persons")
          .selectAll()
          .where(
            "household_id",
            "in",
            found.map((h) => h.id),
          )
          .where("merged_into_id", "is", null)
          .execute()),
      );
  }
  return { households, persons };
}
