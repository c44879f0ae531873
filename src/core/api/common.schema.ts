/** Schemas shared by many endpoints. */
import { z } from "zod";
import { normalizeRegionCode } from "../region/region-code.ts";

/** A region code in a request: dots allowed; becomes digits only. */
export const regionCodeParam = z
  .string()
  .transform((value, ctx) => {
    const code = normalizeRegionCode(value);
    if (!code) {
      ctx.addIssue({
        code: "custom",
        message: "region_code_invalid",
        params: {
          id: `Kode wilayah '${value}' tidak valid: gunakan 2, 4, 6 atau 10 digit, boleh bertitik.`,
          en: `Region code '${value}' is not valid: use 2, 4, 6 or 10 digits, dots allowed.`,
        },
      });
      return z.NEVER;
    }
    return code;
  })
  .meta({
    description: "Kode wilayah Kemendagri, dengan atau tanpa titik (31.71.01 atau 317101)",
    example: "3171",
  });

/** RFC 9457 problem details, as every error response carries them. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: "Stable error code" }),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    retryAt: z.iso.datetime().optional().meta({
      description: "When the request may succeed again (the end of an account lock or a login throttle)",
    }),
    errors: z
      .array(
        z.object({
          field: z.string(),
          code: z.string(),
          message: z.string(),
          value: z.string().optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;
