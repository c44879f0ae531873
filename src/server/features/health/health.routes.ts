import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app.ts";
import { API_VERSION } from "../../http/openapi.ts";

const healthResponse = z.object({
  status: z.literal("ok"),
  database: z.literal("ok"),
  dialect: z.enum(["sqlite", "postgres"]),
  version: z.string(),
});

/** GET /healthz: answers 200 only when the database answers. */
export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, dialect }) => {
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
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        throw new AppError("service_unavailable", { detail: `database: ${(error as Error).message}` });
      }
      return { status: "ok" as const, database: "ok" as const, dialect, version: API_VERSION };
    },
  );
};
