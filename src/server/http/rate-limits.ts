/**
 * Per-user rate limits for the requests that cost the most to answer (@fastify/rate-limit): name
 * and list searches, and exports and reports. A route opts in with `config: { rateLimit: … }`;
 * the budget belongs to the signed-in user (the client address before login) and is counted by
 * each node in its memory, so with N nodes behind a balancer a user may get up to N times it.
 * Too many answers 429 as problem+json saying when to try again.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../core/errors/app-error.ts";

/** Searches and list pages: two a second, sustained over a minute. */
export const SEARCH_LIMIT = { max: 120, timeWindow: 60_000 } as const;
/** Exports and generated reports: whole files, a few a minute. */
export const EXPORT_LIMIT = { max: 10, timeWindow: 60_000 } as const;

export async function installRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    // After authentication (onRequest), so that the budget is the user's.
    hook: "preHandler",
    keyGenerator: (request) => (request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new AppError("rate_limited", { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}
