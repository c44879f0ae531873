/** Schemas of the audit trail. */
import { z } from "zod";

export const AUDIT_ACTIONS = ["create", "update", "delete", "view", "export"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS),
    table: z.string(),
    recordId: z.string().nullable(),
    regionCode: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditListQuery = z.object({
  userId: z.string().optional(),
  username: z.string().optional(),
  table: z.string().optional(),
  recordId: z.string().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .optional()
    .meta({ description: "From (inclusive)" }),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().meta({ description: "Until (exclusive)" }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
export const auditListResponse = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });

export const auditRecordParams = z.object({
  table: z.string().regex(/^[a-z_]{1,64}$/),
  id: z.string().min(1).max(100),
});
