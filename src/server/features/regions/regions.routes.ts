import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  regionDetailResponse,
  regionListQuery,
  regionListResponse,
  regionParams,
  regionQuery,
} from "../../../core/api/regions.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { getRegion, listRegions } from "./regions.service.ts";

/** Regions are public reference data (official names and codes), readable without personal data. */
export const regionsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/regions",
    {
      schema: {
        tags: ["regions"],
        summary: "Region tree, or the children of one region",
        querystring: regionListQuery,
        response: { 200: regionListResponse, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => ({ items: await listRegions(db, request.query.parent, request.query.depth) }),
  );

  app.get(
    "/api/v1/regions/:code",
    {
      schema: {
        tags: ["regions"],
        summary: "One region with its children and ancestors",
        params: regionParams,
        querystring: regionQuery,
        response: { 200: regionDetailResponse, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getRegion(db, request.params.code, request.query.depth),
  );
};
