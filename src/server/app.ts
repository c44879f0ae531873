/**
 * buildApp(deps) assembles the Fastify instance: security headers, schemas, errors, idempotency,
 * the OpenAPI document, every feature's routes and the web app. It never listens, so tests drive
 * it with inject() or a port of their own.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "./app-deps.ts";
import type { Config } from "./config.ts";
import { newId } from "./db/ids.ts";
import { assessmentsRoutes } from "./features/assessments/assessments.routes.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { installAuth } from "./features/auth/auth.plugin.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { tokensRoutes } from "./features/auth/tokens.routes.ts";
import { lastBackupAt } from "./features/backups/backups.repository.ts";
import { casesRoutes } from "./features/cases/cases.routes.ts";
import { referralsRoutes } from "./features/cases/referrals.routes.ts";
import { tasksRoutes } from "./features/cases/tasks.routes.ts";
import { visitsRoutes } from "./features/cases/visits.routes.ts";
import { certificatesRoutes } from "./features/certificates/certificates.routes.ts";
import { dashboardsRoutes } from "./features/dashboards/dashboards.routes.ts";
import { duplicatesRoutes } from "./features/duplicates/duplicates.routes.ts";
import { healthRoutes } from "./features/health/health.routes.ts";
import { householdsRoutes } from "./features/households/households.routes.ts";
import { importsRoutes } from "./features/imports/imports.routes.ts";
import { kinerjaRoutes } from "./features/kinerja/kinerja.routes.ts";
import { installMetrics } from "./features/metrics/metrics.routes.ts";
import { createMetrics } from "./features/metrics/metrics.ts";
import { personsRoutes } from "./features/persons/persons.routes.ts";
import { psksRoutes } from "./features/psks/psks.routes.ts";
import { regionsRoutes } from "./features/regions/regions.routes.ts";
import { reportsRoutes } from "./features/reports/reports.routes.ts";
import { servicesRoutes } from "./features/services/services.routes.ts";
import { syncRoutes } from "./features/sync/sync.routes.ts";
import { participantRoutes } from "./features/training/participant.routes.ts";
import { trainingRoutes } from "./features/training/training.routes.ts";
import { usersRoutes } from "./features/users/users.routes.ts";
import { workersRoutes } from "./features/workers/workers.routes.ts";
import { installErrorHandling } from "./http/error-handler.ts";
import { installIdempotency } from "./http/idempotency.ts";
import { installOpenApi } from "./http/openapi.ts";
import { installRateLimits } from "./http/rate-limits.ts";
import { validatorCompiler } from "./http/request-validation.ts";

/** Kept so that older imports still resolve; new code imports AppDeps from app-deps.ts. */
export type { AppDeps } from "./app-deps.ts";

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : { level: config.logLevel, redact: ["req.headers.cookie", "req.headers.authorization"] },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : newId();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.trustProxy,
  });
  await app.register(cookie);
  // Resolves request.actor in onRequest, before the idempotency preHandler (keys are per user).
  installAuth(app, deps);
  const metrics = createMetrics({ poolStats: deps.poolStats, lastBackupAt: () => lastBackupAt(deps.db) });
  installMetrics(app, metrics, config.metricsToken);
  installErrorHandling(app, resolveWebDir(config));
  installIdempotency(app, deps.db);
  await installRateLimits(app);
  await installOpenApi(app);

  await app.register(healthRoutes, deps);
  await app.register(regionsRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(tokensRoutes, deps);
  await app.register(usersRoutes, deps);
  await app.register(workersRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(householdsRoutes, deps);
  await app.register(personsRoutes, deps);
  await app.register(duplicatesRoutes, deps);
  await app.register(psksRoutes, deps);
  await app.register(importsRoutes, deps);
  await app.register(casesRoutes, deps);
  await app.register(referralsRoutes, deps);
  await app.register(visitsRoutes, deps);
  await app.register(tasksRoutes, deps);
  await app.register(servicesRoutes, deps);
  await app.register(trainingRoutes, deps);
  await app.register(participantRoutes, deps);
  await app.register(certificatesRoutes, deps);
  await app.register(dashboardsRoutes, deps);
  await app.register(kinerjaRoutes, deps);
  await app.register(reportsRoutes, deps);
  await app.register(assessmentsRoutes, deps);
  await app.register(syncRoutes, deps);

  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const webDir = resolveWebDir(config);
  if (webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: "index.html" });
  return app;
}

function resolveWebDir(config: Config): string | null {
  const dir = resolve(config.webDir);
  return existsSync(resolve(dir, "index.html")) ? dir : null;
}
