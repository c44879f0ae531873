/**
 * Logging in from tests. `seedAccessFixture(db)` loads Jakarta Pusat's regions, its 52 workers
 * and the demo logins (admin, sudin, pimpinan, pelatih, tksk.<kecamatan>, psm.<kelurahan>) with
 * TEST_PASSWORD; `createTestUser` adds one more user without paying for an argon2 hash (one
 * precomputed hash is reused); `loginAs(app, username)` returns headers that carry the session
 * cookie and the CSRF token:
 *
 *   const admin = await loginAs(app, "admin");
 *   await app.inject({ method: "PATCH", url, headers: admin.headers, payload });
 */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Role } from "../src/core/access/permissions.ts";
import type { Database } from "../src/server/db/database.ts";
import { newId, nowIso } from "../src/server/db/ids.ts";
import { hashPassword } from "../src/server/features/auth/passwords.ts";
import { seedDemo } from "../src/server/features/demo/demo.service.ts";

/** The password of every user the helpers create. */
export const TEST_PASSWORD = "uji-peduli-sandi-2024";

let cachedHash: Promise<string> | undefined;
/** The argon2id hash of TEST_PASSWORD, computed once per test process. */
export function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

/** Regions, workers and demo logins, without households (registry tests add their own). */
export async function seedAccessFixture(db: Kysely<Database>): Promise<void> {
  await seedDemo(db, { households: 0, demoPassword: TEST_PASSWORD });
}

export interface TestUserInput {
  username: string;
  role: Role;
  regionCode?: string | null;
  workerId?: string | null;
  disabled?: boolean;
  displayName?: string;
}

/** Inserts a user with TEST_PASSWORD and returns its id. */
export async function createTestUser(db: Kysely<Database>, input: TestUserInput): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("users")
    .values({
      id,
      username: input.username,
      display_name: input.displayName ?? input.username,
      role: input.role,
      region_code: input.regionCode ?? null,
      worker_id: input.workerId ?? null,
      password_hash: await testPasswordHash(),
      disabled: input.disabled ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: now,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export interface LoggedIn {
  /** Send with every request: the session cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** Logs in through the API; fails the test when the login is refused. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<LoggedIn> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === "peduli_session");
  if (!set) throw new Error(`login as ${username} set no session cookie`);
  const cookie = `peduli_session=${set.value}`;
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return {
    headers: { cookie, "x-csrf-token": body.csrfToken },
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
  };
}
