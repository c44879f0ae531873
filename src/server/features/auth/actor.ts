/**
 * Who is acting on a request, and the checks every route and service uses: requireActor (401),
 * requirePermission (401/403) and the actor's RegionScope, which repositories apply to every
 * query over personal data. An actor's scope comes from its role and region in one place:
 * scopeFor().
 */
import type { FastifyRequest } from "fastify";
import { type Permission, permissionsOf, ROLE_TABLE, type Role } from "../../../core/access/permissions.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { ALL_REGIONS, NO_REGIONS, type RegionScope, regionScope } from "../../db/scope.ts";

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  regionCode: string | null;
  scope: RegionScope;
  permissions: ReadonlySet<Permission>;
  /** How the request authenticated. */
  via: "session" | "token";
  /** Client address, for the audit trail. */
  ip: string;
  requestId: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook when the request carries a valid session cookie or API token. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /**
     * The route reads or changes personal data: it requires a login (401 without), is tagged
     * `personal-data` in the OpenAPI document, and is walked by the access tests for every role.
     */
    personalData?: boolean;
    /** The permission the route requires (403 without); listed as the security scope in OpenAPI. */
    permission?: Permission;
  }
}

/** The records a user may see: all (admin, sudin, pimpinan), their region (tksk, psm), or none (pelatih). */
export function scopeFor(role: Role, regionCode: string | null): RegionScope {
  const rule = ROLE_TABLE[role].scope;
  if (rule === "all") return ALL_REGIONS;
  if (rule === "assigned-region" && regionCode) return regionScope(regionCode);
  return NO_REGIONS;
}

export function buildActor(
  user: { id: string; username: string; role: Role; region_code: string | null },
  context: { via: "session" | "token"; ip: string; requestId: string },
): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    regionCode: user.region_code,
    scope: scopeFor(user.role, user.region_code),
    permissions: new Set(permissionsOf(user.role)),
    ...context,
  };
}

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

/** The logged-in actor holding `permission`, or 401 (no login) / 403 (not allowed). */
export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  assertPermission(actor, permission);
  return actor;
}

/** For services: 403 unless the actor holds `permission`. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw new AppError("forbidden");
}
