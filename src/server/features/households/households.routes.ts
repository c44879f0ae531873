import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  createHouseholdBody,
  householdDetailSchema,
  householdListQuery,
  householdListResponse,
  updateHouseholdBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app.ts";
import { requirePermission } from "../auth/actor.ts";
import {
  createHousehold,
  deleteHousehold,
  getHousehold,
  listHouseholds,
  updateHousehold,
} from "./households.service.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** Households (keluarga) within the caller's region. */
export const householdsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/households",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["registry"],
        summary: "List households (KK masked); q is a whole KK number or address words",
        querystring: householdListQuery,
        response: { 200: householdListResponse, ...errors },
      },
    },
    async (request) => listHouseholds(db, requirePermission(request, "households:read"), request.query),
  );

  app.post(
    "/api/v1/households",
    {
      config: { personalData: true, permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Register a household (client id: a repeated create is idempotent)",
        body: createHouseholdBody,
        response: { 200: householdDetailSchema, 201: householdDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, household } = await createHousehold(
        db,
        requirePermission(request, "households:write"),
        request.body,
      );
      return reply.code(created ? 201 : 200).send(household);
    },
  );

  app.get(
    "/api/v1/households/:id",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["registry"],
        summary: "One household with members, PPKS and history (the view is audited)",
        params: idParams,
        response: { 200: householdDetailSchema, ...errors },
      },
    },
    async (request) => getHousehold(db, requirePermission(request, "households:read"), request.params.id),
  );

  app.patch(
    "/api/v1/households/:id",
    {
      config: { personalData: true, permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Change a household; a new address is recorded as a move",
        params: idParams,
        body: updateHouseholdBody,
        response: { 200: householdDetailSchema, ...errors },
      },
    },
    async (request) =>
      updateHousehold(db, requirePermission(request, "households:write"), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/households/:id",
    {
      config: { personalData: true, permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Delete an empty household registered by mistake (audited)",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteHousehold(db, requirePermission(request, "households:write"), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
