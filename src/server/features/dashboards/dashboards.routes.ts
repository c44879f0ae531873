import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { dashboardParams, dashboardResponse, periodQuery } from "../../../core/api/dashboards.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { regionDashboard } from "./dashboards.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Area dashboards: aggregates only (pimpinan reads every one; tksk and psm their own area). */
export const dashboardsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, now }) => {
  app.get(
    "/api/v1/dashboards/regions/:code",
    {
      config: { permission: "aggregates:read" },
      schema: {
        tags: ["dashboards"],
        summary: "Figures of a kota, kecamatan or kelurahan for a period (default: this month)",
        params: dashboardParams,
        querystring: periodQuery,
        response: { 200: dashboardResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request, "aggregates:read");
      return regionDashboard(db, actor, request.params.code, request.query, now?.() ?? new Date());
    },
  );
};
