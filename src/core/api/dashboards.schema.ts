/** Area dashboards: the figures of a kota, kecamatan or kelurahan for a period (docs/dashboards.md). */
import { z } from "zod";
import { isDate } from "../kinerja/period.ts";
import { regionCodeParam } from "./common.schema.ts";

/** A 'YYYY-MM-DD' date in a query. */
export const dateParam = z
  .string()
  .refine(isDate, { message: "Tanggal harus YYYY-MM-DD / Date must be YYYY-MM-DD" })
  .meta({ example: "2024-05-01" });

/** from/to, both optional (default: the current month in WIB); `from` not after `to`. */
export const periodQuery = z
  .object({
    from: dateParam.optional().meta({ description: "First day (default: first day of this month, WIB)" }),
    to: dateParam.optional().meta({ description: "Last day, included (default: last day of this month)" }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["to"] });

export const dashboardParams = z.object({ code: regionCodeParam });

const mpiSchema = z.object({
  period: z.string().nullable().meta({ description: "The assessment quarter the figures come from" }),
  n: z.number().meta({ description: "Persons in assessed households" }),
  poor: z.number().meta({ description: "Persons in poor households" }),
  H: z.number().meta({ description: "Headcount ratio (persons)" }),
  A: z.number().meta({ description: "Intensity among the poor" }),
  M0: z.number().meta({ description: "Adjusted headcount ratio H × A" }),
  worstIndicators: z.array(
    z.object({
      id: z.string(),
      label: z.object({ id: z.string(), en: z.string() }),
      censoredHeadcount: z.number(),
      contribution: z.number(),
    }),
  ),
});

const childSchema = z.object({
  code: z.string(),
  name: z.string(),
  persons: z.number().int(),
  households: z.number().int(),
  ppks: z.number().int(),
  openCases: z.number().int(),
  overdueFollowUps: z.number().int(),
  casesOpened: z.number().int(),
  casesClosed: z.number().int(),
  referralsSent: z.number().int(),
  mpiH: z.number().nullable(),
  mpiM0: z.number().nullable(),
  topIssue: z.object({ category: z.string(), name: z.string(), openCases: z.number().int() }).nullable(),
});

export const dashboardResponse = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
    period: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
    persons: z.number().int().meta({ description: "Living residents registered (not merged)" }),
    households: z.number().int(),
    householdsRegistered: z.number().int().meta({ description: "Households registered in the period" }),
    ppksTotal: z.number().int().meta({ description: "Active PPKS classifications (not 'selesai')" }),
    ppksByCategory: z
      .record(z.string(), z.number().int())
      .meta({ description: "Active PPKS by category code" }),
    ppksCategories: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
    ppksFound: z.number().int().meta({ description: "PPKS classifications found in the period" }),
    openCases: z.number().int(),
    openCasesByUrgency: z.record(z.string(), z.number().int()),
    topIssues: z.array(z.object({ category: z.string(), name: z.string(), openCases: z.number().int() })),
    casesOpened: z.number().int(),
    casesClosed: z.number().int(),
    overdueFollowUps: z.number().int().meta({ description: "Open follow-ups whose due time has passed" }),
    referralsByProgramme: z.array(
      z.object({ code: z.string(), name: z.string(), sent: z.number().int(), completed: z.number().int() }),
    ),
    mpi: mpiSchema,
    workforce: z.object({
      workers: z.number().int(),
      tksk: z.number().int(),
      psm: z.number().int(),
      trained: z.number().int().meta({ description: "Active workers holding a valid training certificate" }),
      trainingCoverage: z.number().nullable().meta({ description: "trained / workers, percent" }),
    }),
    childKind: z.string(),
    children: z.array(childSchema),
  })
  .meta({ id: "RegionDashboard" });

export type DashboardDto = z.infer<typeof dashboardResponse>;
export type DashboardChild = z.infer<typeof childSchema>;
export type PeriodQuery = z.infer<typeof periodQuery>;
