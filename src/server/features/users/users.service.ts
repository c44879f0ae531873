/**
 * Managing users (admin): create, list, change role/region, disable, unlock, reset a password.
 * Every change is audited; disabling or resetting a password ends the user's sessions.
 */
import type { z } from "zod";
import { normalizeUsername } from "../../../core/access/login-name.ts";
import { ROLE_TABLE, type Role } from "../../../core/access/permissions.ts";
import type { updateUserBody, userListQuery } from "../../../core/api/auth.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { regionLevelOf } from "../../../core/region/region-code.ts";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { ALL_REGIONS } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { deleteUserSessions } from "../auth/auth.repository.ts";
import { assertPasswordAcceptable, generatePassword, hashPassword } from "../auth/passwords.ts";
import { findRegion } from "../regions/regions.repository.ts";
import { findWorker } from "../workers/workers.repository.ts";
import { presentUser } from "./users.presenter.ts";
import * as repo from "./users.repository.ts";
import type { UserRow } from "./users.table.ts";

const USER = { id: "Pengguna", en: "User" };
/** Who acts when the command line changes users (no login there). */
export const CLI_ACTOR = { userId: null, username: "cli", ip: null } as const;

type By = audit.AuditBy;

/** The user-facing fields of a row, as the audit trail records them (never the hash). */
function auditable(
  row: Pick<UserRow, "username" | "display_name" | "role" | "region_code" | "worker_id" | "disabled">,
) {
  return {
    username: row.username,
    display_name: row.display_name,
    role: row.role,
    region_code: row.region_code,
    worker_id: row.worker_id,
    disabled: row.disabled,
  };
}

/** Checks that a role gets the region level it needs (kecamatan for tksk, kelurahan for psm, none otherwise). */
async function checkAssignment(db: Db, role: Role, regionCode: string | null, workerId: string | null) {
  const level = ROLE_TABLE[role].regionLevel;
  const field = "body.regionCode";
  if (level === null && regionCode !== null) {
    throw new AppError("validation_failed", {}, [
      {
        field,
        code: "region_not_allowed",
        message: {
          id: `Peran ${role} tidak memakai wilayah; kosongkan regionCode.`,
          en: `Role ${role} has no region; leave regionCode empty.`,
        },
      },
    ]);
  }
  if (level !== null && (regionCode === null || regionLevelOf(regionCode) !== level)) {
    throw new AppError("validation_failed", {}, [
      {
        field,
        code: "region_level_required",
        message: {
          id: `Peran ${role} memerlukan kode ${level}.`,
          en: `Role ${role} needs a ${level} code.`,
        },
      },
    ]);
  }
  if (regionCode !== null && !(await findRegion(db, regionCode))) {
    throw new AppError("region_unknown", { code: regionCode });
  }
  if (workerId !== null) {
    if (!(await findWorker(db, workerId, ALL_REGIONS)))
      throw notFound({ id: `Petugas ${workerId}`, en: `Worker ${workerId}` });
  }
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  regionCode?: string | null;
  workerId?: string | null;
  password?: string;
}

/** Creates a user; returns the generated password when none was given (shown once). */
export async function createUser(db: Db, by: By, input: CreateUserInput) {
  const username = normalizeUsername(input.username);
  const regionCode = input.regionCode ?? null;
  const workerId = input.workerId ?? null;
  await checkAssignment(db, input.role, regionCode, workerId);
  if (input.password !== undefined) assertPasswordAcceptable(input.password, username);
  if (await repo.findUserByUsername(db, username)) throw new AppError("username_taken", { username });
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  const row = {
    id: newId(),
    username,
    display_name: input.displayName,
    role: input.role,
    region_code: regionCode,
    worker_id: workerId,
    password_hash: passwordHash,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    password_changed_at: now,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  };
  const created = await inTransaction(db, async (trx) => {
    await repo.insertUsers(trx, [row]);
    await audit.record(trx, {
      by,
      action: "create",
      table: "users",
      recordId: row.id,
      regionCode,
      after: auditable(row),
    });
    return repo.findUserById(trx, row.id);
  });
  return { user: presentUser(created!), password: input.password === undefined ? password : null };
}

export async function listUsers(db: Db, actor: Actor, query: z.infer<typeof userListQuery>) {
  assertPermission(actor, "users:manage");
  const { rows, total } = await repo.listUsers(db, {
    role: query.role,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const now = new Date();
  return { items: rows.map((r) => presentUser(r, now)), total };
}

async function loadUser(db: Db, id: string) {
  const user = await repo.findUserById(db, id);
  if (!user) throw notFound({ id: `${USER.id} ${id}`, en: `${USER.en} ${id}` });
  return user;
}

export async function getUser(db: Db, id: string) {
  return presentUser(await loadUser(db, id));
}

/** Finds a user by login name (for the command line). */
export async function getUserByUsername(db: Db, username: string) {
  const user = await repo.findUserByUsername(db, normalizeUsername(username));
  if (!user) throw notFound({ id: `${USER.id} ${username}`, en: `${USER.en} ${username}` });
  return user;
}

/** Changes role, region, worker link, name; disables/enables; unlocks. */
export async function updateUser(db: Db, by: By, id: string, input: z.infer<typeof updateUserBody>) {
  const user = await loadUser(db, id);
  const role = (input.role ?? user.role) as Role;
  let regionCode = input.regionCode !== undefined ? input.regionCode : user.region_code;
  if (input.regionCode === undefined && ROLE_TABLE[role].regionLevel === null) regionCode = null;
  const workerId = input.workerId !== undefined ? input.workerId : user.worker_id;
  const roleOrRegionChanged = input.role !== undefined || input.regionCode !== undefined;
  if (roleOrRegionChanged || input.workerId !== undefined)
    await checkAssignment(db, role, regionCode, workerId);
  const next = {
    display_name: input.displayName ?? user.display_name,
    role,
    region_code: regionCode,
    worker_id: workerId,
    disabled: input.disabled === undefined ? user.disabled : input.disabled ? 1 : 0,
    ...(input.unlock ? { failed_logins: 0, locked_until: null } : {}),
  };
  const diff = changedFields(user, next);
  if (diff) {
    await inTransaction(db, async (trx) => {
      await repo.updateUser(trx, id, { ...next, updated_at: nowIso() });
      await audit.record(trx, {
        by,
        action: "update",
        table: "users",
        recordId: id,
        regionCode: next.region_code,
        ...diff,
      });
      // A disabled user, or one whose rights changed, must log in again.
      if (next.disabled === 1 || roleOrRegionChanged) await deleteUserSessions(trx, id);
    });
  }
  return presentUser(await loadUser(db, id));
}

function changedFields(user: UserRow, next: Record<string, unknown>) {
  return audit.changedFields(user as unknown as Record<string, unknown>, next);
}

/** Sets a new password (given, or generated and returned once) and ends the user's sessions. */
export async function resetPassword(db: Db, by: By, id: string, given: string | undefined) {
  const user = await loadUser(db, id);
  if (given !== undefined) assertPasswordAcceptable(given, user.username);
  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  await inTransaction(db, async (trx) => {
    await repo.updateUser(trx, id, {
      password_hash: passwordHash,
      password_changed_at: now,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    });
    await deleteUserSessions(trx, id);
    await audit.record(trx, {
      by,
      action: "update",
      table: "users",
      recordId: id,
      regionCode: user.region_code,
      before: { password: "[redacted]" },
      after: { password: "[redacted]" },
    });
  });
  return { user: presentUser(await loadUser(db, id)), password: given === undefined ? password : null };
}
