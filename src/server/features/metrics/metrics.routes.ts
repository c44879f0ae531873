/**
 * Request metrics for every route, and GET /metrics in Prometheus text format. /metrics answers
 * a request bearing `Authorization: Bearer <PEDULI_METRICS_TOKEN>`; without a configured token,
 * only a request made on this machine (a loopback peer with no X-Forwarded-For header, so that
 * a reverse proxy on the same machine does not make every visitor local).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppMetrics } from "./metrics.ts";

/** Adds the request hook and the /metrics route to the root instance (not encapsulated). */
export function installMetrics(app: FastifyInstance, metrics: AppMetrics, token: string | null): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook("onClose", async () => metrics.close());

  app.get("/metrics", { schema: { hide: true }, config: { ownCredential: true } }, async (request, reply) => {
    assertMayRead(request, token);
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}

function assertMayRead(request: FastifyRequest, token: string | null): void {
  if (token !== null) {
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
    if (!sameSecret(given, token)) throw new AppError("metrics_token_required");
    return;
  }
  if (!isLoopback(request.socket.remoteAddress) || request.headers["x-forwarded-for"] !== undefined) {
    throw new AppError("metrics_loopback_only");
  }
}

const digest = (s: string) => createHash("sha256").update(s).digest();
/** Constant-time comparison of two strings of any length. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}
