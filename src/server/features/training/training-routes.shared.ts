/**
 * What the training and certificate route files share: the error responses, the OpenAPI tag,
 * binary downloads and the public address for links.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { problemSchema } from "../../../core/api/common.schema.ts";

export const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

export const tags = ["training"];

/** A binary download (XLSX, PDF, ZIP) in the OpenAPI document. */
export function fileResponse(description: string) {
  return z.any().meta({ description });
}

/** Sends a file to be saved under `filename` rather than shown in the browser. */
export function sendAttachment(
  reply: FastifyReply,
  type: string,
  filename: string,
  body: Buffer | Uint8Array,
) {
  return reply.type(type).header("content-disposition", `attachment; filename="${filename}"`).send(body);
}

/** A filename-safe form of a name, for downloads. */
export const slug = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The public address for links in QR codes and certificates: PEDULI_PUBLIC_URL when configured,
 * else the origin of this request (which is only right when users reach the server directly).
 */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
