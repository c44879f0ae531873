/**
 * Routes for participants (TKSK, PSM): my trainings, QR check-in, taking a test (start or resume,
 * save each answer, submit) and the evaluation; and a worker's training record.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import * as s from "../../../core/api/training.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requireActor } from "../auth/actor.ts";
import { checkIn } from "./attendance.service.ts";
import { myTrainings, submitEvaluation, workerTraining } from "./participant.service.ts";
import { saveAnswer, startAttempt, submitAttempt } from "./tests.service.ts";
import { baseUrlOf, errors, tags } from "./training-routes.shared.ts";

/**
 * The actor's own records: any logged-in user may call these (401 without a login); the services
 * answer only for the worker linked to the account. They are not region-scoped, so they are not
 * flagged personal-data for the region walker.
 */
const OWN = {};

export const participantRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, config }) => {
  app.get(
    "/api/v1/training/me",
    {
      config: OWN,
      schema: {
        tags,
        summary: "My trainings: sessions, tests, certificate",
        response: { 200: s.myTrainingSchema, ...errors },
      },
    },
    async (request) => myTrainings(db, requireActor(request), baseUrlOf(request, config.publicUrl)),
  );

  app.post(
    "/api/v1/training/check-in",
    {
      config: OWN,
      schema: {
        tags,
        summary: "Check in with the session's QR code (only in its time window)",
        body: s.checkInBody,
        response: { 200: s.checkInResponse, ...errors },
      },
    },
    async (request) => checkIn(db, requireActor(request), request.body.token),
  );

  app.post(
    "/api/v1/training/tests/:id/attempt",
    {
      config: OWN,
      schema: {
        tags,
        summary: "Start my attempt, or resume it with the saved answers",
        params: s.idParams,
        response: { 200: s.attemptSchema, ...errors },
      },
    },
    async (request) => startAttempt(db, requireActor(request), request.params.id),
  );

  app.put(
    "/api/v1/training/attempts/:id/answers/:position",
    {
      config: OWN,
      schema: {
        tags,
        summary: "Save one answer (displayed option index)",
        params: s.answerParams,
        body: s.answerBody,
        response: { 200: s.answerResponse, ...errors },
      },
    },
    async (request) =>
      saveAnswer(
        db,
        requireActor(request),
        request.params.id,
        request.params.position,
        request.body.selected,
      ),
  );

  app.post(
    "/api/v1/training/attempts/:id/submit",
    {
      config: OWN,
      schema: {
        tags,
        summary: "Submit; past the time limit the attempt closes at the limit",
        params: s.idParams,
        response: { 200: s.attemptSchema, ...errors },
      },
    },
    async (request) => submitAttempt(db, requireActor(request), request.params.id),
  );

  app.post(
    "/api/v1/training/cohorts/:id/evaluation",
    {
      config: OWN,
      schema: {
        tags,
        summary: "Anonymous evaluation of the cohort",
        params: s.idParams,
        body: s.evaluationBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await submitEvaluation(db, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/workers/:id/training",
    {
      config: { permission: "workers:read", personalData: true },
      schema: {
        tags: ["training", "workers"],
        summary: "A worker's trainings, competencies and scores",
        params: s.idParams,
        response: { 200: s.workerTrainingSchema, ...errors },
      },
    },
    async (request) => workerTraining(db, requireActor(request), request.params.id),
  );
};
