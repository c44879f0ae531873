import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  alertListResponse,
  checkTargetsResponse,
  cohortComparisonQuery,
  cohortComparisonResponse,
  cohortListResponse,
  kinerjaListQuery,
  kinerjaListResponse,
  kinerjaQuery,
  kinerjaResponse,
  targetBody,
  targetListQuery,
  targetListResponse,
  targetSchema,
} from "../../../core/api/kinerja.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { resolvePeriod } from "../dashboards/dashboards.service.ts";
import { cohortComparison, listCohorts } from "./cohort-comparison.service.ts";
import {
  checkTargets,
  getWorkerKinerja,
  listAlerts,
  listKinerja,
  listTargets,
  setTarget,
} from "./kinerja.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Worker indicators, the team list, targets and the training before/after comparison. */
export const kinerjaRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, now }) => {
  const clock = () => now?.() ?? new Date();

  app.get(
    "/api/v1/workers/:id/kinerja",
    {
      config: { personalData: true, permission: "kinerja:read" },
      schema: {
        tags: ["kinerja"],
        summary: "A worker's indicators for a period (default: this month) and progress against targets",
        params: idParams,
        querystring: kinerjaQuery,
        response: { 200: kinerjaResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request, "kinerja:read");
      const at = clock();
      return getWorkerKinerja(db, actor, request.params.id, resolvePeriod(request.query, at), at);
    },
  );

  app.get(
    "/api/v1/kinerja/workers",
    {
      config: { personalData: true, permission: "kinerja:read" },
      schema: {
        tags: ["kinerja"],
        summary: "Indicators of every worker the caller may see (a TKSK: the PSM of their kecamatan)",
        querystring: kinerjaListQuery,
        response: { 200: kinerjaListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request, "kinerja:read");
      const at = clock();
      return listKinerja(db, actor, resolvePeriod(request.query, at), at);
    },
  );

  app.get(
    "/api/v1/kinerja/targets",
    {
      config: { permission: "kinerja:read" },
      schema: {
        tags: ["kinerja"],
        summary: "Targets per role and month",
        querystring: targetListQuery,
        response: { 200: targetListResponse, ...errors },
      },
    },
    async (request) => listTargets(db, requirePermission(request, "kinerja:read"), request.query.month),
  );

  app.put(
    "/api/v1/kinerja/targets",
    {
      config: { permission: "kinerja:targets" },
      schema: {
        tags: ["kinerja"],
        summary: "Sets the monthly target of a role for one indicator (Suku Dinas)",
        body: targetBody,
        response: { 200: targetSchema, ...errors },
      },
    },
    async (request) => setTarget(db, requirePermission(request, "kinerja:targets"), request.body, clock()),
  );

  app.get(
    "/api/v1/kinerja/training-cohorts",
    {
      config: { permission: "aggregates:read" },
      schema: {
        tags: ["kinerja"],
        summary: "Training cohorts that can be compared (names and dates only)",
        response: { 200: cohortListResponse, ...errors },
      },
    },
    async (request) => listCohorts(db, requirePermission(request, "aggregates:read")),
  );

  app.get(
    "/api/v1/kinerja/training-cohorts/:id/comparison",
    {
      config: { permission: "aggregates:read" },
      schema: {
        tags: ["kinerja"],
        summary:
          "Participants' indicators N months before and after a cohort, beside workers who did not attend",
        params: idParams,
        querystring: cohortComparisonQuery,
        response: { 200: cohortComparisonResponse, ...errors },
      },
    },
    async (request) =>
      cohortComparison(
        db,
        requirePermission(request, "aggregates:read"),
        request.params.id,
        request.query.months,
        clock(),
      ),
  );

  app.post(
    "/api/v1/kinerja/alerts/check",
    {
      config: { permission: "kinerja:targets" },
      schema: {
        tags: ["kinerja"],
        summary: "Checks every worker against the month's targets and raises alerts for their supervisors",
        querystring: targetListQuery,
        response: { 200: checkTargetsResponse, ...errors },
      },
    },
    async (request) => {
      const at = clock();
      const month = request.query.month ?? new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
      return checkTargets(db, requirePermission(request, "kinerja:targets"), month, at);
    },
  );

  app.get(
    "/api/v1/kinerja/alerts",
    {
      config: { permission: "kinerja:read" },
      schema: {
        tags: ["kinerja"],
        summary: "Open alerts of workers far behind a target (a TKSK: their PSM; the Suku Dinas: all)",
        response: { 200: alertListResponse, ...errors },
      },
    },
    async (request) => listAlerts(db, requirePermission(request, "kinerja:read")),
  );
};
