/**
 * Routes for correcting training records (pelatih, sudin): edit programmes, modules, cohorts and
 * sessions; delete what holds no records, cancel or archive what does (and undo that); withdraw
 * participants; and the printable invitation letters.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as s from "../../../core/api/training.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { type Actor, requireActor } from "../auth/actor.ts";
import { getCohort } from "./cohorts.service.ts";
import { cohortInvitationsPdf, invitationPdf } from "./invitations.service.ts";
import * as lifecycle from "./lifecycle.service.ts";
import { getProgramme } from "./programmes.service.ts";
import { errors, fileResponse, sendAttachment, slug, tags } from "./training-routes.shared.ts";
import { withdrawParticipant } from "./withdrawal.service.ts";

const WRITE = { permission: "training:write" as const };
const WRITE_PERSONAL = { permission: "training:write" as const, personalData: true };

export const lifecycleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  app.put(
    "/api/v1/training/programmes/:id",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Edit a programme (same rules as creating it)",
        params: s.idParams,
        body: s.updateProgrammeBody,
        response: { 200: s.programmeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await lifecycle.updateProgramme(db, actor, request.params.id, request.body);
      return getProgramme(db, actor, request.params.id);
    },
  );

  app.put(
    "/api/v1/training/modules/:id",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Edit a module's code, title and lesson hours",
        params: s.idParams,
        body: s.updateModuleBody,
        response: { 200: s.programmeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await lifecycle.updateModule(db, actor, request.params.id, request.body);
      return getProgramme(db, actor, row.programme_id);
    },
  );

  app.put(
    "/api/v1/training/cohorts/:id",
    {
      config: WRITE_PERSONAL,
      schema: {
        tags,
        summary: "Edit a cohort (same rules as creating it)",
        params: s.idParams,
        body: s.updateCohortBody,
        response: { 200: s.cohortDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await lifecycle.updateCohort(db, actor, request.params.id, request.body);
      return getCohort(db, actor, request.params.id);
    },
  );

  app.put(
    "/api/v1/training/sessions/:id",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Edit a session (same rules as adding it)",
        params: s.idParams,
        body: s.updateSessionBody,
        response: { 200: s.sessionSchema, ...errors },
      },
    },
    async (request) => lifecycle.updateSession(db, requireActor(request), request.params.id, request.body),
  );

  /**
   * POST …/{id}/archive, …/cancel and …/restore: the record is kept with everything recorded under
   * it; the answer is the record as its page shows it. Restoring is refused (409) while the record
   * above is itself archived or cancelled.
   */
  const retirement = (
    path: string,
    summary: string,
    config: typeof WRITE | typeof WRITE_PERSONAL,
    response: z.ZodType,
    change: (actor: Actor, id: string, reason: string | undefined) => Promise<unknown>,
  ) =>
    app.post(
      path,
      {
        config,
        schema: {
          tags,
          summary,
          params: s.idParams,
          body: s.optionalReasonBody,
          response: { 200: response, ...errors },
        },
      },
      // The answer is checked against `response` when it is serialised, like every route's.
      async (request) => change(requireActor(request), request.params.id, request.body.reason),
    );
  // A programme or cohort answers with its details as they now are.
  const thenGet =
    <T>(
      act: (db: AppDeps["db"], a: Actor, id: string, reason?: string) => Promise<unknown>,
      get: (db: AppDeps["db"], a: Actor, id: string) => Promise<T>,
    ) =>
    async (a: Actor, id: string, reason?: string) => {
      await act(db, a, id, reason);
      return get(db, a, id);
    };
  const programme = s.programmeDetailSchema;
  const cohort = s.cohortDetailSchema;
  retirement(
    "/api/v1/training/programmes/:id/archive",
    "Archive a programme (kept with its records)",
    WRITE,
    programme,
    thenGet(lifecycle.archiveProgramme, getProgramme),
  );
  retirement(
    "/api/v1/training/programmes/:id/restore",
    "Restore an archived programme",
    WRITE,
    programme,
    thenGet(lifecycle.restoreProgramme, getProgramme),
  );
  retirement(
    "/api/v1/training/cohorts/:id/cancel",
    "Cancel a cohort (kept with its records)",
    WRITE_PERSONAL,
    cohort,
    thenGet(lifecycle.cancelCohort, getCohort),
  );
  retirement(
    "/api/v1/training/cohorts/:id/restore",
    "Restore a cancelled cohort (refused while its programme is archived)",
    WRITE_PERSONAL,
    cohort,
    thenGet(lifecycle.restoreCohort, getCohort),
  );
  retirement(
    "/api/v1/training/sessions/:id/cancel",
    "Cancel a session (its attendance is kept but no longer counts)",
    WRITE,
    s.sessionSchema,
    (a, id, r) => lifecycle.cancelSession(db, a, id, r),
  );
  retirement(
    "/api/v1/training/sessions/:id/restore",
    "Restore a cancelled session (refused while its cohort is cancelled)",
    WRITE,
    s.sessionSchema,
    (a, id, r) => lifecycle.restoreSession(db, a, id, r),
  );

  // Deleting is refused (409, naming what the record holds) once anything was recorded under it.
  const deletions = [
    [
      "programmes",
      "Delete a programme with no attendance, test attempts or certificates",
      lifecycle.deleteProgramme,
    ],
    ["cohorts", "Delete a cohort with no attendance, test attempts or certificates", lifecycle.deleteCohort],
    [
      "sessions",
      "Delete a session nobody attended, in a cohort without certificates",
      lifecycle.deleteSession,
    ],
  ] as const;
  for (const [records, summary, remove] of deletions) {
    app.delete(
      `/api/v1/training/${records}/:id`,
      {
        config: WRITE,
        schema: { tags, summary, params: s.idParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await remove(db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    "/api/v1/training/enrolments/:id/withdraw",
    {
      config: WRITE_PERSONAL,
      schema: {
        tags,
        summary: "Withdraw a participant before certificates are issued (kept in history, not counted)",
        params: s.idParams,
        body: s.reasonBody,
        response: { 200: s.withdrawResponse, ...errors },
      },
    },
    async (request) => withdrawParticipant(db, requireActor(request), request.params.id, request.body.reason),
  );

  app.get(
    "/api/v1/training/cohorts/:id/invitations.pdf",
    {
      config: WRITE_PERSONAL,
      schema: {
        tags,
        summary: "Invitation letters of every participant, one per page (PDF, Indonesian)",
        params: s.idParams,
        produces: ["application/pdf"],
        response: { 200: fileResponse("The letters as one PDF"), ...errors },
      },
    },
    async (request, reply) => {
      const pdf = await cohortInvitationsPdf(db, requireActor(request), request.params.id);
      return sendAttachment(reply, "application/pdf", `undangan-${request.params.id}.pdf`, pdf);
    },
  );

  app.get(
    "/api/v1/training/enrolments/:id/invitation.pdf",
    {
      config: WRITE_PERSONAL,
      schema: {
        tags,
        summary: "One participant's invitation letter (PDF, Indonesian)",
        params: s.idParams,
        produces: ["application/pdf"],
        response: { 200: fileResponse("The letter as a PDF"), ...errors },
      },
    },
    async (request, reply) => {
      const { name, pdf } = await invitationPdf(db, requireActor(request), request.params.id);
      return sendAttachment(reply, "application/pdf", `undangan-${slug(name) || "peserta"}.pdf`, pdf);
    },
  );
};
