/**
 * Cross-cutting HTTP behaviour on every engine: problem+json for bad bodies, unknown routes and
 * crashes; idempotent retries of mutating requests. A probe route exercises the mechanisms on the
 * real app and database.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../../src/server/app.ts";
import { allocateSeq, currentSeq } from "../../src/server/db/change-log.ts";
import { describeEachDialect } from "../test-db.ts";

describeEachDialect("HTTP basics", (ctx) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp({ config: ctx.config, db: ctx.db, dialect: ctx.dialect });
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.post(
      "/probe/counter",
      { schema: { body: z.object({ step: z.number().int().min(1), label: z.string().min(3) }) } },
      async (request) => ({ first: await allocateSeq(ctx.db, request.body.step) }),
    );
    typed.get("/probe/crash", async () => {
      throw new Error("secret internal detail");
    });
    return async () => app.close();
  });

  it("answers an invalid body with 400 problem+json naming each field, in Indonesian by default", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/probe/counter",
      payload: { step: "x", label: "a" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const body = res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["body.label", "body.step"]);
    expect(body.detail).toContain("tidak valid");
    expect(body.errors.find((e: { field: string }) => e.field === "body.step").message).toContain(
      "diharapkan number",
    );
  });

  it("speaks English when asked", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/probe/counter",
      payload: { step: 1 },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain("not valid");
    expect(res.json().errors[0]).toMatchObject({ field: "body.label" });
  });

  it("answers an unknown route with 404 problem+json", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/does-not-exist" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "route_not_found", status: 404 });
  });

  it("hides internals of unexpected errors", async () => {
    const res = await app.inject({ method: "GET", url: "/probe/crash" });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("secret");
    expect(res.json().code).toBe("internal_error");
    expect(res.json().requestId).toBe(res.headers["x-request-id"]);
  });

  it("sets security headers on every response", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("replays a retried request with the same Idempotency-Key without a second effect", async () => {
    const before = await currentSeq(ctx.db);
    const send = (key: string, step = 2) =>
      app.inject({
        method: "POST",
        url: "/probe/counter",
        payload: { step, label: "abc" },
        headers: { "idempotency-key": key },
      });
    const first = await send("key-1");
    expect(first.statusCode).toBe(200);
    const retry = await send("key-1");
    expect(retry.statusCode).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    expect(await currentSeq(ctx.db)).toBe(before + 2);

    const reused = await send("key-1", 3);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe("idempotency_key_reused");
    expect(await currentSeq(ctx.db)).toBe(before + 2);

    const other = await send("key-2");
    expect(other.json().first).toBe(before + 3);
  });

  it("does not keep a key for a request that failed validation, so it can be retried", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/probe/counter",
      payload: { step: 0, label: "abc" },
      headers: { "idempotency-key": "key-bad" },
    });
    expect(bad.statusCode).toBe(400);
    const good = await app.inject({
      method: "POST",
      url: "/probe/counter",
      payload: { step: 1, label: "abc" },
      headers: { "idempotency-key": "key-bad" },
    });
    expect(good.statusCode).toBe(200);
  });
});
