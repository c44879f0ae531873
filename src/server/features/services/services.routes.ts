import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceListQuery, serviceListResponse } from "../../../core/api/cases.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { listOrganisations, shippedServices } from "./services.catalogue.ts";

/** The referral catalogue: programmes, services and the PSKS organisations in the caller's region. */
export const servicesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/services",
    {
      config: { permission: "persons:read" },
      schema: {
        tags: ["cases"],
        summary: "Programmes, services and PSKS organisations a case can be referred to",
        querystring: serviceListQuery,
        response: { 200: serviceListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = requirePermission(request, "persons:read");
      const items = [
        ...shippedServices(),
        ...(await listOrganisations(db, actor.scope, request.query.region)),
      ];
      return { items, total: items.length };
    },
  );
};
