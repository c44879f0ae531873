/**
 * Schemas of the case-work API: cases, their timeline, plan, referrals, visits and tasks, the
 * service catalogue and the reports. Shared by server, web and CLI.
 */
import { z } from "zod";
import {
  CASE_SOURCES,
  CATEGORY_KINDS,
  CLOSURE_REASONS,
  EVENT_TYPES,
  OPEN_STAGES,
  REFERRAL_STATUSES,
  STAGES,
  SUBJECT_TYPES,
  TASK_KINDS,
  TASK_STATUSES,
  URGENCIES,
} from "../cases/case-enums.ts";
import { regionCodeParam } from "./common.schema.ts";

const isoInstant = z.iso
  .datetime({ offset: true })
  .meta({ description: "ISO 8601 instant", example: "2026-03-01T08:00:00Z" });
const isoDate = z.iso.date().meta({ description: "YYYY-MM-DD", example: "2026-03-01" });
const clientId = z.uuid().optional().meta({
  description: "The client's own UUIDv7 (offline phones); sending the same id again returns the first result",
});
const rwRt = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/)
  .transform((v) => v.padStart(3, "0"));
const bool = z.enum(["true", "false"]).transform((v) => v === "true");
const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const caseParams = z.object({ id: z.uuid() });
export const caseChildParams = z.object({ id: z.uuid(), childId: z.uuid() });
export const photoParams = z.object({ id: z.uuid(), childId: z.uuid(), photoId: z.uuid() });

export const caseSchema = z
  .object({
    id: z.string(),
    caseNumber: z.string(),
    subjectType: z.enum(SUBJECT_TYPES),
    personId: z.string().nullable(),
    householdId: z.string().nullable(),
    subjectLabel: z.string().meta({ description: "The person's name, the household's address, or the area" }),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    rw: z.string().nullable(),
    rt: z.string().nullable(),
    categoryKind: z.enum(CATEGORY_KINDS),
    category: z.string(),
    categoryName: z.string(),
    description: z.string(),
    source: z.enum(CASE_SOURCES),
    urgency: z.enum(URGENCIES),
    stage: z.enum(STAGES),
    closureReason: z.enum(CLOSURE_REASONS).nullable(),
    closureRequest: z
      .object({ reason: z.enum(CLOSURE_REASONS), at: z.string(), byName: z.string().nullable() })
      .nullable()
      .meta({ description: "A pending request to close, awaiting a sudin's approval" }),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    reportedAt: z.string(),
    firstVisitAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    overdueTasks: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Case" });
export type CaseDto = z.infer<typeof caseSchema>;

export const caseListQuery = z.object({
  region: regionCodeParam.optional().meta({ description: "Only cases in this region subtree" }),
  category: z.string().trim().max(60).optional(),
  urgency: z.enum(URGENCIES).optional(),
  stage: z.enum(STAGES).optional(),
  open: bool.optional().meta({ description: "true: open cases only; false: closed only" }),
  subjectType: z.enum(SUBJECT_TYPES).optional(),
  assignee: z.union([z.literal("me"), z.uuid()]).optional(),
  overdue: bool.optional().meta({ description: "true: only cases with an overdue follow-up" }),
  householdId: z.uuid().optional(),
  personId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().meta({ description: "Case number or words of the description" }),
  ...paging,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;
export const caseListResponse = z.object({ items: z.array(caseSchema), total: z.number().int() });

export const createCaseBody = z
  .object({
    id: clientId,
    subjectType: z.enum(SUBJECT_TYPES),
    personId: z.uuid().optional(),
    householdId: z.uuid().optional(),
    regionCode: regionCodeParam.optional().meta({ description: "The kelurahan, for an area case" }),
    rw: rwRt.optional(),
    rt: rwRt.optional(),
    category: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .meta({ description: "A PPKS code (data/ppks.csv) or an area-problem code (data/area-problems.csv)" }),
    description: z.string().trim().min(1).max(5000),
    source: z.enum(CASE_SOURCES),
    urgency: z.enum(URGENCIES),
    assigneeId: z
      .uuid()
      .optional()
      .meta({ description: "A worker; default: the creator's worker record or the kelurahan's PSM" }),
    reportedAt: isoInstant
      .optional()
      .meta({ description: "When the problem was reported; default now (phones send their own)" }),
  })
  .superRefine((body, ctx) => {
    const need = (field: "personId" | "householdId" | "regionCode") => {
      if (body[field] === undefined)
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: "required",
          params: {
            id: `${field} wajib untuk kasus ${body.subjectType}.`,
            en: `${field} is required for a ${body.subjectType} case.`,
          },
        });
    };
    if (body.subjectType === "person") need("personId");
    if (body.subjectType === "household") need("householdId");
    if (body.subjectType === "area") need("regionCode");
  });
export type CreateCaseBody = z.infer<typeof createCaseBody>;

export const updateCaseBody = z.object({
  description: z.string().trim().min(1).max(5000).optional(),
  category: z.string().trim().min(1).max(60).optional(),
  urgency: z.enum(URGENCIES).optional(),
  stage: z
    .enum(OPEN_STAGES)
    .optional()
    .meta({ description: "Move to an open stage (closing goes through events)" }),
  assigneeId: z.uuid().optional().meta({ description: "Assign or transfer (sudin, TKSK)" }),
  note: z.string().trim().max(2000).optional().meta({ description: "Why: kept on the timeline events" }),
});
export type UpdateCaseBody = z.infer<typeof updateCaseBody>;

export const caseEventSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    type: z.enum(EVENT_TYPES),
    at: z.string(),
    byUserId: z.string().nullable(),
    byName: z.string().nullable(),
    fromStage: z.enum(STAGES).nullable(),
    toStage: z.enum(STAGES).nullable(),
    note: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "CaseEvent" });
export type CaseEventDto = z.infer<typeof caseEventSchema>;
export const caseEventListResponse = z.object({ items: z.array(caseEventSchema), total: z.number().int() });

export const createCaseEventBody = z.object({
  action: z.enum(["note", "close", "reject_closure", "reopen"]).meta({
    description:
      "note; close (a sudin closes or approves a request, others request closure); reject_closure (sudin); reopen",
  }),
  note: z.string().trim().max(2000).optional(),
  reason: z.enum(CLOSURE_REASONS).optional().meta({ description: "Required to close or request closure" }),
});
export type CreateCaseEventBody = z.infer<typeof createCaseEventBody>;
export const caseEventResult = z.object({ event: caseEventSchema, case: caseSchema });

export const planItemSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    kind: z.enum(["goal", "action"]),
    text: z.string(),
    dueOn: z.string().nullable(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CasePlanItem" });
export const planListResponse = z.object({ items: z.array(planItemSchema), total: z.number().int() });
export const createPlanItemBody = z.object({
  id: clientId,
  kind: z.enum(["goal", "action"]),
  text: z.string().trim().min(1).max(1000),
  dueOn: isoDate.optional(),
});
export const updatePlanItemBody = z.object({
  text: z.string().trim().min(1).max(1000).optional(),
  dueOn: isoDate.nullable().optional(),
  done: z.boolean().optional(),
});

export const referralSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    serviceCode: z.string().nullable(),
    organisationId: z.string().nullable(),
    targetName: z.string(),
    external: z.boolean().meta({ description: "Outside Peduli: the referral prints as a letter" }),
    status: z.enum(REFERRAL_STATUSES),
    sentOn: z.string(),
    respondedOn: z.string().nullable(),
    completedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    note: z.string().nullable(),
    letterNumber: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Referral" });
export type ReferralDto = z.infer<typeof referralSchema>;
export const referralListResponse = z.object({ items: z.array(referralSchema), total: z.number().int() });
export const createReferralBody = z
  .object({
    id: clientId,
    serviceCode: z.string().trim().min(1).max(60).optional(),
    organisationId: z.uuid().optional(),
    sentOn: isoDate.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.serviceCode === undefined) !== (b.organisationId === undefined), {
    message: "serviceCode or organisationId",
    params: {
      id: "Isi salah satu: serviceCode atau organisationId.",
      en: "Give exactly one of serviceCode or organisationId.",
    },
  });
export const updateReferralBody = z.object({
  status: z.enum(["diterima", "ditolak", "selesai"]),
  on: isoDate.optional().meta({ description: "The date of the answer or completion; default today" }),
  outcome: z.string().trim().max(2000).optional(),
});

export const visitPhotoSchema = z.object({
  id: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});
export const visitSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    visitedAt: z.string(),
    workerId: z.string().nullable(),
    workerName: z.string().nullable(),
    met: z.string(),
    notes: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    photos: z.array(visitPhotoSchema),
    createdAt: z.string(),
  })
  .meta({ id: "Visit" });
export type VisitDto = z.infer<typeof visitSchema>;
export const visitListResponse = z.object({ items: z.array(visitSchema), total: z.number().int() });
export const createVisitBody = z
  .object({
    id: clientId,
    visitedAt: isoInstant.optional(),
    met: z.string().trim().min(1).max(500).meta({ description: "Who was met" }),
    notes: z.string().trim().max(5000).default(""),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .refine((b) => (b.latitude === undefined) === (b.longitude === undefined), {
    message: "latitude and longitude",
    params: { id: "Kirim latitude dan longitude bersama-sama.", en: "Send latitude and longitude together." },
  });

export const taskSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string(),
    regionCode: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    dueAt: z.string(),
    assigneeId: z.string().nullable(),
    referralId: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    bucket: z.enum(["overdue", "today", "upcoming"]).nullable(),
    doneAt: z.string().nullable(),
    urgency: z.enum(URGENCIES),
    subjectLabel: z.string(),
  })
  .meta({ id: "Task" });
export type TaskDto = z.infer<typeof taskSchema>;
export const taskListResponse = z.object({ items: z.array(taskSchema), total: z.number().int() });
export const taskListQuery = z.object({
  assignee: z.union([z.literal("me"), z.uuid()]).optional(),
  status: z.enum(["open", "overdue", "today", "upcoming", "done", "cancelled"]).optional(),
  region: regionCodeParam.optional(),
  ...paging,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const taskParams = z.object({ id: z.uuid() });
export const updateTaskBody = z.object({ status: z.enum(["done", "cancelled"]) });
export const createTaskBody = z.object({
  id: clientId,
  title: z.string().trim().min(1).max(300),
  dueAt: isoInstant,
});

export const assignmentSchema = z.object({
  id: z.string(),
  workerId: z.string(),
  workerName: z.string().nullable(),
  fromAt: z.string(),
  toAt: z.string().nullable(),
  assignedByName: z.string().nullable(),
});
export type AssignmentDto = z.infer<typeof assignmentSchema>;
export const assignmentListResponse = z.object({ items: z.array(assignmentSchema), total: z.number().int() });

export const serviceSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(["program", "layanan", "psks"]),
    provider: z.string(),
    external: z.boolean(),
    organisationId: z.string().nullable(),
    regionCode: z.string().nullable(),
  })
  .meta({ id: "Service" });
export const serviceListQuery = z.object({ region: regionCodeParam.optional() });
export const serviceListResponse = z.object({ items: z.array(serviceSchema), total: z.number().int() });

export const categorySchema = z.object({ kind: z.enum(CATEGORY_KINDS), code: z.string(), name: z.string() });
export const categoryListResponse = z.object({ items: z.array(categorySchema), total: z.number().int() });

export const caseReportQuery = z.object({
  region: regionCodeParam.optional(),
  from: isoDate.optional().meta({ description: "Cases reported on or after" }),
  to: isoDate.optional().meta({ description: "Cases reported on or before" }),
});
export type CaseReportQuery = z.infer<typeof caseReportQuery>;
const openClosed = { open: z.number().int(), closed: z.number().int() };
export const caseReportSchema = z
  .object({
    generatedAt: z.string(),
    byCategory: z.array(z.object({ category: z.string(), categoryName: z.string(), ...openClosed })),
    byRegion: z.array(z.object({ regionCode: z.string(), regionName: z.string().nullable(), ...openClosed })),
    byUrgency: z.array(z.object({ urgency: z.enum(URGENCIES), ...openClosed })),
    medianHoursToFirstVisit: z.number().nullable(),
    medianHoursToClose: z.number().nullable(),
    overdueByWorker: z.array(
      z.object({
        workerId: z.string().nullable(),
        workerName: z.string().nullable(),
        regionCode: z.string().nullable(),
        overdue: z.number().int(),
      }),
    ),
    referralOutcomes: z.array(
      z.object({
        target: z.string(),
        dikirim: z.number().int(),
        diterima: z.number().int(),
        ditolak: z.number().int(),
        selesai: z.number().int(),
      }),
    ),
  })
  .meta({ id: "CaseReport" });
export type CaseReportDto = z.infer<typeof caseReportSchema>;
