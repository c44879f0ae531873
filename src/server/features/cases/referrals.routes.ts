import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  caseChildParams,
  caseParams,
  createReferralBody,
  referralListResponse,
  referralSchema,
  updateReferralBody,
} from "../../../core/api/cases.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { CASE_READ, CASE_WRITE } from "./case-context.ts";
import { caseCtx, errors, fileResponse } from "./case-routes.shared.ts";
import { referralLetterPdf } from "./referral-letter.ts";
import { createReferral, listCaseReferrals, referralForLetter, updateReferral } from "./referrals.service.ts";

const read = { personalData: true, permission: CASE_READ } as const;
const write = { personalData: true, permission: CASE_WRITE } as const;

/** Referrals of a case to programmes, services and PSKS organisations, and their letters. */
export const referralsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    "/api/v1/cases/:id/referrals",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The case's referrals",
        params: caseParams,
        response: { 200: referralListResponse, ...errors },
      },
    },
    async (request) => listCaseReferrals(caseCtx(request, deps, CASE_READ), request.params.id),
  );

  app.post(
    "/api/v1/cases/:id/referrals",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Refer the case's subject to a service or organisation (idempotent on a client-made id)",
        params: caseParams,
        body: createReferralBody,
        response: { 200: referralSchema, 201: referralSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, item } = await createReferral(
        caseCtx(request, deps, CASE_WRITE),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(item);
    },
  );

  app.patch(
    "/api/v1/cases/:id/referrals/:childId",
    {
      config: write,
      schema: {
        tags: ["cases"],
        summary: "Record the answer or completion of a referral",
        params: caseChildParams,
        body: updateReferralBody,
        response: { 200: referralSchema, ...errors },
      },
    },
    async (request) =>
      updateReferral(
        caseCtx(request, deps, CASE_WRITE),
        request.params.id,
        request.params.childId,
        request.body,
      ),
  );

  app.get(
    "/api/v1/cases/:id/referrals/:childId/letter.pdf",
    {
      config: read,
      schema: {
        tags: ["cases"],
        summary: "The referral letter (PDF, Indonesian)",
        params: caseChildParams,
        produces: ["application/pdf"],
        response: { 200: fileResponse("The letter as a PDF"), ...errors },
      },
    },
    async (request, reply) => {
      const { kase, referral } = await referralForLetter(
        caseCtx(request, deps, CASE_READ),
        request.params.id,
        request.params.childId,
      );
      const pdf = await referralLetterPdf(kase, referral);
      const name = `surat-rujukan-${referral.letter_number.replace(/[^\w-]+/g, "-")}.pdf`;
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(pdf);
    },
  );
};
