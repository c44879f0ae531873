import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { recordImportJob, recordSyncPush } from "./metric-events.ts";

const TOKEN = "a-metrics-token-of-32-characters";

describeEachDialect("GET /metrics", (ctx) => {
  let open: FastifyInstance;
  let guarded: FastifyInstance;

  beforeAll(async () => {
    open = await ctx.app();
    guarded = await buildApp({
      config: loadConfig(
        {
          LOG_LEVEL: "silent",
          NODE_ENV: "test",
          PEDULI_WEB_DIR: "./no-web-in-tests",
          PEDULI_METRICS_TOKEN: TOKEN,
        },
        {},
      ),
      db: ctx.db,
      dialect: ctx.dialect,
    });
  });
  afterAll(async () => guarded.close());

  it("counts requests by route pattern, not by the address asked", async () => {
    await open.inject({ method: "GET", url: "/healthz" });
    await open.inject({ method: "GET", url: "/api/v1/regions/3171010001" });
    const res = await open.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toMatch(
      /peduli_http_requests_total\{route="\/healthz",method="GET",status_class="2xx"\} 1/,
    );
    expect(res.body).toContain('route="/api/v1/regions/:code"');
    expect(res.body).not.toContain("3171010001");
    expect(res.body).toMatch(/peduli_db_query_duration_seconds_count\{kind="select",outcome="ok"\} [1-9]/);
    expect(res.body).toContain("process_resident_memory_bytes");
  });

  it("counts sync outcomes and import jobs reported by the features", async () => {
    recordSyncPush([{ status: "applied" }, { status: "applied" }, { status: "conflict" }]);
    recordImportJob("failed");
    const body = (await open.inject({ method: "GET", url: "/metrics" })).body;
    expect(body).toMatch(/peduli_sync_changes_total\{outcome="applied"\} 2/);
    expect(body).toMatch(/peduli_sync_changes_total\{outcome="conflict"\} 1/);
    expect(body).toMatch(/peduli_sync_pushes_total 1/);
    expect(body).toMatch(/peduli_import_jobs_total\{state="failed"\} 1/);
  });

  it("reports the pool counts it is given (PostgreSQL's pool in production)", async () => {
    const app = await buildApp({
      config: ctx.config,
      db: ctx.db,
      dialect: ctx.dialect,
      poolStats: () => ({ total: 4, idle: 3, waiting: 0 }),
    });
    const body = (await app.inject({ method: "GET", url: "/metrics" })).body;
    await app.close();
    expect(body).toMatch(/peduli_db_pool_connections\{state="idle"\} 3/);
  });

  it("reports the newest backup's age once there is one", async () => {
    expect((await open.inject({ method: "GET", url: "/metrics" })).body).not.toMatch(
      /^peduli_backup_age_seconds /m,
    );
    const made = new Date(Date.now() - 3600_000).toISOString();
    await ctx.db
      .insertInto("backups")
      .values({
        id: "b-1",
        file_name: "x.tar.gz",
        created_at: made,
        bytes: 1,
        rows: 1,
        files: 0,
        made_by: "cli",
      })
      .execute();
    const body = (await open.inject({ method: "GET", url: "/metrics" })).body;
    const at = Number(/^peduli_backup_last_timestamp_seconds (\d+)$/m.exec(body)?.[1]);
    expect(at).toBe(Math.floor(Date.parse(made) / 1000));
  });

  it("without a token, refuses a request that came through a proxy", async () => {
    const res = await open.inject({
      method: "GET",
      url: "/metrics",
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("metrics_loopback_only");
  });

  it("without a token, refuses a request from another machine", async () => {
    const res = await open.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.9" });
    expect(res.statusCode).toBe(403);
  });

  it("with a token, answers only the right bearer, from anywhere", async () => {
    const none = await guarded.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe("metrics_token_required");
    const wrong = await guarded.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await guarded.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "203.0.113.9",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("peduli_http_requests_total");
  });
});

describe("metrics configuration", () => {
  it("rejects a metrics token too short to be a secret", () => {
    expect(() => loadConfig({ PEDULI_METRICS_TOKEN: "short" }, {})).toThrow(/PEDULI_METRICS_TOKEN/);
  });
});
