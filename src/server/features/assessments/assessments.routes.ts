import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  analysisQuery,
  analysisResponse,
  assessmentListResponse,
  assessmentSchema,
  createAssessmentBody,
  createIndicatorSetBody,
  indicatorSetListResponse,
  indicatorSetSchema,
  poorHouseholdListResponse,
  poorHouseholdsQuery,
} from "../../../core/api/assessments.schema.ts";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requireActor, requirePermission } from "../auth/actor.ts";
import { analyse, listPoorHouseholds } from "./analysis.service.ts";
import { presentIndicatorSet } from "./assessments.presenter.ts";
import { createAssessment, listAssessments } from "./assessments.service.ts";
import { createIndicatorSet, getIndicatorSet, listIndicatorSets } from "./indicator-sets.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Indicator sets, household assessments and the poverty analysis. */
export const assessmentsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/indicator-sets",
    {
      schema: {
        tags: ["poverty"],
        summary: "Indicator sets, every version (the default IKM Peduli set is created on first use)",
        response: { 200: indicatorSetListResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const rows = await listIndicatorSets(db);
      return {
        items: rows.map((r) => presentIndicatorSet(r, JSON.parse(r.definition_json), r.assessment_count)),
      };
    },
  );

  app.get(
    "/api/v1/indicator-sets/:id",
    {
      schema: {
        tags: ["poverty"],
        summary: "One indicator set version with its definition",
        params: idParams,
        response: { 200: indicatorSetSchema, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const set = await getIndicatorSet(db, request.params.id);
      return {
        ...presentIndicatorSet(set.row, set.definition, set.assessments),
        definition: { ...set.definition },
      };
    },
  );

  app.post(
    "/api/v1/indicator-sets",
    {
      config: { permission: "system:settings" },
      schema: {
        tags: ["poverty"],
        summary: "Define a set, or the next version of an existing code (versions are never edited)",
        body: createIndicatorSetBody,
        response: { 201: indicatorSetSchema, ...errors },
      },
    },
    async (request, reply) => {
      const set = await createIndicatorSet(db, requirePermission(request, "system:settings"), request.body);
      return reply
        .code(201)
        .send({ ...presentIndicatorSet(set.row, set.definition, 0), definition: { ...set.definition } });
    },
  );

  app.get(
    "/api/v1/households/:id/assessments",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["poverty"],
        summary: "A household's assessments, newest first",
        params: idParams,
        response: { 200: assessmentListResponse, ...errors },
      },
    },
    async (request) => listAssessments(db, requirePermission(request, "households:read"), request.params.id),
  );

  app.post(
    "/api/v1/households/:id/assessments",
    {
      config: { personalData: true, permission: "households:write" },
      schema: {
        tags: ["poverty"],
        summary: "Assess a household: answers on a date, scored at once (a new visit is a new assessment)",
        params: idParams,
        body: createAssessmentBody,
        response: { 201: assessmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "households:write");
      return reply.code(201).send(await createAssessment(db, actor, request.params.id, request.body));
    },
  );

  app.get(
    "/api/v1/poverty/analysis",
    {
      config: { permission: "aggregates:read" },
      schema: {
        tags: ["poverty"],
        summary: "H, A, M0 per person and household, contributions, child regions, change and k-sensitivity",
        querystring: analysisQuery,
        response: { 200: analysisResponse, ...errors },
      },
    },
    async (request) => analyse(db, requirePermission(request, "aggregates:read"), request.query),
  );

  app.get(
    "/api/v1/poverty/poor-households",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["poverty"],
        summary: "Poor households of a region and period (latest assessment), highest score first",
        querystring: poorHouseholdsQuery,
        response: { 200: poorHouseholdListResponse, ...errors },
      },
    },
    async (request) => listPoorHouseholds(db, requirePermission(request, "households:read"), request.query),
  );
};
