/**
 * SQL of the per-kelurahan counters behind the dashboards (`region_stats`): computing them for some
 * kelurahan (or all) from the base tables, replacing them, finding the kelurahan whose rows changed
 * since a change number, and summing them for a region and period. The rules of when to refresh
 * live in region-stats.service.ts.
 */
import { sql } from "kysely";
import { wibDate } from "../../../core/kinerja/period.ts";
import type { Db } from "../../db/database.ts";

/** One counter: a stock when `day` is '', else a flow on that day (open follow-ups: their due hour). */
export interface StatRow {
  region_code: string;
  metric: string;
  key: string;
  day: string;
  value: number;
}

/** Stock and flow metrics the refresh writes; docs/dashboards.md defines each. */
export const METRICS = {
  persons: "persons",
  households: "households",
  householdsRegistered: "households_registered",
  ppks: "ppks",
  ppksFound: "ppks_found",
  openCases: "open_cases",
  openCasesCategory: "open_cases_category",
  casesOpened: "cases_opened",
  casesClosed: "cases_closed",
  referralsSent: "referrals_sent",
  referralsCompleted: "referrals_completed",
  openTaskDue: "open_task_due",
} as const;

/** Counters with an empty day (the state now). */
const STOCK_METRICS: string[] = [
  METRICS.persons,
  METRICS.households,
  METRICS.ppks,
  METRICS.openCases,
  METRICS.openCasesCategory,
];
/** Counters per WIB day. */
const FLOW_METRICS: string[] = [
  METRICS.householdsRegistered,
  METRICS.ppksFound,
  METRICS.casesOpened,
  METRICS.casesClosed,
  METRICS.referralsSent,
  METRICS.referralsCompleted,
];

/** Counters come in groups, one per source table, so a change to one table recomputes only its own. */
export const GROUP_METRICS = {
  persons: [METRICS.persons],
  households: [METRICS.households, METRICS.householdsRegistered],
  ppks: [METRICS.ppks, METRICS.ppksFound],
  cases: [METRICS.openCases, METRICS.openCasesCategory, METRICS.casesOpened, METRICS.casesClosed],
  referrals: [METRICS.referralsSent, METRICS.referralsCompleted],
  tasks: [METRICS.openTaskDue],
} as const;
export type StatGroup = keyof typeof GROUP_METRICS;
export const ALL_GROUPS: ReadonlySet<StatGroup> = new Set(Object.keys(GROUP_METRICS) as StatGroup[]);

/** The source table of each group (tombstones name it too). */
const GROUP_TABLES = {
  persons: "persons",
  households: "households",
  ppks: "ppks_classifications",
  cases: "cases",
  referrals: "referrals",
  tasks: "case_tasks",
} as const satisfies Record<StatGroup, string>;

const hourToDay = (hour: string) => wibDate(`${hour}:00:00.000Z`);

/** Limits a query to a list of kelurahan, or not at all (null: every kelurahan). */
// biome-ignore lint/suspicious/noExplicitAny: kysely's builders differ in their generic parameters
function within<QB extends { where(...args: any[]): any }>(
  qb: QB,
  column: string,
  codes: string[] | null,
): QB {
  return codes === null ? qb : (qb.where(sql.ref(column), "in", codes) as QB);
}

/** Adds `value` to the counter (region, metric, key, day) in `acc`. */
function add(
  acc: Map<string, StatRow>,
  region: string,
  metric: string,
  key: string,
  day: string,
  value: number,
) {
  const id = `${region}|${metric}|${key}|${day}`;
  const row = acc.get(id);
  if (row) row.value += value;
  else acc.set(id, { region_code: region, metric, key, day, value });
}

/** The counters of the given kelurahan (null: all), computed from the base tables. */
export async function computeStats(
  db: Db,
  codes: string[] | null,
  groups: ReadonlySet<StatGroup> = ALL_GROUPS,
): Promise<StatRow[]> {
  const acc = new Map<string, StatRow>();
  if (codes !== null && codes.length === 0) return [];

  if (groups.has("persons")) {
    const persons = await within(
      db
        .selectFrom("persons")
        .select(["region_code", (eb) => eb.fn.countAll<number>().as("n")])
        .where("died_at", "is", null)
        .where("merged_into_id", "is", null)
        .groupBy("region_code"),
      "region_code",
      codes,
    ).execute();
    for (const r of persons) add(acc, r.region_code, METRICS.persons, "", "", Number(r.n));
  }
  if (groups.has("households")) {
    const households = await within(
      db
        .selectFrom("households")
        .select([
          "region_code",
          sql<string>`substr(created_at, 1, 13)`.as("hour"),
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .groupBy(["region_code", sql`substr(created_at, 1, 13)`]),
      "region_code",
      codes,
    ).execute();
    for (const r of households) {
      add(acc, r.region_code, METRICS.households, "", "", Number(r.n));
      add(acc, r.region_code, METRICS.householdsRegistered, "", hourToDay(r.hour), Number(r.n));
    }
  }
  if (groups.has("ppks")) {
    const ppks = await within(
      db
        .selectFrom("ppks_classifications")
        .select([
          "region_code",
          "category_code",
          "status",
          "found_on",
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .groupBy(["region_code", "category_code", "status", "found_on"]),
      "region_code",
      codes,
    ).execute();
    for (const r of ppks) {
      if (r.status !== "selesai") add(acc, r.region_code, METRICS.ppks, r.category_code, "", Number(r.n));
      add(acc, r.region_code, METRICS.ppksFound, r.category_code, r.found_on, Number(r.n));
    }
  }
  if (groups.has("cases")) {
    const openCases = await within(
      db
        .selectFrom("cases")
        .select(["region_code", "urgency", "category", (eb) => eb.fn.countAll<number>().as("n")])
        .where("stage", "!=", "selesai")
        .groupBy(["region_code", "urgency", "category"]),
      "region_code",
      codes,
    ).execute();
    for (const r of openCases) {
      add(acc, r.region_code, METRICS.openCases, r.urgency, "", Number(r.n));
      add(acc, r.region_code, METRICS.openCasesCategory, r.category, "", Number(r.n));
    }

    const caseFlows = await within(
      db
        .selectFrom("cases")
        .select([
          "region_code",
          sql<string>`substr(reported_at, 1, 13)`.as("opened"),
          sql<string | null>`substr(closed_at, 1, 13)`.as("closed"),
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .groupBy(["region_code", sql`substr(reported_at, 1, 13)`, sql`substr(closed_at, 1, 13)`]),
      "region_code",
      codes,
    ).execute();
    for (const r of caseFlows) {
      add(acc, r.region_code, METRICS.casesOpened, "", hourToDay(r.opened), Number(r.n));
      if (r.closed) add(acc, r.region_code, METRICS.casesClosed, "", hourToDay(r.closed), Number(r.n));
    }
  }
  if (groups.has("referrals")) {
    const referrals = await within(
      db
        .selectFrom("referrals")
        .select([
          "region_code",
          sql<string>`coalesce(service_code, '')`.as("service"),
          "sent_on",
          "status",
          "completed_on",
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .groupBy(["region_code", sql`coalesce(service_code, '')`, "sent_on", "status", "completed_on"]),
      "region_code",
      codes,
    ).execute();
    for (const r of referrals) {
      add(acc, r.region_code, METRICS.referralsSent, r.service, r.sent_on, Number(r.n));
      if (r.status === "selesai" && r.completed_on)
        add(acc, r.region_code, METRICS.referralsCompleted, r.service, r.completed_on, Number(r.n));
    }
  }
  if (groups.has("tasks")) {
    const tasks = await within(
      db
        .selectFrom("case_tasks")
        .select([
          "region_code",
          sql<string>`substr(due_at, 1, 13)`.as("hour"),
          (eb) => eb.fn.countAll<number>().as("n"),
        ])
        .where("status", "=", "open")
        .groupBy(["region_code", sql`substr(due_at, 1, 13)`]),
      "region_code",
      codes,
    ).execute();
    for (const r of tasks) add(acc, r.region_code, METRICS.openTaskDue, "", r.hour, Number(r.n));
  }

  return [...acc.values()];
}

/**
 * Replaces the counters of `groups` for the given kelurahan (null: all) with `rows`. For a list of
 * kelurahan only the differences are written (a new case changes two or three counter rows, not
 * the thousands of daily rows of its kelurahan); a full rebuild deletes and inserts everything.
 */
export async function replaceStats(
  db: Db,
  codes: string[] | null,
  rows: StatRow[],
  groups: ReadonlySet<StatGroup> = ALL_GROUPS,
): Promise<void> {
  if (codes !== null && codes.length === 0) return;
  const metrics = [...groups].flatMap((g) => GROUP_METRICS[g]);
  if (codes === null) {
    let del = db.deleteFrom("region_stats");
    if (groups !== ALL_GROUPS) del = del.where("metric", "in", metrics);
    await del.execute();
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto("region_stats")
        .values(rows.slice(i, i + 500))
        .execute();
    return;
  }
  const id = (r: Omit<StatRow, "value">) => `${r.region_code}|${r.metric}|${r.key}|${r.day}`;
  const existing = new Map(
    (
      await db
        .selectFrom("region_stats")
        .selectAll()
        .where("region_code", "in", codes)
        .where("metric", "in", metrics)
        .execute()
    ).map((r) => [id(r), r]),
  );
  const inserts: StatRow[] = [];
  for (const row of rows) {
    const old = existing.get(id(row));
    existing.delete(id(row));
    if (!old) inserts.push(row);
    else if (Number(old.value) !== row.value)
      await db
        .updateTable("region_stats")
        .set({ value: row.value })
        .where("region_code", "=", row.region_code)
        .where("metric", "=", row.metric)
        .where("key", "=", row.key)
        .where("day", "=", row.day)
        .execute();
  }
  for (const gone of existing.values())
    await db
      .deleteFrom("region_stats")
      .where("region_code", "=", gone.region_code)
      .where("metric", "=", gone.metric)
      .where("key", "=", gone.key)
      .where("day", "=", gone.day)
      .execute();
  for (let i = 0; i < inserts.length; i += 500)
    await db
      .insertInto("region_stats")
      .values(inserts.slice(i, i + 500))
      .execute();
}

export async function readState(db: Db) {
  return db.selectFrom("region_stats_state").selectAll().where("id", "=", 1).executeTakeFirst();
}

/** Takes the refresh's row lock (PostgreSQL) before reading the state; SQLite has one writer anyway. */
export async function lockState(db: Db): Promise<void> {
  await db
    .updateTable("region_stats_state")
    .set((eb) => ({ seq: eb.ref("seq") }))
    .where("id", "=", 1)
    .execute();
}

export async function writeState(
  db: Db,
  state: { seq: number; refreshedAt: string; rebuiltAt?: string },
): Promise<void> {
  const existing = await readState(db);
  if (!existing) {
    await db
      .insertInto("region_stats_state")
      .values({
        id: 1,
        seq: state.seq,
        refreshed_at: state.refreshedAt,
        rebuilt_at: state.rebuiltAt ?? state.refreshedAt,
      })
      .execute();
    return;
  }
  await db
    .updateTable("region_stats_state")
    .set({
      seq: state.seq,
      refreshed_at: state.refreshedAt,
      ...(state.rebuiltAt ? { rebuilt_at: state.rebuiltAt } : {}),
    })
    .where("id", "=", 1)
    .execute();
}

/**
 * Per group, the kelurahan with rows changed (written, deleted or moved away) after change number
 * `since`: rows with a larger `seq`, tombstones, and the kelurahan a household or person moved from.
 */
export async function changedKelurahan(db: Db, since: number): Promise<Map<StatGroup, Set<string>>> {
  const changed = new Map<StatGroup, Set<string>>();
  const mark = (group: StatGroup, code: string) => {
    if (code.length !== 10) return;
    const set = changed.get(group) ?? new Set<string>();
    set.add(code);
    changed.set(group, set);
  };
  for (const group of ALL_GROUPS) {
    const rows = await db
      .selectFrom(GROUP_TABLES[group])
      .select("region_code")
      .distinct()
      .where("seq", ">", since)
      .execute();
    for (const r of rows) mark(group, r.region_code);
  }
  const deleted = await db
    .selectFrom("tombstones")
    .select(["table_name", "region_code"])
    .distinct()
    .where("seq", ">", since)
    .execute();
  for (const t of deleted) {
    const group = (Object.keys(GROUP_TABLES) as StatGroup[]).find((g) => GROUP_TABLES[g] === t.table_name);
    if (group) mark(group, t.region_code);
  }
  // A move leaves the old kelurahan one resident short: its event names where the record came from.
  const moves = await db
    .selectFrom("person_events")
    .select(["kind", "details", "region_code"])
    .where("seq", ">", since)
    .where("kind", "in", ["household_moved", "person_moved"])
    .execute();
  const fromHouseholds: string[] = [];
  for (const m of moves) {
    const details = JSON.parse(m.details) as {
      from?: { regionCode?: string };
      fromHouseholdId?: string | null;
    };
    if (details.from?.regionCode) {
      mark("households", details.from.regionCode);
      mark("persons", details.from.regionCode);
    }
    if (details.fromHouseholdId) fromHouseholds.push(details.fromHouseholdId);
  }
  if (fromHouseholds.length > 0) {
    const rows = await db
      .selectFrom("households")
      .select("region_code")
      .where("id", "in", fromHouseholds)
      .execute();
    for (const r of rows) mark("persons", r.region_code);
  }
  return changed;
}

export async function changeCounter(db: Db): Promise<number> {
  const row = await db
    .selectFrom("change_counter")
    .select("value")
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** Summed counters of a region subtree. */
export interface StatSum {
  metric: string;
  key: string;
  /** The child region (its code prefix) when grouped by child, else ''. */
  child: string;
  value: number;
}

/**
 * Sums the counters of `region` (a code prefix): stocks, flows on days in [from, to], and open
 * follow-ups due before `nowHour` (overdue). Grouped by child region when `childLength` is given.
 */
export async function sumStats(
  db: Db,
  region: string,
  range: { from: string; to: string },
  nowHour: string,
  childLength: number | null,
): Promise<StatSum[]> {
  const child = childLength ? sql<string>`substr(region_code, 1, ${sql.lit(childLength)})` : sql<string>`''`;
  // Three range reads on the (metric, day, region_code) index instead of one scan of the region:
  // stocks (day ''), flows on the period's days, and open follow-ups due before now.
  const part = (metrics: string[], from: string, to: string) =>
    db
      .selectFrom("region_stats")
      .select(["metric", "key", child.as("child"), (eb) => eb.fn.sum<number>("value").as("value")])
      .where("metric", "in", metrics)
      .where("day", ">=", from)
      .where("day", "<=", to)
      .where("region_code", "like", `${region}%`)
      .$if(childLength !== null, (qb) => qb.groupBy(child))
      .groupBy(["metric", "key"])
      .execute();
  const [stocks, flows, overdue] = await Promise.all([
    part(STOCK_METRICS, "", ""),
    part(FLOW_METRICS, range.from, range.to),
    db
      .selectFrom("region_stats")
      .select(["metric", "key", child.as("child"), (eb) => eb.fn.sum<number>("value").as("value")])
      .where("metric", "=", METRICS.openTaskDue)
      .where("day", "<", nowHour)
      .where("region_code", "like", `${region}%`)
      .$if(childLength !== null, (qb) => qb.groupBy(child))
      .groupBy(["metric", "key"])
      .execute(),
  ]);
  return [...stocks, ...flows, ...overdue].map((r) => ({
    metric: r.metric,
    key: r.key,
    child: r.child,
    value: Number(r.value),
  }));
}
