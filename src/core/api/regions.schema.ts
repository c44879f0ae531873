import { z } from "zod";
import { regionCodeParam } from "./common.schema.ts";

/** A region as the API returns it; codes are digits without dots. */
export interface RegionDto {
  code: string;
  name: string;
  kind: string;
  level: string;
  parentCode: string | null;
  postalCode: string | null;
  households: number;
  persons: number;
  children?: RegionDto[];
}

export const regionSchema: z.ZodType<RegionDto> = z
  .object({
    code: z.string().meta({ example: "3171011005" }),
    name: z.string(),
    kind: z.string().meta({ description: "provinsi, kota, kabupaten, kecamatan, kelurahan or desa" }),
    level: z.string().meta({ description: "provinsi, kota, kecamatan or kelurahan (by code length)" }),
    parentCode: z.string().nullable(),
    postalCode: z.string().nullable(),
    households: z.number().int().meta({ description: "Households registered in the region and below" }),
    persons: z.number().int().meta({ description: "Living persons registered in the region and below" }),
    get children() {
      return z.array(regionSchema).optional();
    },
  })
  .meta({ id: "Region" });

const depthParam = z.coerce
  .number()
  .int()
  .min(0)
  .max(3)
  .optional()
  .meta({ description: "Levels of children to include (default: the whole subtree)" });

export const regionListQuery = z.object({
  parent: regionCodeParam.optional().meta({ description: "Only the direct children of this region" }),
  depth: depthParam,
});

export const regionListResponse = z.object({ items: z.array(regionSchema) });

export const regionParams = z.object({ code: regionCodeParam });

export const regionQuery = z.object({ depth: depthParam });

export const regionDetailResponse = z
  .object({
    region: regionSchema,
    ancestors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
  })
  .meta({ id: "RegionDetail" });
