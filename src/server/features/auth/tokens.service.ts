/**
 * API tokens for integrations: a random 32-byte secret shown once, stored as its SHA-256 (a
 * random secret needs no slow hash), acting as its user with the user's role and scope, revocable,
 * with the time it was last used.
 */
import { randomBytes } from "node:crypto";
import { isRole } from "../../../core/access/permissions.ts";
import type { ApiTokenDto } from "../../../core/api/auth.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import * as users from "../users/users.repository.ts";
import { type Actor, buildActor } from "./actor.ts";
import * as repo from "./auth.repository.ts";
import { type RequestContext, sha256 } from "./auth.service.ts";
import type { ApiTokenRow } from "./auth.table.ts";
import { TOUCH_INTERVAL_MS } from "./auth-policy.ts";

export const TOKEN_PREFIX = "pdl_";

function present(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates a token for `userId`; the secret is returned here and never again. */
export async function createToken(db: Db, userId: string, name: string) {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row: ApiTokenRow = {
    id: newId(),
    user_id: userId,
    name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, 10),
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await repo.insertApiToken(db, row);
  return { token: present(row), secret };
}

export async function listTokens(db: Db, userId: string) {
  return { items: (await repo.listApiTokens(db, userId)).map(present) };
}

/** Revokes one of the actor's tokens (an admin may revoke anyone's). */
export async function revokeToken(db: Db, actor: Actor | { userId: null }, id: string) {
  const row = await repo.findApiToken(db, id);
  const mayRevoke =
    row &&
    (actor.userId === null ||
      row.user_id === actor.userId ||
      ("permissions" in actor && actor.permissions.has("users:manage")));
  if (!row || !mayRevoke) throw notFound({ id: `Token ${id}`, en: `Token ${id}` });
  await repo.revokeApiToken(db, id, nowIso());
  return present((await repo.findApiToken(db, id))!);
}

/** The actor of a bearer token; token_invalid when it is unknown, revoked, or its user is disabled. */
export async function resolveToken(
  db: Db,
  secret: string,
  context: RequestContext,
  now = new Date(),
): Promise<Actor> {
  const row = await repo.findApiTokenByHash(db, sha256(secret));
  if (!row || row.revoked_at !== null) throw new AppError("token_invalid");
  const user = await users.findUserById(db, row.user_id);
  if (!user || user.disabled === 1 || !isRole(user.role)) throw new AppError("token_invalid");
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await repo.markApiTokenUsed(db, row.id, now.toISOString());
  }
  return buildActor(
    { ...user, role: user.role },
    { via: "token", ip: context.ip, requestId: context.requestId },
  );
}
