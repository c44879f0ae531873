/**
 * Idempotency-Key for every mutating route (POST, PUT, PATCH, DELETE). The first request with a
 * key runs and its response is stored; a retry with the same key and the same request gets the
 * stored response (header `Idempotent-Replayed: true`) and has no second effect. The same key with
 * a different request is refused (422); a retry while the first is still running gets 409.
 * Keys are kept per principal for 24 hours.
 *
 * The response is stored after the handler's transaction has committed, so a crash in between
 * could let a retry run twice; offline sync (which must be exactly-once) also deduplicates by the
 * client-made record ids inside its own transactions.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { AppError } from "../../core/errors/app-error.ts";
import type { Database, Db } from "../db/database.ts";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

declare module "fastify" {
  interface FastifyRequest {
    /** Who is acting: set by authentication; "anonymous" before. */
    principalId?: string;
    idempotency?: { key: string; principal: string };
  }
}

function requestHash(request: FastifyRequest): string {
  return createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
}

/** Forgets the keys older than the retention period (on start, and hourly by the scheduler). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - RETENTION_MS).toISOString();
  await db.deleteFrom("idempotency_keys").where("created_at", "<", cutoff).execute();
}

export function installIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook("onReady", async () => purgeIdempotencyKeys(db, new Date()));

  app.addHook("preHandler", async (request, reply) => {
    const header = request.headers["idempotency-key"];
    if (!MUTATING.has(request.method) || header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || !KEY_PATTERN.test(key)) {
      throw new AppError("validation_failed", {}, [
        {
          field: "headers.idempotency-key",
          code: "invalid",
          message: {
            id: "Idempotency-Key harus 1–200 karakter ASCII tanpa spasi.",
            en: "Idempotency-Key must be 1–200 ASCII characters without spaces.",
          },
        },
      ]);
    }
    const principal = request.principalId ?? "anonymous";
    const hash = requestHash(request);
    const inserted = await db
      .insertInto("idempotency_keys")
      .values({
        key,
        principal,
        method: request.method,
        path: request.url,
        request_hash: hash,
        status_code: null,
        response_body: null,
        content_type: null,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(["key", "principal"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      request.idempotency = { key, principal };
      return;
    }
    const stored = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("key", "=", key)
      .where("principal", "=", principal)
      .executeTakeFirstOrThrow();
    if (stored.request_hash !== hash) throw new AppError("idempotency_key_reused");
    if (stored.status_code === null) throw new AppError("idempotency_in_progress");
    reply.header("idempotent-replayed", "true").status(stored.status_code);
    if (stored.content_type) reply.type(stored.content_type);
    return reply.send(stored.response_body ?? "");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const entry = request.idempotency;
    if (!entry) return payload;
    request.idempotency = undefined;
    const where = db
      .updateTable("idempotency_keys")
      .where("key", "=", entry.key)
      .where("principal", "=", entry.principal);
    if (
      reply.statusCode >= 500 ||
      (payload !== null && typeof payload !== "string" && !Buffer.isBuffer(payload))
    ) {
      // Failed or streamed responses are not replayed: the client may simply try again.
      await db
        .deleteFrom("idempotency_keys")
        .where("key", "=", entry.key)
        .where("principal", "=", entry.principal)
        .execute();
      return payload;
    }
    await where
      .set({
        status_code: reply.statusCode,
        response_body: payload === null || payload === undefined ? "" : payload.toString(),
        content_type: String(reply.getHeader("content-type") ?? "application/json"),
      })
      .execute();
    return payload;
  });
}
