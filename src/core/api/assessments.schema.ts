/**
 * API schemas of multidimensional poverty: indicator sets, household assessments, the analysis of
 * a region and period, and the list of poor households. Shared by server, web and CLI.
 */
import { z } from "zod";
import { regionCodeParam } from "./common.schema.ts";

const bilingual = z.object({ id: z.string(), en: z.string() });

/** A calendar quarter: assessments are compared per period. */
export const periodSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "period_invalid")
  .meta({ description: "Calendar quarter, e.g. 2026-Q1", example: "2026-Q1" });

/** YYYY-MM-DD → `2026-Q1`. */
export function periodOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date_invalid");

export const indicatorSetSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    indicatorCount: z.number().int(),
    k: z.number(),
    assessments: z.number().int().meta({ description: "Assessments made with this version" }),
    createdAt: z.string(),
  })
  .meta({ id: "IndicatorSetSummary" });

export const indicatorSetSchema = indicatorSetSummarySchema
  .extend({
    definition: z
      .record(z.string(), z.unknown())
      .meta({ description: "Engine definition {k, indicators} with labels and form inputs" }),
  })
  .meta({ id: "IndicatorSet" });

export const indicatorSetListResponse = z.object({ items: z.array(indicatorSetSummarySchema) });

export const createIndicatorSetBody = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "code_invalid")
    .meta({ description: "Stable name across versions; a new version is made for an existing code" }),
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(2000).optional(),
  definition: z.unknown().meta({ description: "Validated by the engine's definition validator" }),
});

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const createAssessmentBody = z.object({
  assessedOn: isoDate,
  indicatorSetId: z.string().optional().meta({ description: "Default: the newest default-set version" }),
  values: z.record(z.string(), scalar),
});

export const deprivedIndicatorSchema = z.object({
  id: z.string(),
  dimension: z.string(),
  text: bilingual,
});

export const assessmentSchema = z
  .object({
    id: z.string(),
    householdId: z.string(),
    regionCode: z.string(),
    rw: z.string(),
    indicatorSet: z.object({ id: z.string(), name: z.string(), version: z.number().int(), k: z.number() }),
    assessedOn: z.string(),
    period: z.string(),
    householdSize: z.number().int(),
    values: z.record(z.string(), scalar),
    score: z.number(),
    poor: z.boolean(),
    deprived: z.array(deprivedIndicatorSchema),
    latestInPeriod: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Assessment" });

export const assessmentListResponse = z.object({ items: z.array(assessmentSchema) });

const rwParam = z
  .string()
  .regex(/^\d{1,3}$/, "rw_invalid")
  .transform((rw) => rw.padStart(3, "0"))
  .meta({ description: "One RW of the kelurahan given as region" });

export const analysisQuery = z.object({
  region: regionCodeParam.optional().meta({ description: "Default: the caller's region or the city" }),
  rw: rwParam.optional(),
  period: periodSchema.optional().meta({ description: "Default: the latest period with assessments" }),
  comparePeriod: periodSchema.optional(),
  indicatorSetId: z.string().optional(),
});

const figures = z.object({
  n: z.number(),
  poor: z.number(),
  H: z.number(),
  A: z.number(),
  M0: z.number(),
});

export const analysisGroupSchema = z.object({
  code: z.string(),
  name: z.string(),
  households: figures,
  persons: figures.extend({
    populationShare: z.number(),
    contribution: z.number().nullable(),
  }),
  compare: figures.nullable(),
});

export const analysisResponse = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), kind: z.string(), rw: z.string().nullable() }),
    childKind: z.string(),
    period: z.string().nullable(),
    comparePeriod: z.string().nullable(),
    periods: z.array(z.string()),
    indicatorSet: z
      .object({ id: z.string(), name: z.string(), version: z.number().int(), k: z.number() })
      .nullable(),
    households: figures,
    persons: figures,
    compare: z.object({ households: figures, persons: figures }).nullable(),
    indicators: z.array(
      z.object({
        id: z.string(),
        dimension: z.string(),
        label: bilingual,
        weight: z.number(),
        uncensoredHeadcount: z.number(),
        censoredHeadcount: z.number(),
        contribution: z.number().nullable(),
      }),
    ),
    groups: z.array(analysisGroupSchema),
    sensitivity: z.array(
      z.object({
        k: z.number(),
        H: z.number(),
        M0: z.number(),
        householdH: z.number(),
        householdM0: z.number(),
      }),
    ),
  })
  .meta({ id: "MpiAnalysis" });

export const poorHouseholdsQuery = z.object({
  region: regionCodeParam.optional(),
  rw: rwParam.optional(),
  period: periodSchema.optional(),
  indicatorSetId: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const poorHouseholdSchema = z.object({
  id: z.string().meta({ description: "Household id" }),
  assessmentId: z.string(),
  regionCode: z.string(),
  rw: z.string(),
  rt: z.string(),
  address: z.string(),
  kkNumber: z.string().nullable().meta({ description: "Masked" }),
  householdSize: z.number().int(),
  score: z.number(),
  assessedOn: z.string(),
  deprived: z.array(deprivedIndicatorSchema),
});

export const poorHouseholdListResponse = z.object({
  period: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(poorHouseholdSchema),
});

export type IndicatorSetSummary = z.infer<typeof indicatorSetSummarySchema>;
export type IndicatorSetDto = z.infer<typeof indicatorSetSchema>;
export type CreateIndicatorSetBody = z.infer<typeof createIndicatorSetBody>;
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;
export type AssessmentDto = z.infer<typeof assessmentSchema>;
export type AnalysisQuery = z.infer<typeof analysisQuery>;
export type AnalysisDto = z.infer<typeof analysisResponse>;
export type AnalysisFigures = z.infer<typeof figures>;
export type PoorHouseholdsQuery = z.infer<typeof poorHouseholdsQuery>;
export type PoorHouseholdListDto = z.infer<typeof poorHouseholdListResponse>;
