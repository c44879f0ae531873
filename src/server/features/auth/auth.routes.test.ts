import { beforeAll, expect, it } from "vitest";
import { createTestUser, loginAs, seedAccessFixture, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import {
  ACCOUNT_LOCK_THRESHOLD,
  ADDRESS_LOCK_THRESHOLD,
  accountLockMs,
  SESSION_IDLE_MS,
} from "./auth-policy.ts";

describeEachDialect("auth", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  it("logs in with a cookie that is httpOnly and SameSite=Lax, and /auth/me answers with permissions and scope", async () => {
    const app = await ctx.app();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "PSM.Kebon-Kelapa", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "peduli_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ username: "psm.kebon-kelapa", role: "psm", regionCode: "3171011005" });
    expect(body.user.workerId).toEqual(expect.any(String));
    expect(body.scope).toEqual({ kind: "region", regionCode: "3171011005" });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);

    const me = await app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: `peduli_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toContain("households:read");
    expect(me.json().csrfToken).toBe(body.csrfToken);
    // The cookie value is not stored: only its hash is.
    const stored = await ctx.db.selectFrom("sessions").select("id").execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie?.value);
  });

  it("refuses a wrong password and an unknown user alike, and answers 401 without a session", async () => {
    const app = await ctx.app();
    const wrong = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "sudin", password: "salah-sekali-123" },
    });
    const unknown = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "salah-sekali-123" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe("invalid_credentials");
    expect(unknown.json().detail).toBe(wrong.json().detail);
    const me = await app.inject({ method: "GET", url: "/api/v1/auth/me" });
    expect(me.statusCode).toBe(401);
    const bogus = await app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: "peduli_session=forged" },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it("requires the CSRF token on cookie-authenticated changes, and logout ends the session", async () => {
    const app = await ctx.app();
    const session = await loginAs(app, "sudin");
    const noToken = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("csrf_invalid");
    const badToken = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": "x".repeat(43) },
    });
    expect(badToken.json().code).toBe("csrf_invalid");
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: session.headers })).statusCode,
    ).toBe(200);

    const out = await app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it("ends a session after the idle time", async () => {
    const app = await ctx.app();
    const session = await loginAs(app, "pelatih");
    const old = new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString();
    await ctx.db
      .updateTable("sessions")
      .set({ last_seen_at: old })
      .where("user_id", "=", session.userId)
      .execute();
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: session.headers })).statusCode,
    ).toBe(401);
  });

  it("locks the account after ten wrong passwords in a row and refuses the right one during the lock", async () => {
    const app = await ctx.app();
    await createTestUser(ctx.db, { username: "korban.kunci", role: "sudin" });
    const attempt = (password: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "korban.kunci", password },
      });
    for (let i = 1; i <= ACCOUNT_LOCK_THRESHOLD; i++) {
      const res = await attempt(`tebakan-salah-${i}`);
      expect(res.statusCode).toBe(401);
    }
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe("account_locked");
    const row = await ctx.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", "korban.kunci")
      .executeTakeFirstOrThrow();
    expect(row.failed_logins).toBe(10);
    const lockedFor = Date.parse(row.locked_until ?? "") - Date.now();
    expect(lockedFor).toBeGreaterThan(accountLockMs(10) - 60_000);
    expect(right.json().detail).toContain(row.locked_until);
    // The end of the lock as data too, and how long to wait as the standard header.
    expect(right.json().retryAt).toBe(row.locked_until);
    const wait = Number(right.headers["retry-after"]);
    expect(Math.abs(wait - lockedFor / 1000)).toBeLessThan(60);

    // The lock shows in the admin's user list, and an admin can lift it.
    const admin = await loginAs(app, "admin");
    const list = await app.inject({ method: "GET", url: "/api/v1/users?q=korban", headers: admin.headers });
    expect(list.json().items[0]).toMatchObject({
      username: "korban.kunci",
      lockedUntil: row.locked_until,
      failedLogins: 10,
    });
    const unlock = await app.inject({
      method: "PATCH",
      url: `/api/v1/users/${row.id}`,
      headers: admin.headers,
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("grows the lock with every further failure", () => {
    expect(accountLockMs(9)).toBe(0);
    expect(accountLockMs(11)).toBe(2 * accountLockMs(10));
    expect(accountLockMs(40)).toBe(24 * 60 * 60 * 1000);
  });

  it("refuses a disabled account", async () => {
    const app = await ctx.app();
    await createTestUser(ctx.db, { username: "nonaktif", role: "sudin", disabled: true });
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nonaktif", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("account_disabled");
  });

  it("changes one's own password under the NIST rules", async () => {
    const app = await ctx.app();
    await createTestUser(ctx.db, { username: "ganti.sandi", role: "pelatih" });
    const s = await loginAs(app, "ganti.sandi");
    const change = (newPassword: string, currentPassword = TEST_PASSWORD) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/password",
        headers: s.headers,
        payload: { currentPassword, newPassword },
      });
    for (const [weak, code] of [
      ["pendek", "password_too_short"],
      ["bismillah", "password_common"],
      ["Indonesia", "password_common"],
      ["aku-ganti.sandi-lagi", "password_contains_username"],
    ] as const) {
      const res = await change(weak);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("password_too_weak");
      expect(res.json().errors.map((e: { code: string }) => e.code)).toContain(code);
    }
    expect((await change("kopi tubruk di pagi hari", "bukan-sandi-lama")).statusCode).toBe(401);
    expect((await change("kopi tubruk di pagi hari")).statusCode).toBe(204);
    await loginAs(app, "ganti.sandi", "kopi tubruk di pagi hari");
  });

  it("issues API tokens shown once, usable as Bearer without CSRF, scoped like the user, revocable", async () => {
    const app = await ctx.app();
    const s = await loginAs(app, "psm.kebon-kelapa");
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: s.headers,
      payload: { name: "integrasi" },
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^pdl_/);
    const bearer = { authorization: `Bearer ${secret}` };
    const workers = await app.inject({ method: "GET", url: "/api/v1/workers", headers: bearer });
    expect(workers.statusCode).toBe(200);
    expect(workers.json().items.every((w: { regionCode: string }) => w.regionCode === "3171011005")).toBe(
      true,
    );
    const id = workers.json().items[0].id;
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/v1/workers/${id}`,
      headers: bearer,
      payload: {},
    });
    expect(patch.statusCode).toBe(200);

    const list = await app.inject({ method: "GET", url: "/api/v1/tokens", headers: s.headers });
    expect(list.json().items[0]).toMatchObject({ id: token.id, name: "integrasi" });
    expect(list.json().items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(secret);

    const revoked = await app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${token.id}`,
      headers: s.headers,
    });
    expect(revoked.statusCode).toBe(200);
    const after = await app.inject({ method: "GET", url: "/api/v1/workers", headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("token_invalid");
  });

  it("keys idempotent retries per user", async () => {
    const app = await ctx.app();
    const a = await loginAs(app, "psm.kebon-kelapa");
    const b = await loginAs(app, "tksk.gambir");
    const list = await app.inject({
      method: "GET",
      url: "/api/v1/workers?region=3171011005",
      headers: b.headers,
    });
    const id = list.json().items[0].id;
    const send = (who: typeof a, name: string) =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/workers/${id}`,
        headers: { ...who.headers, "idempotency-key": "same-key-1" },
        payload: { name },
      });
    expect((await send(a, "Nama Satu")).statusCode).toBe(200);
    const other = await send(b, "Nama Dua");
    expect(other.statusCode).toBe(200);
    expect(other.headers["idempotent-replayed"]).toBeUndefined();
    expect(other.json().name).toBe("Nama Dua");
  });

  it("throttles an address that fails too often, saying until when (retryAt, Retry-After)", async () => {
    const app = await ctx.app();
    // Another address than the other tests', and a different unknown name each time, so that no
    // account lock is involved.
    const attempt = (n: number) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "10.20.30.40",
        payload: { username: `tidak.ada.${n}`, password: "tebakan salah sekali" },
      });
    for (let n = 1; n <= ADDRESS_LOCK_THRESHOLD; n++) expect((await attempt(n)).statusCode).toBe(401);
    const throttled = await attempt(0);
    expect(throttled.statusCode).toBe(429);
    const problem = throttled.json();
    expect(problem.code).toBe("too_many_attempts");
    expect(Date.parse(problem.retryAt)).toBeGreaterThan(Date.now());
    expect(problem.detail).toContain(problem.retryAt);
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "10.20.30.41",
      payload: { username: "tidak.ada", password: "tebakan salah sekali" },
    });
    expect(other.statusCode).toBe(401);
  });
});
