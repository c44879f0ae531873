/** Schemas of the workforce registry (TKSK and PSM). */
import { z } from "zod";
import { regionCodeParam } from "./common.schema.ts";

export const workerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(["tksk", "psm"]),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    phone: z.string().nullable().meta({ description: "Masked in lists; whole on the detail view (audited)" }),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "Worker" });
export type WorkerDto = z.infer<typeof workerSchema>;

export const workerListQuery = z.object({
  role: z.enum(["tksk", "psm"]).optional(),
  region: regionCodeParam.optional().meta({ description: "Only workers in this region subtree" }),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const workerListResponse = z.object({ items: z.array(workerSchema), total: z.number().int() });

export const updateWorkerBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  active: z.boolean().optional(),
});
