/**
 * The poverty analysis of a region (kota, kecamatan, kelurahan or one RW) in a period: H, A and M0
 * per person (households weighted by their size) and per household, indicator contributions, the
 * breakdown over the child regions, the change from another period and the sensitivity to k.
 * Aggregates only: any role holding `aggregates:read` (pimpinan too) may read them for a region
 * inside its scope. The list of poor households is personal data and needs `households:read`.
 */

import { presentKk } from "../../../core/access/privacy.ts";
import type {
  AnalysisDto,
  AnalysisFigures,
  AnalysisQuery,
  PoorHouseholdListDto,
  PoorHouseholdsQuery,
} from "../../../core/api/assessments.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { MpiResult } from "../../../core/mpi/mpi-result.ts";
import type { Db } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { findRegion, listChildren } from "../regions/regions.repository.ts";
import * as repo from "./analysis.repository.ts";
import { type MaskCount, resultFromMasks, sensitivity } from "./analysis-compute.ts";
import { presentDeprived, presentSetRef } from "./assessments.presenter.ts";
import { type LoadedIndicatorSet, resolveIndicatorSet } from "./indicator-sets.service.ts";

/** The city the system serves: the default region of roles that see everything. */
export const DEFAULT_ANALYSIS_REGION = "3171";

const CHILD: Record<number, { length: number | null; kind: string }> = {
  2: { length: 4, kind: "kota" },
  4: { length: 6, kind: "kecamatan" },
  6: { length: 10, kind: "kelurahan" },
  10: { length: null, kind: "rw" },
};

function figures(result: MpiResult): AnalysisFigures {
  return { n: result.n, poor: result.poor, H: result.H, A: result.A, M0: result.M0 };
}

interface Context {
  region: { code: string; name: string; kind: string; rw: string | null };
  period: string | null;
  periods: string[];
  set: LoadedIndicatorSet | null;
}

/** Region (default: the actor's, else the city), period (default: the newest) and indicator set. */
async function context(
  db: Db,
  actor: Actor,
  query: {
    region?: string | undefined;
    rw?: string | undefined;
    period?: string | undefined;
    indicatorSetId?: string | undefined;
  },
): Promise<Context> {
  const code = query.region ?? actor.regionCode ?? DEFAULT_ANALYSIS_REGION;
  if (!isInScope(actor.scope, code)) throw new AppError("forbidden");
  const row = await findRegion(db, code);
  if (!row) throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` });
  if (query.rw && code.length !== 10) {
    throw new AppError("validation_failed", {}, [
      {
        field: "rw",
        code: "rw_needs_kelurahan",
        message: {
          id: "RW hanya dapat dipilih di dalam satu kelurahan.",
          en: "An RW can only be chosen within a kelurahan.",
        },
      },
    ]);
  }
  const periods = await repo.listPeriods(db);
  const period = query.period ?? periods[0] ?? null;
  let set: LoadedIndicatorSet | null = null;
  if (query.indicatorSetId) set = await resolveIndicatorSet(db, query.indicatorSetId);
  else if (period) {
    const used = await repo.newestSetInPeriod(db, period);
    set = used ? await resolveIndicatorSet(db, used) : null;
  }
  return { region: { code, name: row.name, kind: row.kind, rw: query.rw ?? null }, period, periods, set };
}

/** The analysis of one region and period (optionally compared with another period). */
export async function analyse(db: Db, actor: Actor, query: AnalysisQuery): Promise<AnalysisDto> {
  assertPermission(actor, "aggregates:read");
  const ctx = await context(db, actor, query);
  const child = query.rw
    ? { length: 0, kind: "none" }
    : (CHILD[ctx.region.code.length] ?? { length: 0, kind: "none" });
  const empty = { n: 0, poor: 0, H: 0, A: 0, M0: 0 };
  if (!ctx.period || !ctx.set) {
    return {
      region: ctx.region,
      childKind: child.kind,
      period: ctx.period,
      comparePeriod: query.comparePeriod ?? null,
      periods: ctx.periods,
      indicatorSet: ctx.set ? presentSetRef(ctx.set.row, ctx.set.definition) : null,
      households: empty,
      persons: empty,
      compare: null,
      indicators: [],
      groups: [],
      sensitivity: [],
    };
  }
  const filter = { period: ctx.period, setId: ctx.set.row.id, region: ctx.region.code, rw: query.rw };
  const by = child.kind === "rw" ? "rw" : "kelurahan";
  const load = (period: string) =>
    Promise.all([
      repo.maskCounts(db, { ...filter, period }),
      child.kind === "none" ? Promise.resolve([]) : repo.areaSums(db, { ...filter, period }, by),
    ]);
  const [counts, areas] = await load(ctx.period);
  const before = query.comparePeriod ? await load(query.comparePeriod) : null;
  const cut = child.length ?? 0;
  return present(ctx, child.kind, {
    counts,
    groups: rollUp(areas, child.kind === "rw" ? null : cut),
    compareCounts: before?.[0] ?? null,
    compareGroups: before ? rollUp(before[1], child.kind === "rw" ? null : cut) : null,
    comparePeriod: query.comparePeriod ?? null,
    names: await childNames(db, ctx),
  });
}

/** Kelurahan sums added up to the child level (codes cut to `length`); RW sums as they are. */
function rollUp(areas: repo.AreaSums[], length: number | null): Map<string, repo.AreaSums> {
  const groups = new Map<string, repo.AreaSums>();
  for (const a of areas) {
    const key = length === null ? a.area : a.area.slice(0, length);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { ...a, area: key });
      continue;
    }
    g.households += a.households;
    g.persons += a.persons;
    g.poorHouseholds += a.poorHouseholds;
    g.poorPersons += a.poorPersons;
    g.scoreHouseholds += a.scoreHouseholds;
    g.scorePersons += a.scorePersons;
  }
  return groups;
}

async function childNames(db: Db, ctx: Context): Promise<Map<string, string>> {
  if (ctx.region.rw) return new Map();
  const children = await listChildren(db, ctx.region.code);
  return new Map(children.map((c) => [c.code, c.name]));
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function groupFigures(g: repo.AreaSums, unit: "households" | "persons"): AnalysisFigures {
  const n = unit === "households" ? g.households : g.persons;
  const poor = unit === "households" ? g.poorHouseholds : g.poorPersons;
  const score = unit === "households" ? g.scoreHouseholds : g.scorePersons;
  return { n, poor, H: ratio(poor, n), A: ratio(score, poor), M0: ratio(score, n) };
}

function present(
  ctx: Context,
  childKind: string,
  data: {
    counts: MaskCount[];
    groups: Map<string, repo.AreaSums>;
    compareCounts: MaskCount[] | null;
    compareGroups: Map<string, repo.AreaSums> | null;
    comparePeriod: string | null;
    names: Map<string, string>;
  },
): AnalysisDto {
  const set = ctx.set as LoadedIndicatorSet;
  const def = set.definition;
  const perPerson = resultFromMasks(def, data.counts, "persons");
  const perHousehold = resultFromMasks(def, data.counts, "households");
  const before = data.compareCounts
    ? {
        persons: resultFromMasks(def, data.compareCounts, "persons"),
        households: resultFromMasks(def, data.compareCounts, "households"),
      }
    : null;
  const totalScore = [...data.groups.values()].reduce((s, g) => s + g.scorePersons, 0);
  return {
    region: ctx.region,
    childKind,
    period: ctx.period,
    comparePeriod: data.comparePeriod,
    periods: ctx.periods,
    indicatorSet: presentSetRef(set.row, def),
    households: figures(perHousehold),
    persons: figures(perPerson),
    compare: before ? { households: figures(before.households), persons: figures(before.persons) } : null,
    indicators: perPerson.indicators.map((indicator, j) => ({
      id: indicator.id,
      dimension: indicator.dimension,
      label: def.indicators[j]?.label ?? { id: indicator.id, en: indicator.id },
      weight: indicator.weight,
      uncensoredHeadcount: indicator.uncensoredHeadcount,
      censoredHeadcount: indicator.censoredHeadcount,
      contribution: indicator.contribution,
    })),
    groups: [...data.groups.values()]
      .sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0))
      .map((g) => {
        const persons = groupFigures(g, "persons");
        const compare = data.compareGroups?.get(g.area);
        return {
          code: g.area,
          name: data.names.get(g.area) ?? (childKind === "rw" ? `RW ${g.area}` : g.area),
          households: groupFigures(g, "households"),
          persons: {
            ...persons,
            populationShare: ratio(g.persons, perPerson.n),
            contribution: totalScore > 0 ? g.scorePersons / totalScore : null,
          },
          compare: compare ? groupFigures(compare, "persons") : null,
        };
      }),
    sensitivity: sensitivity(def, data.counts),
  };
}

/** The poor households of a region and period, within the actor's scope (personal data). */
export async function listPoorHouseholds(
  db: Db,
  actor: Actor,
  query: PoorHouseholdsQuery,
): Promise<PoorHouseholdListDto> {
  assertPermission(actor, "households:read");
  const region = query.region ?? actor.regionCode ?? DEFAULT_ANALYSIS_REGION;
  const periods = await repo.listPeriods(db);
  const period = query.period ?? periods[0] ?? null;
  const setId = query.indicatorSetId ?? (period ? await repo.newestSetInPeriod(db, period) : undefined);
  if (!period || !setId) return { period, total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const set = await resolveIndicatorSet(db, setId);
  const { rows, total } = await repo.listPoorHouseholds(
    db,
    { period, setId, region, rw: query.rw },
    actor.scope,
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    period,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      assessmentId: r.assessment_id,
      regionCode: r.region_code,
      rw: r.rw,
      rt: r.rt,
      address: r.address,
      kkNumber: presentKk(r.kk_number, "list"),
      householdSize: Number(r.household_size),
      score: Number(r.score),
      assessedOn: r.assessed_on,
      deprived: presentDeprived(set.definition, r.deprived_ids),
    })),
  };
}
