/**
 * The monthly report for the Kasudin and the Wali Kota: the region's dashboard for a month beside
 * the month before, every child region's figures and top issues, as a PDF in Indonesian with
 * charts or as an XLSX of the underlying tables. Aggregates only (aggregates:read).
 */
import type { Kysely } from "kysely";
import type { DashboardDto } from "../../../core/api/dashboards.schema.ts";
import { monthNameId } from "../../../core/dates/indonesian-dates.ts";
import { addMonths, monthRange } from "../../../core/kinerja/period.ts";
import type { Database } from "../../db/database.ts";
import { ALL_REGIONS } from "../../db/scope.ts";
import type { Actor } from "../auth/actor.ts";
import { regionDashboard } from "../dashboards/dashboards.service.ts";

export interface MonthlyReport {
  month: string;
  monthName: string;
  current: DashboardDto;
  previous: DashboardDto;
  /** The dashboard of every child region (kecamatan of a kota, kelurahan of a kecamatan). */
  children: DashboardDto[];
  generatedAt: string;
}

/** The actor of reports made on the command line: reads every aggregate and no individual. */
export function reportActor(): Actor {
  return {
    userId: "cli",
    username: "peduli-cli",
    role: "pimpinan",
    regionCode: null,
    scope: ALL_REGIONS,
    permissions: new Set(["aggregates:read"]),
    via: "token",
    ip: "",
    requestId: "cli",
  };
}

export async function buildMonthlyReport(
  db: Kysely<Database>,
  actor: Actor,
  region: string,
  month: string,
  now: Date,
): Promise<MonthlyReport> {
  const range = monthRange(month);
  const current = await regionDashboard(db, actor, region, range, now);
  const previous = await regionDashboard(
    db,
    actor,
    region,
    monthRange(addMonths(range.from, -1).slice(0, 7)),
    now,
  );
  const children: DashboardDto[] = [];
  for (const child of current.children)
    children.push(await regionDashboard(db, actor, child.code, range, now));
  return {
    month,
    monthName: monthNameId(month),
    current,
    previous,
    children,
    generatedAt: now.toISOString(),
  };
}
