/** Worker performance (kinerja): indicators per worker and period, targets and alerts (docs/kinerja.md). */
import { z } from "zod";
import { COUNT_INDICATORS } from "../kinerja/kinerja.ts";
import { periodQuery } from "./dashboards.schema.ts";

export const kinerjaQuery = periodQuery;

export const kinerjaIndicatorsSchema = z
  .object({
    householdsRegistered: z.number().int(),
    householdsUpdated: z.number().int(),
    householdsAssessed: z.number().int(),
    ppksFound: z.number().int(),
    casesOpened: z.number().int(),
    casesClosed: z.number().int(),
    medianDaysToFirstVisit: z.number().nullable(),
    medianDaysToClose: z.number().nullable(),
    followUpsDue: z.number().int(),
    followUpsOnTime: z.number().int(),
    followUpsOnTimeRate: z.number().nullable(),
    referralsMade: z.number().int(),
    referralsCompleted: z.number().int(),
    visitsMade: z.number().int(),
  })
  .meta({ id: "KinerjaIndicators" });

const targetProgressSchema = z.object({
  indicator: z.string(),
  month: z.string(),
  target: z.number().int(),
  actual: z.number().int(),
  percent: z.number(),
  expectedByNow: z.number(),
  status: z.enum(["far_behind", "behind", "on_track", "done"]),
});

export const kinerjaWorkerSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  regionCode: z.string(),
});

export const kinerjaResponse = z
  .object({
    worker: kinerjaWorkerSchema,
    period: z.object({ from: z.string(), to: z.string() }),
    indicators: kinerjaIndicatorsSchema,
    targets: z
      .array(targetProgressSchema)
      .meta({ description: "Progress against the targets of the month of `to`" }),
  })
  .meta({ id: "WorkerKinerja" });

export const kinerjaListQuery = periodQuery;

export const kinerjaListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      regionCode: z.string(),
      indicators: kinerjaIndicatorsSchema,
    }),
  ),
  total: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }),
});

export const targetBody = z.object({
  role: z.enum(["tksk", "psm"]),
  indicator: z.enum(COUNT_INDICATORS),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  target: z.number().int().min(0).max(100_000),
});

export const targetSchema = targetBody
  .extend({ id: z.string(), updatedAt: z.string() })
  .meta({ id: "KinerjaTarget" });
export const targetListQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});
export const targetListResponse = z.object({ items: z.array(targetSchema) });

export const alertSchema = z.object({
  id: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  regionCode: z.string(),
  supervisorWorkerId: z.string().nullable(),
  indicator: z.string(),
  month: z.string(),
  target: z.number().int(),
  actual: z.number().int(),
  expected: z.number(),
  status: z.string(),
  raisedAt: z.string(),
});
export const alertListResponse = z.object({ items: z.array(alertSchema), total: z.number().int() });
export const checkTargetsResponse = z.object({
  month: z.string(),
  checked: z.number().int(),
  raised: z.number().int(),
});

export const cohortListResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
});

export const cohortComparisonQuery = z.object({
  months: z.coerce.number().int().min(1).max(12).default(3),
});
/** Per-worker means of the count indicators and medians of the medians, before and after. */
const meanFigures = z.record(z.string(), z.number().nullable());
const groupFigures = z.object({ workers: z.number().int(), before: meanFigures, after: meanFigures });
export const cohortComparisonResponse = z.object({
  cohort: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  months: z.number().int(),
  before: z.object({ from: z.string(), to: z.string() }),
  after: z.object({ from: z.string(), to: z.string() }),
  participants: groupFigures,
  others: groupFigures,
  note: z.object({ id: z.string(), en: z.string() }),
});

export type KinerjaIndicators = z.infer<typeof kinerjaIndicatorsSchema>;
export type KinerjaDto = z.infer<typeof kinerjaResponse>;
export type TargetBody = z.infer<typeof targetBody>;
export type CohortComparisonDto = z.infer<typeof cohortComparisonResponse>;
