import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  caseParams,
  caseReportQuery,
  caseReportSchema,
  createTaskBody,
  taskListQuery,
  taskListResponse,
  taskParams,
  taskSchema,
  updateTaskBody,
} from "../../../core/api/cases.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { EXPORT_LIMIT } from "../../http/rate-limits.ts";
import { CASE_READ, CASE_WRITE } from "./case-context.ts";
import { caseCtx, errors, fileResponse } from "./case-routes.shared.ts";
import { caseReport, caseReportXlsx } from "./reports.service.ts";
import { createTask, listCaseTasks, listTasks, updateTask } from "./tasks.service.ts";

const read = { personalData: true, permission: CASE_READ } as const;
const write = { personalData: true, permission: CASE_WRITE } as const;

/** Follow-up tasks ("Tugas saya") and the case reports. */
export const tasksRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/v1/tasks",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary:
          "Follow-up tasks: assignee=me for my list; status=overdue|today|upcoming|open|done|cancelled",
        querystring: taskListQuery,
        response: { 200: taskListResponse, ...errors },
      },
    },
    async (request) => listTasks(caseCtx(request, deps, CASE_READ), request.query),
  );

  app.patch(
    "/api/v1/tasks/:id",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Mark a task done or cancelled",
        params: taskParams,
        body: updateTaskBody,
        response: { 200: taskSchema, ...errors },
      },
    },
    async (request) => updateTask(caseCtx(request, deps, CASE_WRITE), request.params.id, request.body.status),
  );

  app.get(
    "/api/v1/cases/:id/tasks",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The case's tasks",
        params: caseParams,
        response: { 200: taskListResponse, ...errors },
      },
    },
    async (request) => listCaseTasks(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/tasks",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Add a follow-up task",
        params: caseParams,
        body: createTaskBody,
        response: { 201: taskSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createTask(caseCtx(request, deps, CASE_WRITE), request.params.id, request.body)),
  );

  app.get(
    "/api/v1/case-reports",
    {
      config: { permission: "aggregates:read" },
      schema: {
        tags: ["cases"],
        summary: "Case figures in my region",
        querystring: caseReportQuery,
        response: { 200: caseReportSchema, ...errors },
      },
    },
    async (request) => caseReport(caseCtx(request, deps, "aggregates:read"), request.query),
  );

  app.get(
    "/api/v1/case-reports.xlsx",
    {
      config: { permission: "aggregates:read", rateLimit: EXPORT_LIMIT },
      schema: {
        tags: ["cases"],
        summary: "Case figures as an Excel workbook",
        querystring: caseReportQuery,
        response: { 200: fileResponse("The report as an XLSX workbook"), ...errors },
      },
    },
    async (request, reply) => {
      const report = await caseReport(caseCtx(request, deps, "aggregates:read"), request.query);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="laporan-kasus-${report.generatedAt.slice(0, 10)}.xlsx"`,
        )
        .send(await caseReportXlsx(report));
    },
  );
};
