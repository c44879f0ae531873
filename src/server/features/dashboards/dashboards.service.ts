/**
 * Area dashboards for a kota, kecamatan or kelurahan: sums of the per-kelurahan counters
 * (region_stats, refreshed incrementally first), the poverty figures of the assessments' own
 * analysis service, and the workforce. Aggregates only: any role with `aggregates:read` reads the
 * dashboards of regions inside its scope (pimpinan: all). Definitions: docs/dashboards.md.
 */
import type { Kysely } from "kysely";
import type { DashboardChild, DashboardDto, PeriodQuery } from "../../../core/api/dashboards.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { monthRange, wibMonth } from "../../../core/kinerja/period.ts";
import type { Database } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import { listPeriods } from "../assessments/analysis.repository.ts";
import { analyse } from "../assessments/analysis.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { categoryName } from "../cases/case-categories.ts";
import { findRegion, listChildren } from "../regions/regions.repository.ts";
import { findShippedService } from "../services/services.catalogue.ts";
import { ppksCategoryNames, workforce } from "./dashboards.repository.ts";
import { METRICS, type StatSum, sumStats } from "./region-stats.repository.ts";
import { refreshRegionStats } from "./region-stats.service.ts";

const CHILD_LENGTH: Record<number, { length: number; kind: string }> = {
  2: { length: 4, kind: "kota" },
  4: { length: 6, kind: "kecamatan" },
  6: { length: 10, kind: "kelurahan" },
};

/** The period of a query: both days given, or the current month (WIB) for what is missing. */
export function resolvePeriod(query: PeriodQuery, now: Date): { from: string; to: string } {
  const month = monthRange(wibMonth(now));
  return { from: query.from ?? month.from, to: query.to ?? month.to };
}

/** The assessment quarter for a period: the quarter of its last day, else the newest one before it. */
function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function total(sums: StatSum[], metric: string, child?: string): number {
  let n = 0;
  for (const s of sums) if (s.metric === metric && (child === undefined || s.child === child)) n += s.value;
  return n;
}

function byKey(sums: StatSum[], metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sums) if (s.metric === metric) out.set(s.key, (out.get(s.key) ?? 0) + s.value);
  return out;
}

/** The dashboard of one region for a period. */
export async function regionDashboard(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  query: PeriodQuery,
  now: Date,
): Promise<DashboardDto> {
  assertPermission(actor, "aggregates:read");
  if (!isInScope(actor.scope, code)) throw new AppError("forbidden");
  const region = await findRegion(db, code);
  if (!region) throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` });
  const period = resolvePeriod(query, now);
  await refreshRegionStats(db, now);

  const child = CHILD_LENGTH[code.length] ?? null;
  const nowHour = now.toISOString().slice(0, 13);
  // One read grouped by child region: the region's totals are the sums over its children.
  const [perChild, names, children, team, mpi] = await Promise.all([
    sumStats(db, code, period, nowHour, child?.length ?? null),
    ppksCategoryNames(db),
    child ? listChildren(db, code) : Promise.resolve([]),
    workforce(db, code),
    mpiFigures(db, actor, code, period.to),
  ]);

  const sums = perChild;
  const ppks = byKey(sums, METRICS.ppks);
  const urgency = byKey(sums, METRICS.openCases);
  const sent = byKey(sums, METRICS.referralsSent);
  const completed = byKey(sums, METRICS.referralsCompleted);
  const categories = [...byKey(sums, METRICS.openCasesCategory).entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const trained = team.workers.filter((w) => team.trained.has(w.id)).length;

  return {
    region: { code: region.code, name: region.name, kind: region.kind },
    period,
    generatedAt: now.toISOString(),
    persons: total(sums, METRICS.persons),
    households: total(sums, METRICS.households),
    householdsRegistered: total(sums, METRICS.householdsRegistered),
    ppksTotal: [...ppks.values()].reduce((a, b) => a + b, 0),
    ppksByCategory: Object.fromEntries([...ppks.entries()].sort()),
    ppksCategories: [...ppks.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([c, count]) => ({ code: c, name: names.get(c) ?? c, count })),
    ppksFound: total(sums, METRICS.ppksFound),
    openCases: [...urgency.values()].reduce((a, b) => a + b, 0),
    openCasesByUrgency: {
      darurat: urgency.get("darurat") ?? 0,
      tinggi: urgency.get("tinggi") ?? 0,
      biasa: urgency.get("biasa") ?? 0,
    },
    topIssues: categories.slice(0, 5).map(([c, n]) => ({ category: c, name: categoryName(c), openCases: n })),
    casesOpened: total(sums, METRICS.casesOpened),
    casesClosed: total(sums, METRICS.casesClosed),
    overdueFollowUps: total(sums, METRICS.openTaskDue),
    referralsByProgramme: [...new Set([...sent.keys(), ...completed.keys()])]
      .map((c) => ({
        code: c,
        name: c === "" ? "Lainnya (organisasi/instansi)" : (findShippedService(c)?.name ?? c),
        sent: sent.get(c) ?? 0,
        completed: completed.get(c) ?? 0,
      }))
      .sort((a, b) => b.sent - a.sent || a.code.localeCompare(b.code)),
    mpi: mpi.figures,
    workforce: {
      workers: team.workers.length,
      tksk: team.workers.filter((w) => w.role === "tksk").length,
      psm: team.workers.filter((w) => w.role === "psm").length,
      trained,
      trainingCoverage: team.workers.length ? Math.round((trained / team.workers.length) * 1000) / 10 : null,
    },
    childKind: child?.kind ?? "none",
    children: children.map((c): DashboardChild => {
      const own = perChild.filter((s) => s.child === c.code);
      const top = [...byKey(own, METRICS.openCasesCategory).entries()].sort(
        (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
      )[0];
      const g = mpi.groups.get(c.code);
      return {
        code: c.code,
        name: c.name,
        persons: total(own, METRICS.persons),
        households: total(own, METRICS.households),
        ppks: total(own, METRICS.ppks),
        openCases: total(own, METRICS.openCases),
        overdueFollowUps: total(own, METRICS.openTaskDue),
        casesOpened: total(own, METRICS.casesOpened),
        casesClosed: total(own, METRICS.casesClosed),
        referralsSent: total(own, METRICS.referralsSent),
        mpiH: g?.H ?? null,
        mpiM0: g?.M0 ?? null,
        topIssue: top ? { category: top[0], name: categoryName(top[0]), openCases: top[1] } : null,
      };
    }),
  };
}

/**
 * H, A and M0 per person from the assessments' analysis of the quarter holding the period's last
 * day (or the newest earlier quarter with assessments), with the three indicators contributing most.
 */
async function mpiFigures(db: Kysely<Database>, actor: Actor, code: string, to: string) {
  const wanted = quarterOf(to);
  const period = (await listPeriods(db)).find((p) => p <= wanted) ?? null;
  const empty = { period: null, n: 0, poor: 0, H: 0, A: 0, M0: 0, worstIndicators: [] };
  if (!period) return { figures: empty, groups: new Map<string, { H: number; M0: number }>() };
  const analysis = await analyse(db, actor, { region: code, period });
  const worst = [...analysis.indicators]
    .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0))
    .slice(0, 3)
    .map((i) => ({
      id: i.id,
      label: i.label,
      censoredHeadcount: i.censoredHeadcount,
      contribution: i.contribution ?? 0,
    }));
  return {
    figures: { period, ...analysis.persons, worstIndicators: worst },
    groups: new Map(analysis.groups.map((g) => [g.code, { H: g.persons.H, M0: g.persons.M0 }])),
  };
}
