import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  createPsksBody,
  ppksCategoryListResponse,
  psksKindListResponse,
  psksListQuery,
  psksListResponse,
  psksSchema,
  updatePsksBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requireActor, requirePermission } from "../auth/actor.ts";
import {
  createPsks,
  deletePsks,
  getPsks,
  listPpksCategories,
  listPsks,
  listPsksKinds,
  updatePsks,
} from "./psks.service.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** The PPKS catalogue (reference data, any logged-in user) and PSKS organisations per region. */
export const psksRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/ppks-categories",
    {
      schema: {
        tags: ["registry"],
        summary: "The 26 PPKS categories (Permensos 08/2012), from data/ppks.csv",
        response: { 200: ppksCategoryListResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return listPpksCategories(db);
    },
  );

  app.get(
    "/api/v1/psks-kinds",
    {
      schema: {
        tags: ["registry"],
        summary: "The PSKS kinds (LKS, Karang Taruna, TKSK, PSM, …), from data/psks.csv",
        response: { 200: psksKindListResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return listPsksKinds(db);
    },
  );

  app.get(
    "/api/v1/psks",
    {
      config: { permission: "households:read" },
      schema: {
        tags: ["registry"],
        summary: "PSKS organisations in my region",
        querystring: psksListQuery,
        response: { 200: psksListResponse, ...errors },
      },
    },
    async (request) => listPsks(db, requirePermission(request, "households:read"), request.query),
  );

  app.post(
    "/api/v1/psks",
    {
      config: { permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Register a PSKS organisation in a region (client id: idempotent)",
        body: createPsksBody,
        response: { 200: psksSchema, 201: psksSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, psks } = await createPsks(
        db,
        requirePermission(request, "households:write"),
        request.body,
      );
      return reply.code(created ? 201 : 200).send(psks);
    },
  );

  app.get(
    "/api/v1/psks/:id",
    {
      config: { permission: "households:read" },
      schema: {
        tags: ["registry"],
        summary: "One PSKS organisation in my region",
        params: idParams,
        response: { 200: psksSchema, ...errors },
      },
    },
    async (request) => getPsks(db, requirePermission(request, "households:read"), request.params.id),
  );

  app.patch(
    "/api/v1/psks/:id",
    {
      config: { permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Change a PSKS organisation (only the fields sent; audited)",
        params: idParams,
        body: updatePsksBody,
        response: { 200: psksSchema, ...errors },
      },
    },
    async (request) =>
      updatePsks(db, requirePermission(request, "households:write"), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/psks/:id",
    {
      config: { permission: "households:write" },
      schema: {
        tags: ["registry"],
        summary: "Delete a PSKS organisation (tombstone and audit; refused while case referrals name it)",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deletePsks(db, requirePermission(request, "households:write"), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
