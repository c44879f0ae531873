import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changePasswordBody, loginBody, sessionInfoSchema } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app-deps.ts";
import { findUserById } from "../users/users.repository.ts";
import { requireActor } from "./actor.ts";
import { requestContext, sessionCookieOptions } from "./auth.plugin.ts";
import { findSession } from "./auth.repository.ts";
import { changeOwnPassword, login, logout, sessionInfo } from "./auth.service.ts";
import { SESSION_COOKIE } from "./auth-policy.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  423: problemSchema,
  429: problemSchema,
};

/** Login, logout, the current user, and changing one's own password. */
export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  app.post(
    "/api/v1/auth/login",
    {
      config: { csrfExempt: true },
      schema: {
        tags: ["auth"],
        summary: "Log in: sets the session cookie and returns the user and the CSRF token",
        body: loginBody,
        response: { 200: sessionInfoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await login(db, request.body, requestContext(request));
      reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookieOptions(config, request));
      return result.info;
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Log out: ends the session",
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.sessionId) await logout(db, request.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The logged-in user, permissions, scope and CSRF token",
        response: { 200: sessionInfoSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(db, actor.userId);
      if (!user) throw new AppError("unauthenticated");
      const session = request.sessionId ? await findSession(db, request.sessionId) : undefined;
      return sessionInfo(user, session ?? null);
    },
  );

  app.post(
    "/api/v1/auth/password",
    {
      schema: {
        tags: ["auth"],
        summary: "Change one's own password (other sessions end)",
        body: changePasswordBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, requireActor(request), request.body, request.sessionId);
      return reply.status(204).send(null);
    },
  );
};
