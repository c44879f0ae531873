import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { loginAs, seedAccessFixture } from "../../../../test/auth-helpers.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import * as audit from "./audit.service.ts";

describeEachDialect("audit trail", (ctx) => {
  beforeAll(async () => {
    await seedAccessFixture(ctx.db);
  });

  it("records entries inside the caller's transaction, and a rolled-back change leaves none", async () => {
    const by = { userId: null, username: "uji", ip: "127.0.0.1" };
    await audit.record(ctx.db, {
      by,
      action: "create",
      table: "contoh",
      recordId: "r1",
      regionCode: "3171011005",
      after: { a: 1 },
    });
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await audit.record(trx, { by, action: "create", table: "contoh", recordId: "r2", regionCode: null });
        throw new Error("rollback");
      })
      .catch(() => {});
    const rows = await ctx.db
      .selectFrom("audit_log")
      .select("record_id")
      .where("table_name", "=", "contoh")
      .execute();
    expect(rows.map((r) => r.record_id)).toEqual(["r1"]);
  });

  it("refuses UPDATE and DELETE on the audit table in the database itself", async () => {
    await expect(sql`UPDATE audit_log SET username = 'palsu'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    const count = await ctx.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });

  it("has no route that changes or deletes entries", async () => {
    const app = await ctx.app();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const auditPaths = Object.entries(doc.paths as Record<string, Record<string, unknown>>).filter(([p]) =>
      p.startsWith("/api/v1/audit"),
    );
    expect(auditPaths.length).toBe(3);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(["get"]);
    const admin = await loginAs(app, "admin");
    for (const method of ["DELETE", "PATCH", "PUT"] as const) {
      const res = await app.inject({ method, url: "/api/v1/audit", headers: admin.headers, payload: {} });
      expect(res.statusCode).toBe(404);
    }
  });

  it("lists entries for sudin and admin with filters and pagination, and refuses other roles", async () => {
    const app = await ctx.app();
    const psm = await loginAs(app, "psm.kebon-kelapa");
    const workers = await app.inject({ method: "GET", url: "/api/v1/workers", headers: psm.headers });
    const id = workers.json().items[0].id;
    await app.inject({ method: "GET", url: `/api/v1/workers/${id}`, headers: psm.headers });
    await app.inject({ method: "GET", url: `/api/v1/workers/${id}`, headers: psm.headers });

    const sudin = await loginAs(app, "sudin");
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/audit?username=psm.kebon-kelapa&action=view&pageSize=1`,
      headers: sudin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      username: "psm.kebon-kelapa",
      action: "view",
      table: "workers",
      recordId: id,
    });
    const today = new Date().toISOString().slice(0, 10);
    const future = await app.inject({
      method: "GET",
      url: `/api/v1/audit?from=2999-01-01`,
      headers: sudin.headers,
    });
    expect(future.json().total).toBe(0);
    const dated = await app.inject({
      method: "GET",
      url: `/api/v1/audit?from=${today}&recordId=${id}`,
      headers: sudin.headers,
    });
    expect(dated.json().total).toBe(2);
    expect((await app.inject({ method: "GET", url: "/api/v1/audit", headers: psm.headers })).statusCode).toBe(
      403,
    );

    // The record's history is scoped: the PSM sees their own worker's, and 404 for another's.
    const history = await app.inject({
      method: "GET",
      url: `/api/v1/audit/records/workers/${id}`,
      headers: psm.headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().items.length).toBeGreaterThanOrEqual(2);
    const tksk = await loginAs(app, "tksk.sawah-besar");
    const hidden = await app.inject({
      method: "GET",
      url: `/api/v1/audit/records/workers/${id}`,
      headers: tksk.headers,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("exports CSV that names the exporting user and time, and the export is itself audited", async () => {
    const app = await ctx.app();
    const sudin = await loginAs(app, "sudin");
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/audit/export?action=view",
      headers: sudin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["x-exported-by"]).toBe("sudin");
    const [first, ...rest] = res.body.split("\n");
    expect(first).toMatch(/^# Diekspor oleh \/ exported by: sudin, \d{4}-\d{2}-\d{2}T/);
    const rows = parse(rest.join("\n"), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.tindakan_action === "view")).toBe(true);
    const exports = await ctx.db.selectFrom("audit_log").selectAll().where("action", "=", "export").execute();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ username: "sudin", table_name: "audit_log" });
    expect(JSON.parse(exports[0]!.detail_json ?? "{}")).toMatchObject({
      filter: { action: "view" },
      rows: rows.length,
    });
  });
});
