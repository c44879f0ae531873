/** The OpenAPI 3 document, generated from the routes' zod schemas, and the browsable reference. */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

export const API_VERSION = "0.1.0";

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Peduli API",
        version: API_VERSION,
        description:
          "API Peduli untuk TKSK, PSM dan Suku Dinas Sosial. Pesan kesalahan berbahasa Indonesia; kirim `Accept-Language: en` untuk bahasa Inggris. Setiap permintaan yang mengubah data menerima header `Idempotency-Key`.\n\nPeduli API for TKSK, PSM and the Suku Dinas Sosial. Errors are application/problem+json (RFC 9457) with a stable `code`.",
        license: { name: "MIT" },
      },
      tags: [
        { name: "system", description: "Kesehatan layanan / service health" },
        { name: "regions", description: "Wilayah (Kemendagri) / regions" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
}
