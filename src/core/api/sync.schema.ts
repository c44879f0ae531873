/**
 * The offline sync API: a phone pushes its outbox in batches and pulls what changed in its scope
 * since a change number. Each pushed change has its own id (the idempotency key: a change is
 * applied at most once however often it arrives) and gets its own result.
 */
import { z } from "zod";

/** What a phone can record offline. */
export const CHANGE_KINDS = [
  "household.create",
  "household.update",
  "person.create",
  "person.update",
  "assessment.create",
  "case.create",
  "visit.create",
  "task.complete",
  "attendance.mark",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Per changed field: the value the phone saw (base) and the value entered. */
export const fieldEditSchema = z.object({ base: z.unknown(), value: z.unknown() });

export const syncChangeSchema = z
  .object({
    changeId: z.uuid().meta({ description: "Client-made UUIDv7; the change's idempotency key" }),
    kind: z.enum(CHANGE_KINDS),
    recordId: z.uuid().meta({ description: "The record created or changed" }),
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: "The create body of the kind's route, or the fields of the change" }),
    baseSeq: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: "Edits: the record's change number when the phone pulled it" }),
    edits: z
      .record(z.string(), fieldEditSchema)
      .optional()
      .meta({ description: "Edits: each changed field with its old (base) and new value" }),
    madeAt: z.iso.datetime().meta({ description: "When the worker made the change (phone clock)" }),
  })
  .meta({ id: "SyncChange" });
export type SyncChange = z.infer<typeof syncChangeSchema>;

export const deviceIdSchema = z.uuid().meta({ description: "The phone's id, made on first start" });

export const pushBody = z.object({
  deviceId: deviceIdSchema,
  changes: z.array(syncChangeSchema).min(1).max(100),
});
export type PushBody = z.infer<typeof pushBody>;

export const PUSH_STATUSES = ["applied", "duplicate", "rejected", "conflict"] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

export const conflictSchema = z
  .object({
    id: z.string(),
    tableName: z.enum(["households", "persons"]),
    recordId: z.string(),
    field: z.string(),
    serverValue: z.unknown(),
    clientValue: z.unknown(),
    changeId: z.string(),
    createdBy: z.string(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    resolution: z.enum(["server", "client"]).nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    subject: z
      .object({
        name: z.string().nullable().meta({ description: "The person's name (a persons conflict)" }),
        address: z
          .string()
          .nullable()
          .meta({ description: "The household's address (a households conflict)" }),
        rw: z.string().nullable(),
        rt: z.string().nullable(),
        kkNumber: z.string().nullable().meta({ description: "The household's KK number, masked" }),
      })
      .nullable()
      .optional()
      .meta({
        description: "Whom the record is about, as it is now (the conflict list only); null when gone",
      }),
  })
  .meta({ id: "SyncConflict" });
export type SyncConflictDto = z.infer<typeof conflictSchema>;

export const pushResultSchema = z.object({
  changeId: z.string(),
  status: z.enum(PUSH_STATUSES),
  code: z.string().optional().meta({ description: "Rejected: the stable error code" }),
  message: z.string().optional().meta({ description: "Rejected: the reason, in the request's language" }),
  conflicts: z.array(conflictSchema).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;
export const pushResponse = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponse>;

/** The tables of the working set that follow the change numbers (pulled since N, with removals). */
export const CHANGE_TABLES = ["households", "persons", "cases", "case_tasks"] as const;
export type ChangeTable = (typeof CHANGE_TABLES)[number];

/**
 * Reference tables: small, sent whole whenever their fingerprint differs from the one the phone
 * holds (pull `refs`), and then listed in `replace` (the phone drops rows not sent). Each record's
 * `data` has the shape the named GET route presents:
 *
 * - `indicator_sets`: the indicator set the assessment form uses (the newest version of the
 *   default set), as GET /api/v1/indicator-sets/:id: `{ id, code, version, name, k, …,
 *   definition }`. The record id is the set id.
 * - `ppks_categories`: the PPKS catalogue, as the items of GET /api/v1/ppks-categories
 *   (`{ code, name, group, … }`); the record id is the code.
 * - `services`: the referral catalogue, as the items of GET /api/v1/services (shipped programmes
 *   and services, and the PSKS organisations in the user's region); the record id is the item id.
 * - `training_sessions`: the sessions of the cohorts the user takes part in (and, for a trainer,
 *   of the cohorts in their region running from a week ago), as the sessions of GET
 *   /api/v1/training/me (`{ id, date, startTime, endTime, venue, trainer, title, moduleIds }`)
 *   plus `cohortId`, `cohortName`, `programmeName`.
 * - `enrolments`: the user's own enrolments, as the cohorts of GET /api/v1/training/me
 *   (`{ enrolmentId, cohortId, name, programmeName, tests, evaluated }`, with `id` = enrolment id
 *   and `workerId`, `participantName`, `own: true`); for a trainer also the participants of the
 *   cohorts above (`{ id, enrolmentId, cohortId, workerId, participantName, role, own: false }`):
 *   what marking attendance (`attendance.mark`: sessionId + enrolmentId) needs.
 */
export const REFERENCE_TABLES = [
  "indicator_sets",
  "ppks_categories",
  "services",
  "training_sessions",
  "enrolments",
] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

/** Every table a phone holds: read them with `store.listRecords(table)`. */
export const SYNC_TABLES = [...CHANGE_TABLES, ...REFERENCE_TABLES] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export const pullQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  deviceId: deviceIdSchema
    .optional()
    .meta({ description: "The phone: its last change number is kept and a wipe request answered" }),
  scope: z
    .string()
    .max(40)
    .default("")
    .meta({ description: "The scope fingerprint the phone's data was pulled under" }),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
  refs: z.string().max(80).default("").meta({
    description: "Fingerprint of the reference tables the phone holds (sent whole when it differs)",
  }),
  cutoff: z
    .string()
    .max(80)
    .default("")
    .meta({ description: "Over the device budget: the selection the phone holds, as the last pull said" }),
});
export type PullQuery = z.infer<typeof pullQuery>;

export const pulledRecordSchema = z.object({
  table: z.enum(SYNC_TABLES),
  id: z.string(),
  seq: z.number().int(),
  data: z.record(z.string(), z.unknown()),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponse = z
  .object({
    scope: z.string().meta({ description: "The user's scope fingerprint now" }),
    reset: z.boolean().meta({ description: "The scope changed: drop all local records and pull from 0" }),
    wipe: z.boolean().meta({ description: "An administrator asked to wipe this device" }),
    records: z.array(pulledRecordSchema),
    removed: z.array(z.object({ table: z.enum(SYNC_TABLES), id: z.string() })),
    nextSince: z.number().int(),
    hasMore: z.boolean(),
    refs: z.string().meta({ description: "Fingerprint of the reference tables now" }),
    replace: z
      .array(z.enum(REFERENCE_TABLES))
      .meta({ description: "Tables sent whole in this page: drop local rows of them that were not sent" }),
    budget: z
      .object({
        inScope: z.number().int().meta({ description: "Persons in the user's scope" }),
        limit: z.number().int().meta({ description: "The most persons a phone holds" }),
        cutoff: z.string().meta({ description: "The held selection: send it back as `cutoff`" }),
      })
      .nullable()
      .meta({
        description:
          "Set when the scope holds more persons than the budget: the phone holds a prioritised subset (docs/offline.md)",
      }),
  })
  .meta({ id: "SyncPull" });
export type PullResponse = z.infer<typeof pullResponse>;

export const deviceReportBody = z.object({
  deviceId: deviceIdSchema,
  counts: z.record(z.string(), z.number().int().min(0)),
  pending: z.number().int().min(0),
  wiped: z.boolean().default(false),
  userAgent: z.string().max(300).optional(),
});

export const deviceSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string().nullable(),
    lastSyncSeq: z.number().int(),
    lastSeenAt: z.string(),
    counts: z.record(z.string(), z.number()),
    pending: z.number().int(),
    userAgent: z.string().nullable(),
    wipeRequestedAt: z.string().nullable(),
    wipedAt: z.string().nullable(),
  })
  .meta({ id: "SyncDevice" });
export const deviceListResponse = z.object({ items: z.array(deviceSchema), total: z.number().int() });

export const conflictListQuery = z.object({
  open: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  recordId: z.uuid().optional(),
});
export const conflictListResponse = z.object({ items: z.array(conflictSchema), total: z.number().int() });
export const resolveConflictBody = z.object({
  keep: z.enum(["server", "client"]).meta({ description: "Which value stays" }),
});

/**
 * Per-device budget: the most persons a phone holds (docs/offline.md). A scope with more (a
 * TKSK's kecamatan) gets a prioritised subset: households with open cases or tasks, then with
 * active PPKS, then assessed in the last 180 days, then the rest, up to the budget.
 */
export const DEVICE_PERSON_BUDGET = 40_000;

export const deviceKeyQuery = z.object({ deviceId: deviceIdSchema });
export const deviceKeyResponse = z.object({
  deviceId: z.string(),
  key: z.string().meta({ description: "AES-256-GCM key (base64) of the device's offline data" }),
});
