/**
 * Certificate routes: issuing per cohort, the PDF (one or a cohort's ZIP), revocation, the
 * holder's list, and the public verification API and page (no login; shows name, programme and
 * date only; an unknown code is 404 with nothing else).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import * as s from "../../../core/api/training.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requireActor } from "../auth/actor.ts";
import { baseUrlOf, errors, fileResponse, sendAttachment, tags } from "../training/training-routes.shared.ts";
import {
  CERTIFICATE,
  certificatePdf,
  cohortCertificatesZip,
  issueCertificates,
  listCohortCertificates,
  myCertificates,
  revokeCertificate,
  verifyCertificate,
} from "./certificates.service.ts";
import { notFoundHtml, verificationHtml } from "./verification-page.ts";

const list = z.object({ items: z.array(s.certificateSchema) });

export const certificatesRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  app.post(
    "/api/v1/training/cohorts/:id/certificates",
    {
      config: { permission: "training:write", personalData: true },
      schema: {
        tags,
        summary: "Issue certificates to every completer",
        params: s.idParams,
        response: { 200: s.issueResponse, ...errors },
      },
    },
    async (request) => issueCertificates(db, requireActor(request), request.params.id),
  );

  app.get(
    "/api/v1/training/cohorts/:id/certificates",
    {
      config: { permission: "training:write", personalData: true },
      schema: {
        tags,
        summary: "A cohort's certificates",
        params: s.idParams,
        response: { 200: list, ...errors },
      },
    },
    async (request) => ({
      items: await listCohortCertificates(
        db,
        requireActor(request),
        request.params.id,
        baseUrlOf(request, config.publicUrl),
      ),
    }),
  );

  app.get(
    "/api/v1/training/cohorts/:id/certificates.zip",
    {
      config: { permission: "training:write", personalData: true },
      schema: {
        tags,
        summary: "Every certificate of a cohort as one ZIP",
        params: s.idParams,
        produces: ["application/zip"],
        response: { 200: fileResponse("The certificates as PDFs in one ZIP"), ...errors },
      },
    },
    async (request, reply) => {
      const zip = await cohortCertificatesZip(
        db,
        requireActor(request),
        request.params.id,
        baseUrlOf(request, config.publicUrl),
      );
      return sendAttachment(reply, "application/zip", `sertifikat-${request.params.id}.zip`, zip);
    },
  );

  app.get(
    "/api/v1/certificates/mine",
    { schema: { tags, summary: "My certificates", response: { 200: list, ...errors } } },
    async (request) => ({
      items: await myCertificates(db, requireActor(request), baseUrlOf(request, config.publicUrl)),
    }),
  );

  app.get(
    "/api/v1/certificates/:id/pdf",
    {
      schema: {
        tags,
        summary: "Certificate PDF (holder or training staff)",
        params: s.idParams,
        produces: ["application/pdf"],
        response: { 200: fileResponse("The certificate as a PDF"), ...errors },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await certificatePdf(
        db,
        requireActor(request),
        request.params.id,
        baseUrlOf(request, config.publicUrl),
      );
      return sendAttachment(reply, "application/pdf", `sertifikat-${number.replace(/\//g, "-")}.pdf`, pdf);
    },
  );

  app.post(
    "/api/v1/certificates/:id/revoke",
    {
      config: { permission: "training:write", personalData: true },
      schema: {
        tags,
        summary: "Revoke a certificate",
        params: s.idParams,
        body: s.revokeBody,
        response: { 200: s.certificateSchema, ...errors },
      },
    },
    async (request) =>
      revokeCertificate(
        db,
        requireActor(request),
        request.params.id,
        request.body.reason,
        baseUrlOf(request, config.publicUrl),
      ),
  );

  app.get(
    "/api/v1/certificates/verify/:code",
    {
      schema: {
        tags,
        summary: "Public verification of a certificate",
        params: s.verifyParams,
        response: { 200: s.verificationSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const view = await verifyCertificate(db, request.params.code);
      if (!view) throw new AppError("not_found", { what: CERTIFICATE.id, whatEn: CERTIFICATE.en });
      return view;
    },
  );

  app.get("/verifikasi/:code", { schema: { hide: true, params: s.verifyParams } }, async (request, reply) => {
    const view = await verifyCertificate(db, request.params.code);
    reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
    if (!view) return reply.status(404).send(notFoundHtml());
    return reply.send(verificationHtml(view));
  });
};
