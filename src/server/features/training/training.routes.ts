/**
 * Routes for training staff (pelatih, sudin) and report readers: programmes, question banks,
 * cohorts, sessions, enrolment, attendance, tests, item analysis and cohort reports.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";
import * as s from "../../../core/api/training.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requireActor, requirePermission } from "../auth/actor.ts";
import { checkInCode, getRoster, markAttendance } from "./attendance.service.ts";
import {
  addSession,
  createCohort,
  enrolWorkers,
  getCohort,
  listCohorts,
  listEligibleWorkers,
} from "./cohorts.service.ts";
import { listInvitations } from "./invitations.service.ts";
import { lifecycleRoutes } from "./lifecycle.routes.ts";
import * as programmes from "./programmes.service.ts";
import { reportPdf, reportXlsx } from "./report-export.ts";
import { buildCohortReport, cohortReport } from "./reports.service.ts";
import { configureTest, itemAnalysis } from "./tests.service.ts";
import { assertReports } from "./training-access.ts";
import { baseUrlOf, errors, fileResponse, sendAttachment, tags } from "./training-routes.shared.ts";

const WRITE = { permission: "training:write" as const, personalData: true };

export const trainingRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db, config } = deps;
  await lifecycleRoutes(app, deps);

  app.get(
    "/api/v1/training/competencies",
    {
      schema: {
        tags,
        summary: "The competency framework",
        response: { 200: z.object({ items: z.array(s.competencySchema) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await programmes.listCompetencies(db) };
    },
  );

  app.get(
    "/api/v1/training/programmes",
    {
      schema: {
        tags,
        summary: "Training programmes",
        response: { 200: z.object({ items: z.array(s.programmeSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await programmes.listProgrammes(db, requireActor(request)) }),
  );

  app.post(
    "/api/v1/training/programmes",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Create a programme",
        body: s.createProgrammeBody,
        response: { 201: s.programmeDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, "training:write");
      const id = await programmes.createProgramme(db, actor, request.body);
      return reply.status(201).send(await programmes.getProgramme(db, actor, id));
    },
  );

  app.get(
    "/api/v1/training/programmes/:id",
    {
      schema: {
        tags,
        summary: "A programme with modules, objectives and bank sizes",
        params: s.idParams,
        response: { 200: s.programmeDetailSchema, ...errors },
      },
    },
    async (request) => programmes.getProgramme(db, requireActor(request), request.params.id),
  );

  app.get(
    "/api/v1/training/modules/:id/questions",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Question bank of a module",
        params: s.idParams,
        response: { 200: z.object({ items: z.array(s.questionSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: await programmes.listModuleQuestions(db, requireActor(request), request.params.id),
    }),
  );

  app.post(
    "/api/v1/training/modules/:id/questions",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Add a question",
        params: s.idParams,
        body: s.createQuestionBody,
        response: { 201: s.questionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await programmes.addQuestion(db, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/v1/training/questions/:id",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Retire or restore a question",
        params: s.idParams,
        body: s.updateQuestionBody,
        response: { 200: s.questionSchema, ...errors },
      },
    },
    async (request) =>
      programmes.setQuestionActive(db, requireActor(request), request.params.id, request.body.active),
  );

  app.get(
    "/api/v1/training/cohorts",
    {
      schema: {
        tags,
        summary: "Cohorts (angkatan)",
        querystring: s.cohortListQuery,
        response: { 200: z.object({ items: z.array(s.cohortSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listCohorts(db, requireActor(request), request.query.programmeId) }),
  );

  app.post(
    "/api/v1/training/cohorts",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Create a cohort",
        body: s.createCohortBody,
        response: { 201: s.cohortDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createCohort(db, actor, request.body);
      return reply.status(201).send(await getCohort(db, actor, id));
    },
  );

  app.get(
    "/api/v1/training/cohorts/:id",
    {
      config: { permission: "training:read", personalData: true },
      schema: {
        tags,
        summary: "A cohort with sessions, tests and each participant's results",
        params: s.idParams,
        response: { 200: s.cohortDetailSchema, ...errors },
      },
    },
    async (request) => getCohort(db, requireActor(request), request.params.id),
  );

  app.post(
    "/api/v1/training/cohorts/:id/sessions",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Add a session",
        params: s.idParams,
        body: s.createSessionBody,
        response: { 201: s.sessionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addSession(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/training/cohorts/:id/enrolments",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Enrol workers (eligibility and quota checked; all or nothing)",
        params: s.idParams,
        body: s.enrolBody,
        response: { 200: s.enrolResponse, 422: problemSchema, ...errors },
      },
    },
    async (request) => enrolWorkers(db, requireActor(request), request.params.id, request.body.workerIds),
  );

  app.get(
    "/api/v1/training/cohorts/:id/eligible-workers",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Workers who may still be enrolled in the cohort",
        params: s.idParams,
        response: { 200: z.object({ items: z.array(s.eligibleWorkerSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listEligibleWorkers(db, requireActor(request), request.params.id) }),
  );

  app.get(
    "/api/v1/training/cohorts/:id/invitations",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "What each participant must attend",
        params: s.idParams,
        response: { 200: z.object({ items: z.array(s.invitationSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listInvitations(db, requireActor(request), request.params.id) }),
  );

  app.get(
    "/api/v1/training/sessions/:id/attendance",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Attendance roster of a session",
        params: s.idParams,
        response: { 200: s.attendanceRosterSchema, ...errors },
      },
    },
    async (request) => getRoster(db, requireActor(request), request.params.id),
  );

  app.put(
    "/api/v1/training/sessions/:id/attendance",
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Mark attendance of one or many participants",
        params: s.idParams,
        body: s.markAttendanceBody,
        response: { 200: s.attendanceRosterSchema, ...errors },
      },
    },
    async (request) => markAttendance(db, requireActor(request), request.params.id, request.body.entries),
  );

  app.get(
    "/api/v1/training/sessions/:id/check-in-code",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "The QR code the trainer shows",
        params: s.idParams,
        response: { 200: s.checkInCodeSchema, ...errors },
      },
    },
    async (request) =>
      checkInCode(db, requireActor(request), request.params.id, baseUrlOf(request, config.publicUrl)),
  );

  app.put(
    "/api/v1/training/cohorts/:id/tests",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Create or change the pre- or post-test",
        params: s.idParams,
        body: s.testConfigBody,
        response: { 200: s.cohortDetailSchema.shape.tests.element, ...errors },
      },
    },
    async (request) => configureTest(db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    "/api/v1/training/tests/:id/item-analysis",
    {
      config: { permission: "training:write" },
      schema: {
        tags,
        summary: "Difficulty and discrimination per question",
        params: s.idParams,
        response: { 200: s.itemAnalysisSchema, ...errors },
      },
    },
    async (request) => itemAnalysis(db, requireActor(request), request.params.id),
  );

  app.get(
    "/api/v1/training/cohorts/:id/report",
    {
      schema: {
        tags,
        summary: "Cohort report (aggregates)",
        params: s.idParams,
        response: { 200: s.cohortReportSchema, ...errors },
      },
    },
    async (request) => cohortReport(db, requireActor(request), request.params.id),
  );

  app.get(
    "/api/v1/training/cohorts/:id/report.xlsx",
    {
      config: { permission: "training:read", personalData: true },
      schema: {
        tags,
        summary: "Cohort report as XLSX, with participants",
        params: s.idParams,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: { 200: fileResponse("The report as an XLSX workbook"), ...errors },
      },
    },
    async (request, reply) => {
      assertReports(requireActor(request));
      const report = await buildCohortReport(db, request.params.id);
      return sendAttachment(
        reply,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        `laporan-angkatan-${request.params.id}.xlsx`,
        await reportXlsx(report),
      );
    },
  );

  app.get(
    "/api/v1/training/cohorts/:id/report.pdf",
    {
      schema: {
        tags,
        summary: "Cohort report as a PDF (aggregates)",
        params: s.idParams,
        produces: ["application/pdf"],
        response: { 200: fileResponse("The report as a PDF"), ...errors },
      },
    },
    async (request, reply) => {
      assertReports(requireActor(request));
      const report = await buildCohortReport(db, request.params.id);
      return sendAttachment(
        reply,
        "application/pdf",
        `laporan-angkatan-${request.params.id}.pdf`,
        await reportPdf(report),
      );
    },
  );
};
