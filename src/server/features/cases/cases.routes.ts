import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  assignmentListResponse,
  caseChildParams,
  caseEventListResponse,
  caseEventResult,
  caseListQuery,
  caseListResponse,
  caseParams,
  caseSchema,
  categoryListResponse,
  createCaseBody,
  createCaseEventBody,
  createPlanItemBody,
  planItemSchema,
  planListResponse,
  updateCaseBody,
  updatePlanItemBody,
} from "../../../core/api/cases.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { caseCategories } from "./case-categories.ts";
import { CASE_READ, CASE_WRITE } from "./case-context.ts";
import { caseCtx, errors } from "./case-routes.shared.ts";
import { createCase, getCase, listAssignments, listCases, updateCase } from "./cases.service.ts";
import { addCaseEvent, listTimeline } from "./events.service.ts";
import { addPlanItem, listPlan, updatePlanItem } from "./plan.service.ts";

const read = { personalData: true, permission: CASE_READ } as const;
const write = { personalData: true, permission: CASE_WRITE } as const;

/** Cases, their timeline, plan and assignment history. */
export const casesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/v1/case-categories",
    {
      config: { permission: CASE_READ },
      schema: {
        tags: ["cases"],
        summary: "PPKS categories and area problems a case can have",
        response: { 200: categoryListResponse, ...errors },
      },
    },
    async () => ({ items: caseCategories(), total: caseCategories().length }),
  );

  app.get(
    "/api/v1/cases",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "Cases in my region, filtered",
        querystring: caseListQuery,
        response: { 200: caseListResponse, ...errors },
      },
    },
    async (request) => listCases(caseCtx(request, deps, CASE_READ), request.query),
  );

  app.post(
    "/api/v1/cases",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Open a case (idempotent on a client-made id)",
        body: createCaseBody,
        response: { 200: caseSchema, 201: caseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, item } = await createCase(caseCtx(request, deps, CASE_WRITE), request.body);
      return reply.code(created ? 201 : 200).send(item);
    },
  );

  app.get(
    "/api/v1/cases/:id",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "One case",
        params: caseParams,
        response: { 200: caseSchema, ...errors },
      },
    },
    async (request) => getCase(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.patch(
    "/api/v1/cases/:id",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Change fields, move the stage, or assign/transfer (each change is a timeline event)",
        params: caseParams,
        body: updateCaseBody,
        response: { 200: caseSchema, ...errors },
      },
    },
    async (request) => updateCase(caseCtx(request, deps, CASE_WRITE), request.params.id, request.body),
  );

  app.get(
    "/api/v1/cases/:id/events",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The case's timeline, oldest first",
        params: caseParams,
        response: { 200: caseEventListResponse, ...errors },
      },
    },
    async (request) => listTimeline(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/events",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Add a note, request/approve/reject closure, or reopen",
        params: caseParams,
        body: createCaseEventBody,
        response: { 201: caseEventResult, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addCaseEvent(caseCtx(request, deps, CASE_WRITE), request.params.id, request.body)),
  );

  app.get(
    "/api/v1/cases/:id/assignments",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "Who held the case when",
        params: caseParams,
        response: { 200: assignmentListResponse, ...errors },
      },
    },
    async (request) => listAssignments(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.get(
    "/api/v1/cases/:id/plan",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The case plan: goals and actions",
        params: caseParams,
        response: { 200: planListResponse, ...errors },
      },
    },
    async (request) => listPlan(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/plan",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Add a goal or action to the plan",
        params: caseParams,
        body: createPlanItemBody,
        response: { 200: planItemSchema, 201: planItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, item } = await addPlanItem(
        caseCtx(request, deps, CASE_WRITE),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(item);
    },
  );

  app.patch(
    "/api/v1/cases/:id/plan/:childId",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Change or tick off a plan item",
        params: caseChildParams,
        body: updatePlanItemBody,
        response: { 200: planItemSchema, ...errors },
      },
    },
    async (request) =>
      updatePlanItem(
        caseCtx(request, deps, CASE_WRITE),
        request.params.id,
        request.params.childId,
        request.body,
      ),
  );
};
