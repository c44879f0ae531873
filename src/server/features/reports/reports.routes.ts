import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema, regionCodeParam } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { EXPORT_LIMIT } from "../../http/rate-limits.ts";
import { requirePermission } from "../auth/actor.ts";
import { buildMonthlyReport } from "./monthly-report.service.ts";
import { monthlyReportPdf } from "./monthly-report-pdf.ts";
import { monthlyReportXlsx } from "./monthly-report-xlsx.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const query = z.object({
  region: regionCodeParam,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM"),
  format: z.enum(["pdf", "xlsx"]).default("pdf"),
});
const TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The monthly area report, as the CLI's `peduli report monthly` makes it. */
export const reportsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, now }) => {
  app.get(
    "/api/v1/reports/monthly",
    {
      config: { permission: "aggregates:read", rateLimit: EXPORT_LIMIT },
      schema: {
        tags: ["dashboards"],
        summary: "Monthly report of a region: PDF in Indonesian with charts, or XLSX of the tables",
        querystring: query,
        produces: [TYPES.pdf, TYPES.xlsx],
        response: { 200: z.any().meta({ description: "The report file" }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "aggregates:read");
      const { region, month, format } = request.query;
      const report = await buildMonthlyReport(db, actor, region, month, now?.() ?? new Date());
      const bytes = format === "pdf" ? await monthlyReportPdf(report) : await monthlyReportXlsx(report);
      return reply
        .type(TYPES[format])
        .header("content-disposition", `attachment; filename="laporan-bulanan-${region}-${month}.${format}"`)
        .send(bytes);
    },
  );
};
