/**
 * The one authentication hook. On every request it resolves `request.actor` from an
 * `Authorization: Bearer` API token or the session cookie, sets `request.principalId` (so
 * idempotency keys are per user), requires the CSRF token on cookie-authenticated changes, and
 * enforces the route's declared access: `config.personalData` (401 without a login) and
 * `config.permission` (403 without it). It runs in onRequest, before the idempotency preHandler.
 *
 * Routes flagged `personalData` are tagged `personal-data` in the OpenAPI document with their
 * permission as the security scope, which the access tests read to walk every such route.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { roleHas } from "../../../core/access/permissions.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { csrfMatches, type RequestContext, resolveSession } from "./auth.service.ts";
import { CSRF_HEADER, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from "./auth-policy.ts";
import { resolveToken } from "./tokens.service.ts";

/** The OpenAPI tag of routes that read or change personal data. */
export const PERSONAL_DATA_TAG = "personal-data";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

declare module "fastify" {
  interface FastifyRequest {
    /** The id of the session row, when the request authenticated by cookie. */
    sessionId?: string;
  }
  interface FastifyContextConfig {
    /** The login route: it is not cookie-authenticated, so it needs no CSRF token. */
    csrfExempt?: boolean;
    /** Routes with a credential of their own (GET /metrics): no user session or API token is read. */
    ownCredential?: boolean;
  }
}

export function requestContext(request: FastifyRequest): RequestContext {
  const agent = request.headers["user-agent"];
  return {
    ip: request.ip,
    userAgent: typeof agent === "string" ? agent : null,
    requestId: String(request.id),
  };
}

/** Session cookie options: httpOnly, SameSite=Lax, Secure when served over HTTPS behind a proxy. */
export function sessionCookieOptions(config: Config, request: FastifyRequest) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.trustProxy && request.protocol === "https",
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  };
}

export function installAuth(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  const { db } = deps;

  app.addHook("onRoute", (route) => {
    const config = route.config as { personalData?: boolean; permission?: string } | undefined;
    if (!config?.personalData && !config?.permission) return;
    route.schema ??= {};
    const schema = route.schema as { tags?: string[]; security?: unknown };
    if (config.personalData) schema.tags = [...(schema.tags ?? []), PERSONAL_DATA_TAG];
    const scopes = config.permission ? [config.permission] : [];
    schema.security = [{ session: scopes }, { bearer: scopes }];
  });

  app.addHook("onRequest", async (request) => {
    request.principalId = "anonymous";
    if (request.routeOptions.config.ownCredential) return;
    const context = requestContext(request);
    const authorization = request.headers.authorization;
    if (authorization?.toLowerCase().startsWith("bearer ")) {
      request.actor = await resolveToken(db, authorization.slice(7).trim(), context);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const resolved = cookie ? await resolveSession(db, cookie, context) : null;
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionId = resolved.session.id;
        const config = request.routeOptions.config;
        if (MUTATING.has(request.method) && !config.csrfExempt) {
          const given = request.headers[CSRF_HEADER];
          if (!csrfMatches(resolved.session, Array.isArray(given) ? given[0] : given)) {
            throw new AppError("csrf_invalid");
          }
        }
      }
    }
    if (request.actor) request.principalId = request.actor.userId;

    const { personalData, permission } = request.routeOptions.config;
    if ((personalData || permission) && !request.actor) throw new AppError("unauthenticated");
    if (permission && request.actor && !roleHas(request.actor.role, permission))
      throw new AppError("forbidden");
  });
}
