import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idParams } from "../../../core/api/auth.schema.ts";
import {
  createHouseholdBody,
  createPpksBody,
  householdDetailSchema,
  householdListQuery,
  householdListResponse,
  householdPpksParams,
  ppksClassificationSchema,
  ppksListResponse,
  updateHouseholdBody,
  updatePpksBody,
} from "../../../core/api/registry.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requirePermission } from "../auth/actor.ts";
import { registerCrudRoutes, registryRoute } from "../persons/registry-routes.shared.ts";
import {
  addHouseholdPpks,
  assertHouseholdVisible,
  listHouseholdPpks,
  updateHouseholdPpks,
} from "../ppks/ppks.service.ts";
import {
  createHousehold,
  deleteHousehold,
  getHousehold,
  listHouseholds,
  updateHousehold,
} from "./households.service.ts";

/** Households (keluarga) within the caller's region, and their PPKS classifications. */
export const householdsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  registerCrudRoutes(app, {
    path: "/api/v1/households",
    read: "households:read",
    write: "households:write",
    detail: householdDetailSchema,
    list: {
      summary: "List households (KK masked); q is a whole KK number or address words",
      query: householdListQuery,
      response: householdListResponse,
      run: (actor, query) => listHouseholds(db, actor, query),
    },
    create: {
      summary: "Register a household (client id: a repeated create is idempotent)",
      body: createHouseholdBody,
      run: async (actor, body) => {
        const { created, household } = await createHousehold(db, actor, body);
        return { created, value: household };
      },
    },
    get: {
      summary: "One household with members, PPKS and history (the view is audited)",
      run: (actor, id) => getHousehold(db, actor, id),
    },
    update: {
      summary: "Change a household; a new address is recorded as a move",
      body: updateHouseholdBody,
      run: (actor, id, body) => updateHousehold(db, actor, id, body),
    },
    remove: {
      summary: "Delete an empty household registered by mistake (audited)",
      run: (actor, id) => deleteHousehold(db, actor, id),
    },
  });

  app.get(
    "/api/v1/households/:id/ppks",
    registryRoute("households:read", "PPKS classifications of a household and of its members", {
      params: idParams,
      response: { 200: ppksListResponse },
    }),
    async (request) =>
      listHouseholdPpks(db, requirePermission(request, "households:read"), request.params.id),
  );

  app.post(
    "/api/v1/households/:id/ppks",
    {
      ...registryRoute(
        "households:write",
        "Classify the whole household as PPKS (client id: a repeated add is idempotent)",
        {
          params: idParams,
          body: createPpksBody,
          response: { 200: ppksClassificationSchema, 201: ppksClassificationSchema },
        },
      ),
      // A household outside the caller's region does not exist for them, whatever the body says.
      preValidation: async (request) => {
        const { id } = request.params as { id: string };
        await assertHouseholdVisible(db, requirePermission(request, "households:write"), id);
      },
    },
    async (request, reply) => {
      const { created, classification } = await addHouseholdPpks(
        db,
        requirePermission(request, "households:write"),
        request.params.id,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(classification);
    },
  );

  app.patch(
    "/api/v1/households/:id/ppks/:ppksId",
    registryRoute(
      "households:write",
      "Change the status (aktif, ditangani, selesai) or note of one of the household's PPKS classifications",
      { params: householdPpksParams, body: updatePpksBody, response: { 200: ppksClassificationSchema } },
    ),
    async (request) =>
      updateHouseholdPpks(
        db,
        requirePermission(request, "households:write"),
        request.params.id,
        request.params.ppksId,
        request.body,
      ),
  );
};
