import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture, TEST_PASSWORD } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

describeEachDialect("users (admin)", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  it("seeds one demo login per role and per TKSK and PSM, linked to their workers", async () => {
    const rows = await ctx.db.selectFrom("users").select(["username", "role", "worker_id"]).execute();
    expect(rows).toHaveLength(56);
    const names = rows.map((r) => r.username);
    expect(names).toEqual(
      expect.arrayContaining([
        "admin",
        "sudin",
        "pimpinan",
        "pelatih",
        "tksk.gambir",
        "tksk.cempaka-putih",
        "psm.kebon-kelapa",
      ]),
    );
    expect(rows.filter((r) => r.role === "psm" && r.worker_id !== null)).toHaveLength(44);
    expect(rows.filter((r) => r.role === "tksk" && r.worker_id !== null)).toHaveLength(8);
  });

  it("creates a user with a generated password shown once, checks role and region, and audits it", async () => {
    const app = await ctx.app();
    const admin = await loginAs(app, "admin");
    const create = (payload: object) =>
      app.inject({ method: "POST", url: "/api/v1/users", headers: admin.headers, payload });
    const res = await create({
      username: "psm.baru",
      displayName: "Siti Baru",
      role: "psm",
      regionCode: "31.71.01.1005",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({
      username: "psm.baru",
      regionCode: "3171011005",
      regionName: "Kebon Kelapa",
    });
    const password = res.json().password;
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await loginAs(app, "psm.baru", password);

    expect(
      (await create({ username: "psm.baru", displayName: "x", role: "psm", regionCode: "3171011005" })).json()
        .code,
    ).toBe("username_taken");
    const wrongLevel = await create({
      username: "psm.lain",
      displayName: "x",
      role: "psm",
      regionCode: "317101",
    });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().errors[0].field).toBe("body.regionCode");
    const weak = await create({
      username: "sudin.dua",
      displayName: "x",
      role: "sudin",
      password: "password",
    });
    expect(weak.json().code).toBe("password_too_weak");

    const entry = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("record_id", "=", res.json().user.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: "create", table_name: "users", username: "admin" });
    expect(entry.after_json).not.toContain("password_hash");
  });

  it("disables a user (sessions end), resets a password, and is admin-only", async () => {
    const app = await ctx.app();
    const admin = await loginAs(app, "admin");
    const target = await loginAs(app, "psm.gambir");
    const disable = await app.inject({
      method: "PATCH",
      url: `/api/v1/users/${target.userId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(disable.json().disabled).toBe(true);
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/auth/me", headers: target.headers })).statusCode,
    ).toBe(401);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/users/${target.userId}`,
      headers: admin.headers,
      payload: { disabled: false },
    });

    const reset = await app.inject({
      method: "POST",
      url: `/api/v1/users/${target.userId}/reset-password`,
      headers: admin.headers,
      payload: {},
    });
    expect(reset.statusCode).toBe(200);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "psm.gambir", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
    await loginAs(app, "psm.gambir", reset.json().password);

    const sudin = await loginAs(app, "sudin");
    expect(
      (await app.inject({ method: "GET", url: "/api/v1/users", headers: sudin.headers })).statusCode,
    ).toBe(403);
  });
});
