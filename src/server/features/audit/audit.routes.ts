import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditListQuery, auditListResponse, auditRecordParams } from "../../../core/api/audit.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { EXPORT_LIMIT } from "../../http/rate-limits.ts";
import { requirePermission } from "../auth/actor.ts";
import { exportAuditCsv, listAudit, recordHistory } from "./audit.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The audit trail: read and export only. No route changes or deletes an entry. */
export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/audit",
    {
      config: { personalData: true, permission: "audit:read" },
      schema: {
        tags: ["audit"],
        summary: "Audit entries, newest first (filter by user, record, action, dates)",
        querystring: auditListQuery,
        response: { 200: auditListResponse, ...errors },
      },
    },
    async (request) => listAudit(db, requirePermission(request, "audit:read"), request.query),
  );

  app.get(
    "/api/v1/audit/export",
    {
      config: { personalData: true, permission: "audit:export", rateLimit: EXPORT_LIMIT },
      schema: {
        tags: ["audit"],
        summary: "The filtered audit trail as CSV (the export is audited too)",
        querystring: auditListQuery.omit({ page: true, pageSize: true }),
        response: { 200: z.string().meta({ description: "text/csv" }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "audit:export");
      const result = await exportAuditCsv(db, actor, request.query);
      const stamp = result.exportedAt.replace(/[:.]/g, "-");
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-${stamp}.csv"`)
        .header("x-exported-by", actor.username)
        .header("x-exported-at", result.exportedAt)
        .send(result.csv);
    },
  );

  app.get(
    "/api/v1/audit/records/:table/:id",
    {
      config: { personalData: true, permission: "audit:history" },
      schema: {
        tags: ["audit"],
        summary: "The history of one record (404 outside my region)",
        params: auditRecordParams,
        response: { 200: auditListResponse, ...errors },
      },
    },
    async (request) =>
      recordHistory(db, requirePermission(request, "audit:history"), request.params.table, request.params.id),
  );
};
