/**
 * SQL of the person list without a name (GET /api/v1/persons without q), and the filters it
 * shares with the name search (person-search.repository.ts). No rules here: see
 * persons.service.ts.
 *
 * The list is in region, name and id order, the persons_list_idx index (living and dead, merged
 * records left out). A page is read in two steps: its keys from that index alone (an index-only
 * scan on PostgreSQL; a cursor seeks into it instead of skipping what comes before), then the 20
 * rows by id. The matches are counted up to LIST_COUNT_CAP.
 */
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database, Db } from "../../db/database.ts";
import { type RegionScope, regionScope, scopeCondition, scopeSeekCondition } from "../../db/scope.ts";
import { LIST_COUNT_CAP } from "../households/households.repository.ts";
import type { PersonRow } from "./persons.table.ts";

export interface PersonSearch {
  scope: RegionScope;
  /** Name as typed: matched on its phonetic key (spelling variants and partial words). */
  name?: string;
  nik?: string;
  kk?: string;
  regionCode?: string;
  rw?: string;
  ppksCode?: string;
  /** Birth date bounds from an age filter: born on or after / on or before (YYYY-MM-DD). */
  bornFrom?: string;
  bornTo?: string;
  householdId?: string;
  includeDead?: boolean;
  limit: number;
  /** Rows skipped (after `after`, or before `before` or the end when reading backwards). */
  offset: number;
  /** List without a name only: rows after this list-order key (region, name, id). */
  after?: string[];
  /** List without a name only: rows before this list-order key (the page before a cursor). */
  before?: string[];
  /** List without a name only: the last page, read backwards from the end. */
  last?: boolean;
}

export type PersonEb = ExpressionBuilder<Database & { p: Database["persons"] }, "p">;

/** Every condition but the name, on persons as p: the actor's scope first. */
export function filterConditions(eb: PersonEb, s: PersonSearch): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [
    scopeCondition("p.region_code", s.scope),
    eb("p.merged_into_id", "is", null),
  ];
  if (!s.includeDead) conditions.push(eb("p.died_at", "is", null));
  if (s.nik) conditions.push(eb("p.nik", "=", s.nik));
  if (s.kk) {
    const households = eb.selectFrom("households").select("id").where("kk_number", "=", s.kk);
    conditions.push(eb("p.household_id", "in", households));
  }
  if (s.householdId) conditions.push(eb("p.household_id", "=", s.householdId));
  if (s.regionCode) conditions.push(eb("p.region_code", "like", `${s.regionCode}%`));
  if (s.rw) {
    const households = eb.selectFrom("households").select("id").where("rw", "=", s.rw.padStart(3, "0"));
    conditions.push(eb("p.household_id", "in", households));
  }
  if (s.ppksCode) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom("ppks_classifications as c")
          .select("c.id")
          .whereRef("c.person_id", "=", "p.id")
          .where("c.category_code", "=", s.ppksCode)
          .where("c.status", "<>", "selesai"),
      ),
    );
  }
  if (s.bornFrom) conditions.push(eb("p.birth_date", ">=", s.bornFrom));
  if (s.bornTo) conditions.push(eb("p.birth_date", "<=", s.bornTo));
  return eb.and(conditions);
}

export function filtered(db: Db, s: PersonSearch) {
  return db.selectFrom("persons as p").where((eb) => filterConditions(eb as PersonEb, s));
}

/** The list's order: kelurahan, name, id (persons_list_idx). */
const ORDER = ["p.region_code", "p.name", "p.id"] as const;

const backwards = (s: PersonSearch) => s.before !== undefined || s.last === true;

function tuple3(key: string[]): [string, string, string] {
  if (key.length !== ORDER.length) throw new Error("a person list key has three values");
  return key as [string, string, string];
}

/**
 * The keys of one page of the list in its order (backwards for `before` and `last`), one more than
 * the page to tell whether more follow. The scope is also given as a range of region codes, so the
 * index is entered at the region instead of filtered from its first entry.
 */
export function personPageQuery(db: Db, s: PersonSearch) {
  let query = filtered(db, s)
    .where(scopeSeekCondition("p.region_code", s.scope))
    .select([...ORDER]);
  if (s.regionCode) query = query.where(scopeSeekCondition("p.region_code", regionScope(s.regionCode)));
  const [after, before] = [s.after, s.before];
  if (after) query = query.where((eb) => eb(eb.refTuple(...ORDER), ">", eb.tuple(...tuple3(after))));
  if (before) query = query.where((eb) => eb(eb.refTuple(...ORDER), "<", eb.tuple(...tuple3(before))));
  const direction = backwards(s) ? "desc" : "asc";
  for (const column of ORDER) query = query.orderBy(column, direction);
  return query.limit(s.limit + 1).offset(s.offset);
}

/**
 * The matches, at most LIST_COUNT_CAP + 1, read in the list's order: that keeps the count on
 * persons_list_idx (index-only on PostgreSQL), where an unordered LIMIT let PostgreSQL's planner
 * pick a sequential scan of the table's wide rows (15-30 ms for 10,000 under load).
 */
export function personCountQuery(db: Db, s: PersonSearch) {
  let query = filtered(db, s).where(scopeSeekCondition("p.region_code", s.scope)).select("p.id");
  if (s.regionCode) query = query.where(scopeSeekCondition("p.region_code", regionScope(s.regionCode)));
  for (const column of ORDER) query = query.orderBy(column);
  return query.limit(LIST_COUNT_CAP + 1);
}

/** The former page query (every column, LIMIT/OFFSET, no cursor): the bench's baseline. */
export function personPageQueryBefore(db: Db, s: PersonSearch) {
  return filtered(db, s)
    .selectAll("p")
    .orderBy("p.region_code")
    .orderBy("p.name")
    .orderBy("p.id")
    .limit(s.limit)
    .offset(s.offset);
}

export interface PersonPage {
  rows: PersonRow[];
  /** Matches, counted up to LIST_COUNT_CAP. */
  total: number;
  totalIsLowerBound: boolean;
  /** The list-order key of the page's last row when rows follow it, else null. */
  nextKey: string[] | null;
  /** The key of the page's first row when rows come before it, else null. */
  prevKey: string[] | null;
}

/** One page of the list without a name, its cursors and the matches counted up to the cap. */
export async function listPersonPage(db: Db, s: PersonSearch): Promise<PersonPage> {
  const [keys, count] = await Promise.all([
    personPageQuery(db, s).execute(),
    db
      .selectFrom(personCountQuery(db, s).as("x"))
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const more = keys.length > s.limit;
  const page = keys.slice(0, s.limit);
  if (backwards(s)) page.reverse();
  const ids = page.map((k) => k.id);
  // The rows pass every filter again, the scope first.
  const found =
    ids.length === 0 ? [] : await filtered(db, s).selectAll("p").where("p.id", "in", ids).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const keyOf = (k: (typeof page)[number]) => [k.region_code, k.name, k.id];
  const first = page[0];
  const lastRow = page[page.length - 1];
  const skipped = s.offset > 0;
  const [hasNext, hasPrev] = backwards(s)
    ? [s.before !== undefined || skipped, more]
    : [more, s.after !== undefined || skipped];
  const n = Number(count.n);
  return {
    rows: ids.flatMap((id) => byId.get(id) ?? []),
    total: Math.min(n, LIST_COUNT_CAP),
    totalIsLowerBound: n > LIST_COUNT_CAP,
    nextKey: hasNext && lastRow ? keyOf(lastRow) : null,
    prevKey: hasPrev && first ? keyOf(first) : null,
  };
}
