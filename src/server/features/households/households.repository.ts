/** SQL for households. No rules here: see households.service.ts. */
import type { Db } from "../../db/database.ts";
import { type RegionScope, regionScope, scopeCondition, scopeSeekCondition } from "../../db/scope.ts";
import type { HouseholdRow, HouseholdUpdate, NewHouseholdRow } from "./households.table.ts";

export interface HouseholdSearch {
  scope: RegionScope;
  kk?: string;
  /** Words of the street address. */
  address?: string;
  regionCode?: string;
  rw?: string;
  rt?: string;
  limit: number;
  /** Rows skipped (after `after`, or before `before` or the end when reading backwards). */
  offset: number;
  /** Only rows after this list-order key (a cursor's key, HOUSEHOLD_KEY_LENGTH values). */
  after?: string[];
  /** Only rows before this list-order key: the page before a cursor. */
  before?: string[];
  /** The last page (read backwards from the end). */
  last?: boolean;
}

/** The list's order, the households_list_idx index's columns: kelurahan, RW, RT, address, id. */
const ORDER = ["h.region_code", "h.rw", "h.rt", "h.address", "h.id"] as const;
export const HOUSEHOLD_KEY_LENGTH = ORDER.length;

/**
 * How many rows a list counts at most; beyond it the total is a lower bound (shown as "10.000+").
 * Counting reads one index entry per row, so an exact city-wide count (300,000 households,
 * 1,000,000 persons) costs more than the page itself: 24 ms and over 100 ms on PostgreSQL against
 * under 1 ms for 10,000 (docs/decisions/0017-postgres-query-tuning.md). Every kelurahan's list is
 * counted exactly.
 */
export const LIST_COUNT_CAP = 10_000;

function filtered(db: Db, s: HouseholdSearch) {
  let query = db.selectFrom("households as h").where(scopeSeekCondition("h.region_code", s.scope));
  if (s.kk) query = query.where("h.kk_number", "=", s.kk);
  if (s.address) query = query.where("h.address", "like", `%${s.address.replace(/[%_]/g, "")}%`);
  if (s.regionCode) query = query.where(scopeSeekCondition("h.region_code", regionScope(s.regionCode)));
  if (s.rw) query = query.where("h.rw", "=", s.rw.padStart(3, "0"));
  if (s.rt) query = query.where("h.rt", "=", s.rt.padStart(3, "0"));
  return query;
}

const backwards = (s: HouseholdSearch) => s.before !== undefined || s.last === true;

/**
 * The keys of one page in the list's order (backwards for `before` and `last`), one more than the
 * page to tell whether more follow. Only the index's columns are read, so PostgreSQL answers from
 * households_list_idx alone (an index-only scan) and SQLite from the index without the table; a
 * cursor seeks into the index instead of skipping what comes before it.
 */
export function householdPageQuery(db: Db, s: HouseholdSearch) {
  let query = filtered(db, s).select([...ORDER]);
  const [after, before] = [s.after, s.before];
  if (after) query = query.where((eb) => eb(eb.refTuple(...ORDER), ">", eb.tuple(...tuple5(after))));
  if (before) query = query.where((eb) => eb(eb.refTuple(...ORDER), "<", eb.tuple(...tuple5(before))));
  const direction = backwards(s) ? "desc" : "asc";
  for (const column of ORDER) query = query.orderBy(column, direction);
  return query.limit(s.limit + 1).offset(s.offset);
}

function tuple5(key: string[]): [string, string, string, string, string] {
  if (key.length !== HOUSEHOLD_KEY_LENGTH) throw new Error("a household list key has five values");
  return key as [string, string, string, string, string];
}

/**
 * The matches, at most LIST_COUNT_CAP + 1, read in the list's order: that keeps the count on the
 * list index (index-only on PostgreSQL), where an unordered LIMIT let PostgreSQL's planner pick a
 * sequential scan of the table's wide rows.
 */
export function householdCountQuery(db: Db, s: HouseholdSearch) {
  let query = filtered(db, s).select("h.id");
  for (const column of ORDER) query = query.orderBy(column);
  return query.limit(LIST_COUNT_CAP + 1);
}

/** The households with these ids and their living, unmerged member counts (a page's rows). */
function householdRowsQuery(db: Db, ids: string[]) {
  return db
    .selectFrom("households as h")
    .selectAll("h")
    .select((eb) =>
      eb
        .selectFrom("persons as p")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("p.household_id", "=", "h.id")
        .where("p.died_at", "is", null)
        .where("p.merged_into_id", "is", null)
        .as("member_count"),
    )
    .where("h.id", "in", ids);
}

/**
 * The former page query: every column and the member count in one statement with LIMIT/OFFSET.
 * PostgreSQL evaluated the count for every row it skipped (3.5 s for the last of 300,000
 * households); kept only as the bench's baseline.
 */
export function householdPageQueryBefore(db: Db, s: HouseholdSearch) {
  let query = filtered(db, s)
    .selectAll("h")
    .select((eb) =>
      eb
        .selectFrom("persons as p")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("p.household_id", "=", "h.id")
        .where("p.died_at", "is", null)
        .where("p.merged_into_id", "is", null)
        .as("member_count"),
    );
  for (const column of ORDER) query = query.orderBy(column);
  return query.limit(s.limit).offset(s.offset);
}

export interface HouseholdPage {
  rows: (HouseholdRow & { member_count: number })[];
  /** Matches, counted up to LIST_COUNT_CAP. */
  total: number;
  totalIsLowerBound: boolean;
  /** The list-order key of the page's last row when rows follow it, else null. */
  nextKey: string[] | null;
  /** The key of the page's first row when rows come before it, else null. */
  prevKey: string[] | null;
}

/**
 * One page of the list, in its order (kelurahan, RW, RT, address, id), with each household's
 * living, unmerged member count: the page's keys first (householdPageQuery), then only those
 * households' rows and counts, and the matches counted up to LIST_COUNT_CAP.
 */
export async function searchHouseholds(db: Db, s: HouseholdSearch): Promise<HouseholdPage> {
  const [keys, count] = await Promise.all([
    householdPageQuery(db, s).execute(),
    db
      .selectFrom(householdCountQuery(db, s).as("x"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const more = keys.length > s.limit;
  const page = keys.slice(0, s.limit);
  if (backwards(s)) page.reverse();
  const ids = page.map((k) => k.id);
  const found = ids.length === 0 ? [] : await householdRowsQuery(db, ids).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, member_count: Number(r.member_count ?? 0) }] : [];
  });
  const keyOf = (k: (typeof page)[number]) => [k.region_code, k.rw, k.rt, k.address, k.id];
  const first = page[0];
  const lastRow = page[page.length - 1];
  const skipped = s.offset > 0;
  const [hasNext, hasPrev] = backwards(s)
    ? [s.before !== undefined || skipped, more]
    : [more, s.after !== undefined || skipped];
  const n = Number(count.n);
  return {
    rows,
    total: Math.min(n, LIST_COUNT_CAP),
    totalIsLowerBound: n > LIST_COUNT_CAP,
    nextKey: hasNext && lastRow ? keyOf(lastRow) : null,
    prevKey: hasPrev && first ? keyOf(first) : null,
  };
}

export async function findHousehold(
  db: Db,
  id: string,
  scope: RegionScope,
): Promise<HouseholdRow | undefined> {
  return db
    .selectFrom("households as h")
    .selectAll("h")
    .where("h.id", "=", id)
    .where(scopeCondition("h.region_code", scope))
    .executeTakeFirst();
}

export async function findHouseholdAnywhere(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom("households").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findHouseholdByKk(db: Db, kk: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom("households").selectAll().where("kk_number", "=", kk).executeTakeFirst();
}

export async function insertHousehold(db: Db, row: NewHouseholdRow): Promise<void> {
  await db.insertInto("households").values(row).execute();
}

export async function updateHousehold(db: Db, id: string, update: HouseholdUpdate): Promise<void> {
  await db.updateTable("households").set(update).where("id", "=", id).execute();
}

export async function countMembers(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom("persons")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("household_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteHousehold(db: Db, id: string): Promise<void> {
  await db
    .deleteFrom("ppks_classifications")
    .where("household_id", "=", id)
    .where("person_id", "is", null)
    .execute();
  await db.deleteFrom("households").where("id", "=", id).execute();
}
