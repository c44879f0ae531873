import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createUserBody,
  idParams,
  resetPasswordBody,
  updateUserBody,
  userListQuery,
  userListResponse,
  userSchema,
  userWithPasswordResponse,
} from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { createUser, listUsers, resetPassword, updateUser } from "./users.service.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
/** Staff names and assignments are personal data too; only administrators manage them. */
const access = { personalData: true, permission: "users:manage" } as const;

export const usersRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.get(
    "/api/v1/users",
    {
      config: access,
      schema: {
        tags: ["users"],
        summary: "Users, with their lock state",
        querystring: userListQuery,
        response: { 200: userListResponse, ...errors },
      },
    },
    async (request) => listUsers(db, requirePermission(request, "users:manage"), request.query),
  );

  app.post(
    "/api/v1/users",
    {
      config: access,
      schema: {
        tags: ["users"],
        summary: "Create a user (a password is generated and shown once when none is given)",
        body: createUserBody,
        response: { 201: userWithPasswordResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "users:manage");
      return reply.status(201).send(await createUser(db, actor, request.body));
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      config: access,
      schema: {
        tags: ["users"],
        summary: "Change role, region, worker link or name; disable, enable or unlock",
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) =>
      updateUser(db, requirePermission(request, "users:manage"), request.params.id, request.body),
  );

  app.post(
    "/api/v1/users/:id/reset-password",
    {
      config: access,
      schema: {
        tags: ["users"],
        summary: "Set a new password (generated and shown once when none is given); sessions end",
        params: idParams,
        body: resetPasswordBody,
        response: { 200: userWithPasswordResponse, ...errors },
      },
    },
    async (request) =>
      resetPassword(db, requirePermission(request, "users:manage"), request.params.id, request.body.password),
  );
};
