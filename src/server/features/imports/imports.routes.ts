import { PassThrough } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { importJobParams, importJobSchema } from "../../../core/api/import-job.schema.ts";
import { exportQuery, importQuery, importResultSchema } from "../../../core/api/registry.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app-deps.ts";
import { EXPORT_LIMIT } from "../../http/rate-limits.ts";
import { requirePermission } from "../auth/actor.ts";
import { ImportJobs } from "./import-jobs.ts";
import { exportPersonsFor, importUploadedPersons, startPersonImportJob } from "./imports.service.ts";

/** Uploads are read whole before the import starts; bigger files go through `peduli import persons`. */
const UPLOAD_LIMIT = 100 * 1024 * 1024;
const RAW_TYPES = [
  "text/csv",
  "application/csv",
  "application/octet-stream",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

/** The uploaded file: the multipart field `file`, or the raw body. */
async function uploadedFile(request: FastifyRequest): Promise<Buffer> {
  let body: Buffer | undefined;
  if (request.isMultipart()) {
    const file = await request.file();
    body = file ? await file.toBuffer() : undefined;
  } else if (Buffer.isBuffer(request.body)) body = request.body;
  if (!body || body.length === 0) {
    throw new AppError("validation_failed", {}, [
      {
        field: "body",
        code: "file_missing",
        message: {
          id: "Kirim berkas CSV atau XLSX (multipart 'file' atau isi permintaan).",
          en: "Send a CSV or XLSX file (multipart 'file' or the request body).",
        },
      },
    ]);
  }
  return body;
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema };

/**
 * Person import upload and export. The upload answers synchronously with the same summary as the
 * CLI (plus the rejected rows), after the whole import has committed or been rolled back; the job
 * route starts the same import and answers at once, and the job route's GET reports its progress
 * and then its result to the user who started it (404 to anyone else).
 */
export const importsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  // Kept in the database: any node can follow a job that another runs (see import-jobs.ts).
  const jobs = new ImportJobs(db);
  app.addHook("onClose", async () => jobs.close());
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1 } });
  app.addContentTypeParser(RAW_TYPES, { parseAs: "buffer", bodyLimit: UPLOAD_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    "/api/v1/imports/persons",
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary:
          "Import persons from CSV or XLSX (multipart field 'file', or the raw file as the body); same rules as the CLI",
        querystring: importQuery,
        response: { 200: importResultSchema, 422: importResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "persons:write");
      const body = await uploadedFile(request);
      const result = await importUploadedPersons(db, actor, body, request.query);
      const refused = result.summary.rejected > 0 && request.query.skipInvalid !== "true";
      return reply.code(refused ? 422 : 200).send(result);
    },
  );

  app.post(
    "/api/v1/imports/persons/jobs",
    {
      bodyLimit: UPLOAD_LIMIT,
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary:
          "Start importing persons from CSV or XLSX as a job (same body, options and rules as the upload); poll the job for progress and result",
        querystring: importQuery,
        response: { 202: importJobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "persons:write");
      const body = await uploadedFile(request);
      const job = await startPersonImportJob(db, jobs, actor, body, request.query, (error) =>
        request.log.error({ err: error }, "person import job failed"),
      );
      return reply.code(202).send(job);
    },
  );

  app.get(
    "/api/v1/imports/persons/jobs/:id",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary:
          "A person import job started by the caller: phase, rows read, rejected and written, then its result",
        params: importJobParams,
        response: { 200: importJobSchema, 404: problemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requirePermission(request, "persons:write");
      const job = await jobs.get(actor.userId, request.params.id);
      if (!job) throw notFound({ id: "Impor", en: "Import" });
      return job;
    },
  );

  app.get(
    "/api/v1/persons/export",
    {
      config: { personalData: true, permission: "registry:export", rateLimit: EXPORT_LIMIT },
      schema: {
        tags: ["registry"],
        summary: "Export a filtered person list as CSV or XLSX in the import format (audited)",
        querystring: exportQuery,
        response: { 200: z.unknown().meta({ description: "The CSV or XLSX file" }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "registry:export");
      const out = new PassThrough();
      const { format } = request.query;
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header(
          "content-type",
          format === "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8",
        )
        .header("content-disposition", `attachment; filename="penduduk-${stamp}.${format}"`);
      exportPersonsFor(db, actor, request.query, out).catch((error: unknown) => {
        request.log.error({ err: error }, "person export failed");
        out.destroy(error as Error);
      });
      return reply.send(out);
    },
  );
};
