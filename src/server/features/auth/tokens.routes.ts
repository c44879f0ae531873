import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  apiTokenSchema,
  createdTokenResponse,
  createTokenBody,
  idParams,
  tokenListResponse,
} from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "./actor.ts";
import { createToken, listTokens, revokeToken } from "./tokens.service.ts";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The logged-in user's own API tokens. */
export const tokensRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/tokens",
    {
      config: { permission: "tokens:own" },
      schema: { tags: ["auth"], summary: "My API tokens", response: { 200: tokenListResponse, ...errors } },
    },
    async (request) => listTokens(db, requirePermission(request, "tokens:own").userId),
  );

  app.post(
    "/api/v1/tokens",
    {
      config: { permission: "tokens:own" },
      schema: {
        tags: ["auth"],
        summary: "Create an API token (the secret is shown once)",
        body: createTokenBody,
        response: { 201: createdTokenResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "tokens:own");
      return reply.status(201).send(await createToken(db, actor.userId, request.body.name));
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      config: { permission: "tokens:own" },
      schema: {
        tags: ["auth"],
        summary: "Revoke an API token",
        params: idParams,
        response: { 200: apiTokenSchema, ...errors },
      },
    },
    async (request) => revokeToken(db, requirePermission(request, "tokens:own"), request.params.id),
  );
};
