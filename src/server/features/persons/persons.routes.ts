import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import {
  createPersonBody,
  createPpksBody,
  personDetailSchema,
  personListQuery,
  personListResponse,
  ppksClassificationSchema,
  updatePersonBody,
  updatePpksBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app.ts";
import { requirePermission } from "../auth/actor.ts";
import {
  addPersonPpks,
  assertPersonVisible,
  createPerson,
  deletePerson,
  getPerson,
  listPersons,
  updatePerson,
  updatePpks,
} from "./persons.service.ts";

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** Residents: search within the caller's region, audited detail views, audited changes. */
export const personsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, dialect }) => {
  app.get(
    "/api/v1/persons",
    {
      config: { personalData: true, permission: "persons:read" },
      schema: {
        tags: ["registry"],
        summary: "Search persons (name typo-tolerant; NIK/KK exact); NIK, KK and phone masked",
        querystring: personListQuery,
        response: { 200: personListResponse, ...errors },
      },
    },
    async (request) => listPersons(db, dialect, requirePermission(request, "persons:read"), request.query),
  );

  app.post(
    "/api/v1/persons",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Register a person, with or without NIK (client id: a repeated create is idempotent)",
        body: createPersonBody,
        response: { 200: personDetailSchema, 201: personDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created, person } = await createPerson(
        db,
        requirePermission(request, "persons:write"),
        request.body,
      );
      return reply.code(created ? 201 : 200).send(person);
    },
  );

  app.get(
    "/api/v1/persons/:id",
    {
      config: { personalData: true, permission: "persons:read" },
      schema: {
        tags: ["registry"],
        summary: "One person with whole NIK, PPKS and history (the view is audited)",
        params: idParams,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) => getPerson(db, requirePermission(request, "persons:read"), request.params.id),
  );

  app.patch(
    "/api/v1/persons/:id",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Change a person; moving household, death and a first NIK are recorded as events",
        params: idParams,
        body: updatePersonBody,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) =>
      updatePerson(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/persons/:id",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Delete a person registered by mistake (audited; a death is a PATCH)",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deletePerson(db, requirePermission(request, "persons:write"), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/persons/:id/ppks",
    {
      config: { personalData: true, permission: "persons:write" },
      // A person outside the caller's region does not exist for them, whatever the body says.
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        await assertPersonVisible(db, requirePermission(request, "persons:write"), id);
      },
      schema: {
        tags: ["registry"],
        summary: "Add a PPKS classification to a person",
        params: idParams,
        body: createPpksBody,
        response: { 200: personDetailSchema, ...errors },
      },
    },
    async (request) =>
      addPersonPpks(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );

  app.patch(
    "/api/v1/ppks/:id",
    {
      config: { personalData: true, permission: "persons:write" },
      schema: {
        tags: ["registry"],
        summary: "Change the status (aktif, ditangani, selesai) or note of a PPKS classification",
        params: idParams,
        body: updatePpksBody,
        response: { 200: ppksClassificationSchema, ...errors },
      },
    },
    async (request) =>
      updatePpks(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );
};
