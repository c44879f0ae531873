import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  caseChildParams,
  caseParams,
  createVisitBody,
  photoParams,
  visitListResponse,
  visitSchema,
} from "../../../core/api/cases.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { MAX_PHOTO_BYTES } from "../../../core/cases/upload-rules.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app-deps.ts";
import { diskFileStore } from "../../storage/file-store.ts";
import { CASE_READ, CASE_WRITE } from "./case-context.ts";
import { caseCtx, errors, fileResponse } from "./case-routes.shared.ts";
import {
  addVisitPhoto,
  assertVisitInScope,
  listCaseVisits,
  readVisitPhoto,
  recordVisit,
} from "./visits.service.ts";

const read = { personalData: true, permission: CASE_READ } as const;
const write = { personalData: true, permission: CASE_WRITE } as const;

/** Home visits and their photos. Photos are stored in the upload directory behind a FileStore. */
export const visitsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const store = diskFileStore(deps.config.uploadDir);
  // Registered here only, so multipart bodies are accepted on the photo route and nowhere else.
  await app.register(multipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 5 },
    throwFileSizeLimit: false,
  });

  app.get(
    "/api/v1/cases/:id/visits",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The case's home visits, newest first",
        params: caseParams,
        response: { 200: visitListResponse, ...errors },
      },
    },
    async (request) => listCaseVisits(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/visits",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Record a home visit (idempotent on a client-made id); completes the first-visit task",
        params: caseParams,
        body: createVisitBody,
        response: { 200: visitSchema, 201: visitSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, item } = await recordVisit(
        caseCtx(request, deps, CASE_WRITE),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(item);
    },
  );

  app.post(
    "/api/v1/cases/:id/visits/:childId/photos",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Add a photo to a visit: multipart field 'file', JPEG/PNG/WebP up to 5 MB",
        params: caseChildParams,
        consumes: ["multipart/form-data"],
        response: { 201: visitSchema, 413: problemSchema, 415: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = caseCtx(request, deps, CASE_WRITE);
      await assertVisitInScope(ctx, request.params.id, request.params.childId);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new AppError("upload_missing");
      const bytes = await file.toBuffer();
      const visit = await addVisitPhoto(ctx, store, request.params.id, request.params.childId, {
        filename: file.filename,
        bytes,
        truncated: file.file.truncated,
      });
      return reply.code(201).send(visit);
    },
  );

  app.get(
    "/api/v1/cases/:id/visits/:childId/photos/:photoId",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "A visit photo's bytes",
        params: photoParams,
        response: { 200: fileResponse("The image (JPEG, PNG or WebP)"), ...errors },
      },
    },
    async (request, reply) => {
      const { id, childId, photoId } = request.params;
      const photo = await readVisitPhoto(caseCtx(request, deps, CASE_READ), store, id, childId, photoId);
      return reply.type(photo.mimeType).header("cache-control", "private, max-age=3600").send(photo.bytes);
    },
  );
};
