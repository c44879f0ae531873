/**
 * The route shape households and persons share: a scoped collection with list, idempotent create,
 * audited detail, change and delete, every route flagged as personal data with its permission (so
 * the scope test walks it) and answering problem+json on the usual errors. One declaration here
 * keeps the five routes of each collection identical in config, tags and status codes.
 */

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Permission } from "../../../core/access/permissions.ts";
import { idParams } from "../../../core/api/auth.schema.ts";
import { problemSchema } from "../../../core/api/common.schema.ts";
import { SEARCH_LIMIT } from "../../http/rate-limits.ts";
import { type Actor, requirePermission } from "../auth/actor.ts";

export const registryErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

/** Options of a personal-data registry route: config (flag, permission) and a tagged schema. */
export function registryRoute<S extends { response: Record<number, z.ZodType> }>(
  permission: Permission,
  summary: string,
  schema: S,
) {
  return {
    config: { personalData: true, permission },
    schema: { tags: ["registry"], summary, ...schema, response: { ...schema.response, ...registryErrors } },
  };
}

/** What a collection declares once; each handler receives the actor holding the route's permission. */
export interface CrudSpec<
  ListQuery extends z.ZodType,
  ListResponse extends z.ZodType,
  CreateBody extends z.ZodType,
  UpdateBody extends z.ZodType,
  Detail extends z.ZodType,
> {
  /** Collection path, e.g. /api/v1/households. */
  path: string;
  read: Permission;
  write: Permission;
  detail: Detail;
  list: {
    summary: string;
    query: ListQuery;
    response: ListResponse;
    run: (actor: Actor, query: z.output<ListQuery>) => Promise<z.input<ListResponse>>;
  };
  create: {
    summary: string;
    body: CreateBody;
    /** `created` false when the client id was already stored (answered 200 instead of 201). */
    run: (actor: Actor, body: z.output<CreateBody>) => Promise<{ created: boolean; value: z.input<Detail> }>;
  };
  get: { summary: string; run: (actor: Actor, id: string) => Promise<z.input<Detail>> };
  update: {
    summary: string;
    body: UpdateBody;
    run: (actor: Actor, id: string, body: z.output<UpdateBody>) => Promise<z.input<Detail>>;
  };
  remove: { summary: string; run: (actor: Actor, id: string) => Promise<void> };
}

/** Declares GET/POST on the collection and GET/PATCH/DELETE on `/:id` from one spec. */
export function registerCrudRoutes<
  ListQuery extends z.ZodType,
  ListResponse extends z.ZodType,
  CreateBody extends z.ZodType,
  UpdateBody extends z.ZodType,
  Detail extends z.ZodType,
>(app: object, spec: CrudSpec<ListQuery, ListResponse, CreateBody, UpdateBody, Detail>): void {
  // The spec's `run` signatures carry the types; inside, the generic schemas cannot be resolved
  // by the type provider, so the handlers work on the plain instance.
  const typed = app as FastifyInstance;
  const { path, read, write, detail } = spec;
  const item = `${path}/:id`;
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  const list = registryRoute(read, spec.list.summary, {
    querystring: spec.list.query,
    response: { 200: spec.list.response },
  });
  typed.get(path, { ...list, config: { ...list.config, rateLimit: SEARCH_LIMIT } }, async (request) =>
    spec.list.run(requirePermission(request, read), request.query as z.output<ListQuery>),
  );

  typed.post(
    path,
    registryRoute(write, spec.create.summary, {
      body: spec.create.body,
      response: { 200: detail, 201: detail },
    }),
    async (request, reply) => {
      const { created, value } = await spec.create.run(
        requirePermission(request, write),
        request.body as z.output<CreateBody>,
      );
      return reply.code(created ? 201 : 200).send(value);
    },
  );

  typed.get(
    item,
    registryRoute(read, spec.get.summary, { params: idParams, response: { 200: detail } }),
    async (request) => spec.get.run(requirePermission(request, read), idOf(request)),
  );

  typed.patch(
    item,
    registryRoute(write, spec.update.summary, {
      params: idParams,
      body: spec.update.body,
      response: { 200: detail },
    }),
    async (request) =>
      spec.update.run(requirePermission(request, write), idOf(request), request.body as z.output<UpdateBody>),
  );

  typed.delete(
    item,
    registryRoute(write, spec.remove.summary, { params: idParams, response: { 204: z.null() } }),
    async (request, reply) => {
      await spec.remove.run(requirePermission(request, write), idOf(request));
      return reply.code(204).send(null);
    },
  );
}
