import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  updateWorkerBody,
  workerListQuery,
  workerListResponse,
  workerSchema,
} from "../../../core/api/workers.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { getWorker, listWorkers, updateWorker } from "./workers.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The TKSK/PSM registry, limited to the caller's region. */
export const workersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/workers",
    {
      config: { personalData: true, permission: "workers:read" },
      schema: {
        tags: ["workers"],
        summary: "TKSK and PSM in my region (phones masked)",
        querystring: workerListQuery,
        response: { 200: workerListResponse, ...errors },
      },
    },
    async (request) => listWorkers(db, requirePermission(request, "workers:read"), request.query),
  );

  app.get(
    "/api/v1/workers/:id",
    {
      config: { personalData: true, permission: "workers:read" },
      schema: {
        tags: ["workers"],
        summary: "One worker with the whole phone number (the view is audited)",
        params: idParams,
        response: { 200: workerSchema, ...errors },
      },
    },
    async (request) => getWorker(db, requirePermission(request, "workers:read"), request.params.id),
  );

  app.patch(
    "/api/v1/workers/:id",
    {
      config: { personalData: true, permission: "workers:write" },
      schema: {
        tags: ["workers"],
        summary: "Change a worker's name, phone or active state (audited)",
        params: idParams,
        body: updateWorkerBody,
        response: { 200: workerSchema, ...errors },
      },
    },
    async (request) =>
      updateWorker(db, requirePermission(request, "workers:write"), request.params.id, request.body),
  );
};
