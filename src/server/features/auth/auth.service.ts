/**
 * Logging in and out, resolving a session cookie or API token to an actor, and changing one's own
 * password. Failed-login counters are written outside any transaction, so that the refusal that
 * follows does not roll them back.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { normalizeUsername } from "../../../core/access/login-name.ts";
import { isRole, permissionsOf } from "../../../core/access/permissions.ts";
import type { SessionInfo } from "../../../core/api/auth.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { presentUser } from "../users/users.presenter.ts";
import * as users from "../users/users.repository.ts";
import { type Actor, buildActor, scopeFor } from "./actor.ts";
import * as repo from "./auth.repository.ts";
import type { SessionRow } from "./auth.table.ts";
import { accountLockMs, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, TOUCH_INTERVAL_MS } from "./auth-policy.ts";
import { assertPasswordAcceptable, decoyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import { assertAddressAllowed, recordAddressFailure } from "./throttle.service.ts";

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export interface RequestContext {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface LoginResult {
  /** The cookie value (only its hash is stored). */
  sessionToken: string;
  info: SessionInfo;
}

/** Checks a username and password and opens a session. */
export async function login(
  db: Db,
  input: { username: string; password: string },
  context: RequestContext,
  now = new Date(),
): Promise<LoginResult> {
  await assertAddressAllowed(db, context.ip, now);
  const user = await users.findUserByUsername(db, normalizeUsername(input.username));
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    await recordAddressFailure(db, context.ip, now);
    throw new AppError("invalid_credentials");
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError("account_locked", { until: user.locked_until });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = await users.incrementFailedLogins(db, user.id);
    const lockMs = accountLockMs(failures);
    if (lockMs > 0) {
      await users.updateUser(db, user.id, { locked_until: new Date(now.getTime() + lockMs).toISOString() });
    }
    await recordAddressFailure(db, context.ip, now);
    throw new AppError("invalid_credentials");
  }
  if (user.disabled === 1 || !isRole(user.role)) throw new AppError("account_disabled");

  const at = now.toISOString();
  await users.updateUser(db, user.id, { failed_logins: 0, locked_until: null, last_login_at: at });
  const sessionToken = randomBytes(32).toString("base64url");
  const session: SessionRow = {
    id: sha256(sessionToken),
    user_id: user.id,
    csrf_token: randomBytes(32).toString("base64url"),
    ip: context.ip,
    user_agent: context.userAgent?.slice(0, 300) ?? null,
    created_at: at,
    last_seen_at: at,
    expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  };
  await repo.insertSession(db, session);
  const fresh = { ...user, failed_logins: 0, locked_until: null, last_login_at: at };
  return { sessionToken, info: sessionInfo(fresh, session) };
}

/** What /auth/me and login return. */
export function sessionInfo(user: users.UserWithRegion, session: SessionRow | null): SessionInfo {
  const role = isRole(user.role) ? user.role : "pelatih";
  return {
    user: presentUser(user),
    permissions: permissionsOf(role),
    scope: scopeFor(role, user.region_code) as SessionInfo["scope"],
    csrfToken: session?.csrf_token ?? null,
    sessionExpiresAt: session?.expires_at ?? null,
  };
}

export interface ResolvedSession {
  actor: Actor;
  session: SessionRow;
  user: users.UserWithRegion;
}

/** The session of a cookie value, or null when it is unknown, idle too long, past its end, or its user is disabled. */
export async function resolveSession(
  db: Db,
  token: string,
  context: RequestContext,
  now = new Date(),
): Promise<ResolvedSession | null> {
  const session = await repo.findSession(db, sha256(token));
  if (!session) return null;
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  if (session.last_seen_at < idleSince || session.expires_at <= now.toISOString()) {
    await repo.deleteSession(db, session.id);
    return null;
  }
  const user = await users.findUserById(db, session.user_id);
  if (!user || user.disabled === 1 || !isRole(user.role)) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await repo.touchSession(db, session.id, now.toISOString());
  }
  const actor = buildActor(
    { ...user, role: user.role },
    { via: "session", ip: context.ip, requestId: context.requestId },
  );
  return { actor, session, user };
}

/** True when `given` is the session's CSRF token (compared in constant time). */
export function csrfMatches(session: SessionRow, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(session.csrf_token);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await repo.deleteSession(db, sessionId);
}

/** Changes the actor's own password; other sessions of the user end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | undefined,
): Promise<void> {
  const user = await users.findUserById(db, actor.userId);
  if (!user) throw new AppError("unauthenticated");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("invalid_credentials");
  }
  assertPasswordAcceptable(input.newPassword, user.username, "body.newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const at = new Date().toISOString();
  await users.updateUser(db, user.id, {
    password_hash: passwordHash,
    password_changed_at: at,
    updated_at: at,
  });
  await repo.deleteUserSessions(db, user.id, keepSessionId);
}
