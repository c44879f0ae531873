import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

import { idParams } from "../../../core/api/auth.schema.ts";
import {
  conflictListQuery,
  conflictListResponse,
  conflictSchema,
  deviceKeyQuery,
  deviceKeyResponse,
  deviceListResponse,
  deviceReportBody,
  deviceSchema,
  pullQuery,
  pullResponse,
  pushBody,
  pushResponse,
  resolveConflictBody,
} from "../../../core/api/sync.schema.ts";
import type { AppDeps } from "../../app-deps.ts";
import { requestLanguage } from "../../http/error-handler.ts";
import { requireActor, requirePermission } from "../auth/actor.ts";
import { errors } from "../cases/case-routes.shared.ts";
import { listConflicts, resolveConflict } from "./conflicts.service.ts";
import { deviceKey, listDevices, reportDevice, requestWipe } from "./devices.service.ts";
import { pullChanges } from "./pull.service.ts";
import { pushChanges } from "./push.service.ts";

const gzipAsync = promisify(gzip);

/** Offline sync of the field app (docs/offline.md): push, pull, conflicts and devices. */
export const syncRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps;
  const now = () => deps.now?.() ?? new Date();

  app.post(
    "/api/v1/sync/push",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["sync"],
        summary: "Send a batch of offline changes; each is applied at most once and gets its own result",
        body: pushBody,
        response: { 200: pushResponse, ...errors },
      },
    },
    async (request) =>
      pushChanges(
        { db, now },
        requirePermission(request, "households:read"),
        request.body,
        requestLanguage(request),
      ),
  );

  app.get(
    "/api/v1/sync/pull",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["sync"],
        summary: "Changes in the caller's scope since a change number, paged; gzip when accepted",
        querystring: pullQuery,
        response: { 200: pullResponse, ...errors },
      },
    },
    async (request, reply) => {
      const page = await pullChanges(db, requirePermission(request, "households:read"), request.query, now());
      if (!/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) return page;
      // Compressed here rather than by a plugin: the one large response of the API.
      const body = await gzipAsync(JSON.stringify(page), { level: 6 });
      return reply
        .header("content-encoding", "gzip")
        .header("vary", "accept-encoding")
        .type("application/json")
        .send(body as never);
    },
  );

  app.post(
    "/api/v1/sync/device",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["sync"],
        summary: "The phone reports what it holds and that a requested wipe was done",
        body: deviceReportBody,
        response: { 200: deviceSchema, ...errors },
      },
    },
    async (request) => reportDevice(db, requirePermission(request, "households:read"), request.body, now()),
  );

  app.get(
    "/api/v1/sync/key",
    {
      config: { permission: "households:read" },
      schema: {
        tags: ["sync"],
        summary:
          "The key of this device's offline data, only for its logged-in user (none while a wipe is pending)",
        querystring: deviceKeyQuery,
        response: { 200: deviceKeyResponse, ...errors },
      },
    },
    async (request) =>
      deviceKey(db, requirePermission(request, "households:read"), request.query.deviceId, now()),
  );

  app.get(
    "/api/v1/sync/conflicts",
    {
      config: { personalData: true, permission: "households:read" },
      schema: {
        tags: ["sync"],
        summary: "Conflicts of offline edits in the caller's region, with both values",
        querystring: conflictListQuery,
        response: { 200: conflictListResponse, ...errors },
      },
    },
    async (request) => listConflicts(db, requirePermission(request, "households:read"), request.query),
  );

  app.post(
    "/api/v1/sync/conflicts/:id/resolve",
    {
      config: { personalData: true, permission: "households:write" },
      schema: {
        tags: ["sync"],
        summary: "Keep the stored or the phone's value of a conflicting field",
        params: idParams,
        body: resolveConflictBody,
        response: { 200: conflictSchema, ...errors },
      },
    },
    async (request) =>
      resolveConflict(db, requireActor(request), request.params.id, request.body.keep, now()),
  );

  app.get(
    "/api/v1/sync/devices",
    {
      config: { permission: "users:manage" },
      schema: {
        tags: ["sync"],
        summary: "Devices holding offline data: user, last change number, counts, wipe state",
        response: { 200: deviceListResponse, ...errors },
      },
    },
    async (request) => listDevices(db, requirePermission(request, "users:manage")),
  );

  app.post(
    "/api/v1/sync/devices/:id/wipe",
    {
      config: { permission: "users:manage" },
      schema: {
        tags: ["sync"],
        summary: "Ask a device to delete its offline data at its next sync",
        params: idParams,
        response: { 200: deviceSchema, ...errors },
      },
    },
    async (request) => requestWipe(db, requirePermission(request, "users:manage"), request.params.id, now()),
  );
};
