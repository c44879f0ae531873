import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app-deps.ts";
import { API_VERSION } from "../../http/openapi.ts";
import { lastBackupAt as lastBackup } from "../backups/backups.repository.ts";
import { checkDatabase, checkReadiness } from "./health.service.ts";

const healthResponse = z.object({
  status: z.literal("ok"),
  database: z.literal("ok"),
  dialect: z.enum(["sqlite", "postgres"]),
  version: z.string(),
  lastBackupAt: z.string().nullable().meta({
    description: "When the newest backup was made (peduli backup or the daily backup); null: never",
  }),
});

const readyResponse = z.object({
  status: z.literal("ready"),
  checks: z.array(
    z.object({ name: z.enum(["database", "migrations", "disk"]), ok: z.boolean(), detail: z.string() }),
  ),
});

/**
 * GET /healthz (liveness): 200 only when the database answers. GET /readyz (readiness): 200 only
 * when the database answers, every migration is applied and the uploads have disk space; else
 * 503 naming each failed check.
 */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, dialect, config }) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["system"],
        summary: "Service and database health",
        response: { 200: healthResponse, 503: problemSchema },
      },
    },
    async () => {
      const database = await checkDatabase(db);
      if (!database.ok) throw new AppError("service_unavailable", { detail: `database: ${database.detail}` });
      const lastBackupAt = await lastBackup(db);
      return { status: "ok" as const, database: "ok" as const, dialect, version: API_VERSION, lastBackupAt };
    },
  );

  app.get(
    "/readyz",
    {
      schema: {
        tags: ["system"],
        summary: "Readiness: database, migrations and disk space",
        response: { 200: readyResponse, 503: problemSchema },
      },
    },
    async () => {
      const checks = await checkReadiness({
        db,
        uploadDir: config.uploadDir,
        minFreeDiskMb: config.minFreeDiskMb,
      });
      const failed = checks.filter((c) => !c.ok);
      if (failed.length > 0) {
        throw new AppError("service_unavailable", {
          detail: failed.map((c) => `${c.name}: ${c.detail}`).join("; "),
        });
      }
      return { status: "ready" as const, checks };
    },
  );
};
