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
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "peduli_session" },
          bearer: { type: "http", scheme: "bearer", description: "API token (pdl_…)" },
        },
      },
      tags: [
        { name: "system", description: "Kesehatan layanan / service health" },
        { name: "regions", description: "Wilayah (Kemendagri) / regions" },
        { name: "auth", description: "Masuk, keluar, token API / login, logout, API tokens" },
        { name: "users", description: "Pengguna dan peran / users and roles" },
        { name: "workers", description: "TKSK dan PSM / the field workforce" },
        {
          name: "registry",
          description:
            "Keluarga, penduduk, PPKS, PSKS, data ganda, impor/ekspor / households, residents, PPKS, PSKS, duplicates, import/export",
        },
        { name: "audit", description: "Jejak audit / audit trail" },
        { name: "training", description: "Bimbingan dan pelatihan, sertifikat / training and certificates" },
        { name: "cases", description: "Kasus, rujukan, kunjungan, tugas / cases, referrals, visits, tasks" },
        {
          name: "dashboards",
          description: "Dasbor wilayah dan laporan bulanan / area dashboards and monthly reports",
        },
        { name: "kinerja", description: "Kinerja petugas dan target / worker performance and targets" },
        { name: "sync", description: "Sinkronisasi aplikasi lapangan luring / offline field app sync" },
        {
          name: "poverty",
          description:
            "Kemiskinan multidimensi: set indikator, penilaian keluarga, analisis / multidimensional poverty: indicator sets, household assessments, analysis",
        },
        {
          name: "personal-data",
          description:
            "Data pribadi: perlu masuk (401), izin peran (403), dan dibatasi wilayah (404 di luar wilayah) / personal data: login, role permission and region scope required",
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
}
