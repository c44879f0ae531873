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

/**
 * Periods that have assessments, newest first: one index lookup per period (the newest period
 * before the last one found), instead of a scan of every assessment.
 */
export async function listPeriods(db: Db): Promise<string[]> {
  const periods: string[] = [];
  for (;;) {
    const last = periods[periods.length - 1];
    const row = await db
      .selectFrom("assessments")
      .select((e) => e.fn.max("period").as("period"))
      .$if(last !== undefined, (q) => q.where("period", "<", last as string))
      .executeTakeFirst();
    if (!row?.period) return periods;
    periods.push(row.period);
  }
}

/**
 * The newest indicator-set version that the latest assessments of a period use (the analysis reads
 * one set at a time; the caller may name another). One index probe per set version.
 */
export async function newestSetInPeriod(db: Db, period: string): Promise<string | undefined> {
  const sets = await db.selectFrom("indicator_sets").select("id").orderBy("created_at", "desc").execute();
  for (const set of sets) {
    const used = await db
      .selectFrom("assessments")
      .select("id")
      .where("period", "=", period)
      .where("is_latest", "=", 1)
      .where("indicator_set_id", "=", set.id)
      .limit(1)
      .executeTakeFirst();
    if (used) return set.id;
  }
  return undefined;
}

/** `region_code` within a prefix, as a range (digits only), so the index is read as a range. */
function inRegion(region: string): [string, string] {
  const next = String(Number(region) + 1).padStart(region.length, "0");
  return [region, next];
}

/** Households and persons per deprivation mask in the region and period. */
export async function maskCounts(db: Db, filter: AnalysisFilter): Promise<MaskCount[]> {
  const [from, to] = inRegion(filter.region);
  let query = db
    .selectFrom("assessments")
    .select([
      "deprivation_mask",
      (e) => e.fn.countAll<number | string>().as("households"),
      (e) => e.fn.sum<number | string>("household_size").as("persons"),
    ])
    .where("period", "=", filter.period)
    .where("is_latest", "=", 1)
    .where("region_code", ">=", from)
    .where("region_code", "<", to)
    .where("indicator_set_id", "=", filter.setId)
    .groupBy("deprivation_mask");
  if (filter.rw) query = query.where("rw", "=", filter.rw);
  const rows = await query.execute();
  return rows.map((r) => ({
    group: "",
    mask: Number(r.deprivation_mask),
    households: Number(r.households),
    persons: Number(r.persons),
  }));
}

/** Sums of one kelurahan (or RW): counts, poor and censored scores, per household and per person. */
export interface AreaSums {
  area: string;
  households: number;
  persons: number;
  poorHouseholds: number;
  poorPersons: number;
  scoreHouseholds: number;
  scorePersons: number;
}

/**
 * The sums per kelurahan (`by: "kelurahan"`, in the index's order, so no sort) or per RW of one
 * kelurahan; the service rolls kelurahan up to kecamatan by cutting their codes.
 */
export async function areaSums(db: Db, filter: AnalysisFilter, by: "kelurahan" | "rw"): Promise<AreaSums[]> {
  const [from, to] = inRegion(filter.region);
  const column = by === "kelurahan" ? "region_code" : "rw";
  let query = db
    .selectFrom("assessments")
    .select([
      sql<string>`${sql.ref(column)}`.as("area"),
      (e) => e.fn.countAll<number | string>().as("households"),
      (e) => e.fn.sum<number | string>("household_size").as("persons"),
      (e) => e.fn.sum<number | string>("is_poor").as("poor_households"),
      sql<number | string>`sum(is_poor * household_size)`.as("poor_persons"),
      sql<number | string>`sum(is_poor * score)`.as("score_households"),
      sql<number | string>`sum(is_poor * score * household_size)`.as("score_persons"),
    ])
    .where("period", "=", filter.period)
    .where("is_latest", "=", 1)
    .where("region_code", ">=", from)
    .where("region_code", "<", to)
    .where("indicator_set_id", "=", filter.setId)
    .groupBy(sql.ref(column));
  if (filter.rw) query = query.where("rw", "=", filter.rw);
  const rows = await query.execute();
  return rows.map((r) => ({
    area: String(r.area),
    households: Number(r.households),
    persons: Number(r.persons),
    poorHouseholds: Number(r.poor_households),
    poorPersons: Number(r.poor_persons),
    scoreHouseholds: Number(r.score_households),
    scorePersons: Number(r.score_persons),
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
    .where("a.region_code", ">=", inRegion(filter.region)[0])
    .where("a.region_code", "<", inRegion(filter.region)[1])
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
