import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import {
  createPersonBody,
  createPpksBody,
  personDetailSchema,
  personListQuery,
  personListResponse,
  ppksClassificationSchema,
  ppksListResponse,
  regionPpksQuery,
  updatePersonBody,
  updatePpksBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { listRegionPpks } from "../ppks/ppks.service.ts";
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
import { registerCrudRoutes, registryRoute } from "./registry-routes.shared.ts";

/** Residents: search within the caller's region, audited detail views, audited changes. */
export const personsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db, dialect }) => {
  registerCrudRoutes(app, {
    path: "/api/v1/persons",
    read: "persons:read",
    write: "persons:write",
    detail: personDetailSchema,
    list: {
      summary: "Search persons (name typo-tolerant; NIK/KK exact); NIK, KK and phone masked",
      query: personListQuery,
      response: personListResponse,
      run: (actor, query) => listPersons(db, dialect, actor, query),
    },
    create: {
      summary: "Register a person, with or without NIK (client id: a repeated create is idempotent)",
      body: createPersonBody,
      run: async (actor, body) => {
        const { created, person } = await createPerson(db, actor, body);
        return { created, value: person };
      },
    },
    get: {
      summary: "One person with whole NIK, PPKS and history (the view is audited)",
      run: (actor, id) => getPerson(db, actor, id),
    },
    update: {
      summary: "Change a person; moving household, death and a first NIK are recorded as events",
      body: updatePersonBody,
      run: (actor, id, body) => updatePerson(db, actor, id, body),
    },
    remove: {
      summary: "Delete a person registered by mistake (audited; a death is a PATCH)",
      run: (actor, id) => deletePerson(db, actor, id),
    },
  });

  app.post(
    "/api/v1/persons/:id/ppks",
    {
      ...registryRoute("persons:write", "Add a PPKS classification to a person", {
        params: idParams,
        body: createPpksBody,
        response: { 200: personDetailSchema },
      }),
      // A person outside the caller's region does not exist for them, whatever the body says.
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        await assertPersonVisible(db, requirePermission(request, "persons:write"), id);
      },
    },
    async (request) =>
      addPersonPpks(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );

  app.get(
    "/api/v1/ppks",
    registryRoute(
      "households:read",
      "The PPKS of the caller's area or of one region: open classifications, or all with all=1",
      {
        querystring: regionPpksQuery,
        response: { 200: ppksListResponse },
      },
    ),
    async (request) =>
      listRegionPpks(db, requirePermission(request, "households:read"), {
        region: request.query.region,
        all: request.query.all === "1",
        limit: request.query.pageSize,
        offset: (request.query.page - 1) * request.query.pageSize,
      }),
  );

  app.patch(
    "/api/v1/ppks/:id",
    registryRoute(
      "persons:write",
      "Change the status (aktif, ditangani, selesai) or note of a PPKS classification",
      { params: idParams, body: updatePpksBody, response: { 200: ppksClassificationSchema } },
    ),
    async (request) =>
      updatePpks(db, requirePermission(request, "persons:write"), request.params.id, request.body),
  );
};
