/**
 * The person import as a job: an upload starts it and answers at once; the import page polls it
 * for rows read, validated and written, then for the result (the same as the synchronous upload's
 * and the CLI's summary). See docs/import.md.
 */
import { z } from "zod";
import { importResultSchema } from "./registry.schema.ts";

export const importJobParams = z.object({ id: z.string().uuid() });

export const importJobSchema = z
  .object({
    id: z.string().uuid(),
    state: z.enum(["running", "finished", "failed"]),
    phase: z
      .enum(["queued", "validating", "writing", "done"])
      .meta({ description: "validating: every row is read and checked; writing: accepted rows are saved" }),
    dryRun: z.boolean(),
    /** Data rows in the file (CSV: its lines after the header; null for XLSX until read). */
    totalRows: z.number().int().nullable(),
    read: z.number().int().meta({ description: "Rows read and validated so far" }),
    rejected: z.number().int(),
    written: z.number().int().meta({ description: "Rows written so far (0 in a dry run)" }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    result: importResultSchema.nullable().meta({ description: "When finished: summary and rejected rows" }),
    error: z
      .object({
        code: z.string(),
        message: z.object({ id: z.string(), en: z.string() }),
        problems: z.array(
          z.object({
            field: z.string(),
            code: z.string(),
            message: z.object({ id: z.string(), en: z.string() }),
          }),
        ),
      })
      .nullable()
      .meta({ description: "When failed: why (for example a missing required column)" }),
  })
  .meta({ id: "ImportJob" });
