/** What the case-work route files share: the request's case context and the error responses. */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Permission } from "../../../core/access/permissions.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import type { CaseCtx } from "./case-context.ts";

export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** The context a case service receives: the database, the actor holding `permission`, and now. */
export function caseCtx(request: FastifyRequest, deps: AppDeps, permission: Permission): CaseCtx {
  return { db: deps.db, actor: requirePermission(request, permission), now: deps.now?.() ?? new Date() };
}

/** A binary (file) response; Fastify sends buffers as they are, without serialising. */
export function fileResponse(description: string) {
  return z.any().meta({ description });
}
