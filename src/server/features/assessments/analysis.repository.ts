/**
 * SQL of the poverty analysis. Every query reads only the latest assessment of each household in a
 * period (`is_latest = 1`, kept on insert) and the columns of the covering index.
 */
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { type RegionScope, scopeCondition } from "../../db/scope.ts";
import type { MaskCount } from "./analysis-compute.ts";

export interface AnalysisFilter {
  period: string;
  setId: string;
  /** Region code prefix (any level). */
  region: string;
  rw?: string | undefined;
}

/** Periods that have assessments, newest first. */
export async function listPeriods(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("assessments")
    .select("period")
    .distinct()
    .where("is_latest", "=", 1)
    .orderBy("period", "desc")
    .execute();
  return rows.map((r) => r.period);
}

/** The indicator set used by most latest assessments of a period in a region. */
export async function mostUsedSet(db: Db, period: string, region: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("assessments")
    .select(["indicator_set_id", (e) => e.fn.countAll<number | string>().as("n")])
    .where("period", "=", period)
    .where("is_latest", "=", 1)
    .where("region_code", "like", `${region}%`)
    .groupBy("indicator_set_id")
    .orderBy("n", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.indicator_set_id;
}

/**
 * Households and persons per (child group, deprivation mask). `childLength` cuts the region code to
 * the child level; null groups by RW (inside a kelurahan); 0 puts everything in one group.
 */
export async function maskCounts(
  db: Db,
  filter: AnalysisFilter,
  childLength: number | null,
): Promise<MaskCount[]> {
  const group =
    childLength === null
      ? sql<string>`rw`
      : childLength === 0
        ? sql<string>`''`
        : sql<string>`substr(region_code, 1, ${sql.lit(childLength)})`;
  let query = db
    .selectFrom("assessments")
    .select([
      group.as("grp"),
      "deprivation_mask",
      (e) => e.fn.countAll<number | string>().as("households"),
      (e) => e.fn.sum<number | string>("household_size").as("persons"),
    ])
    .where("period", "=", filter.period)
    .where("is_latest", "=", 1)
    .where("region_code", "like", `${filter.region}%`)
    .where("indicator_set_id", "=", filter.setId)
    .groupBy([group, "deprivation_mask"]);
  if (filter.rw) query = query.where("rw", "=", filter.rw);
  const rows = await query.execute();
  return rows.map((r) => ({
    group: String(r.grp),
    mask: Number(r.deprivation_mask),
    households: Number(r.households),
    persons: Number(r.persons),
  }));
}

/** The poor households of a region and period within a scope, highest score first. */
export async function listPoorHouseholds(
  db: Db,
  filter: AnalysisFilter,
  scope: RegionScope,
  page: { limit: number; offset: number },
) {
  const base = db
    .selectFrom("assessments as a")
    .innerJoin("households as h", "h.id", "a.household_id")
    .where("a.period", "=", filter.period)
    .where("a.is_latest", "=", 1)
    .where("a.is_poor", "=", 1)
    .where("a.indicator_set_id", "=", filter.setId)
    .where("a.region_code", "like", `${filter.region}%`)
    .where(scopeCondition("a.region_code", scope))
    .$if(filter.rw !== undefined, (q) => q.where("a.rw", "=", filter.rw as string));
  const [rows, count] = await Promise.all([
    base
      .select([
        "h.id",
        "h.kk_number",
        "h.rt",
        "h.address",
        "a.id as assessment_id",
        "a.region_code",
        "a.rw",
        "a.household_size",
        "a.score",
        "a.assessed_on",
        "a.deprived_ids",
      ])
      .orderBy("a.score", "desc")
      .orderBy("h.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((e) => e.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
