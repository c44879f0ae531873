import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  dismissDuplicateBody,
  duplicateListQuery,
  duplicateListResponse,
  duplicateSchema,
  mergeDuplicateBody,
  reportDuplicateBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import {
  assertCandidateVisible,
  dismissDuplicate,
  listDuplicates,
  mergeDuplicate,
  reportDuplicate,
} from "./duplicates.service.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** The review queue of probable duplicate persons. */
export const duplicatesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/duplicates",
    {
      config: { personalData: true, permission: "persons:read" },
      schema: {
        tags: ["registry"],
        summary: "Probable duplicates in my region waiting for review",
        querystring: duplicateListQuery,
        response: { 200: duplicateListResponse, ...errors },
      },
    },
    async (request) => listDuplicates(db, requirePermission(request, "persons:read"), request.query),
  );

  app.post(
    "/api/v1/duplicates",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Report two records as probably the same person",
        body: reportDuplicateBody,
        response: { 201: duplicateSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reportDuplicate(db, requirePermission(request, "persons:write"), request.body)),
  );

  app.post(
    "/api/v1/duplicates/:id/merge",
    {
      config: { personalData: true, permission: "persons:write" },
      // A candidate outside the caller's region does not exist for them, whatever the body says.
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        await assertCandidateVisible(db, requirePermission(request, "persons:write"), id);
      },
      schema: {
        tags: ["registry"],
        summary: "Merge the pair into keepPersonId; both records and histories are kept (audited)",
        params: idParams,
        body: mergeDuplicateBody,
        response: { 200: duplicateSchema, ...errors },
      },
    },
    async (request) =>
      mergeDuplicate(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );

  app.post(
    "/api/v1/duplicates/:id/dismiss",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Dismiss a probable duplicate: different people (audited)",
        params: idParams,
        body: dismissDuplicateBody,
        response: { 200: duplicateSchema, ...errors },
      },
    },
    async (request) =>
      dismissDuplicate(db, requirePermission(request, "persons:write"), request.params.id, request.body.note),
  );
};
