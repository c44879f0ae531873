/** Schemas of the registry of households and residents: persons, households, PPKS, PSKS, duplicates, imports. */
import { z } from "zod";
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH_INSURANCE,
  MARITAL_STATUSES,
  OCCUPATIONS,
  RELATIONS,
} from "../person/person-enums.ts";
import { decodeListCursor } from "../registry/list-cursor.ts";
import { regionCodeParam } from "./common.schema.ts";

const codes = <T extends string>(e: { codes: readonly T[] }) => z.enum(e.codes as [T, ...T[]]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const digits16 = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ""));

export const PPKS_STATUSES = ["aktif", "ditangani", "selesai"] as const;
export const PPKS_SOURCE_CODES = ["temuan_lapangan", "laporan_warga", "dtks", "rujukan_instansi"] as const;

export const ppksClassificationSchema = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    householdId: z.string().nullable(),
    categoryCode: z.string(),
    categoryName: z.string().nullable(),
    foundOn: z.string(),
    source: z.string(),
    workerId: z.string().nullable(),
    status: z.enum(PPKS_STATUSES),
    note: z.string().nullable(),
    regionCode: z.string(),
  })
  .meta({ id: "PpksClassification" });

export const personEventSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    personId: z.string().nullable(),
    householdId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    occurredOn: z.string(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "PersonEvent" });

export const personSchema = z
  .object({
    id: z.string(),
    nik: z.string().nullable().meta({ description: "Masked in lists; whole on the detail view (audited)" }),
    nikStatus: z.enum(["ada", "belum_ada"]),
    name: z.string(),
    sex: z.enum(["L", "P"]),
    birthPlace: z.string().nullable(),
    birthDate: z.string().nullable(),
    relation: z.string(),
    maritalStatus: z.string().nullable(),
    education: z.string().nullable(),
    occupation: z.string().nullable(),
    monthlyIncome: z.number().nullable(),
    disability: z.string().nullable(),
    chronicIllness: z.string().nullable(),
    healthInsurance: z.string().nullable(),
    phone: z.string().nullable(),
    householdId: z.string().nullable(),
    regionCode: z.string(),
    diedAt: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "Person" });
export type PersonDto = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema
  .extend({
    ppks: z.array(ppksClassificationSchema),
    history: z.array(personEventSchema),
  })
  .meta({ id: "PersonDetail" });

export const householdSchema = z
  .object({
    id: z.string(),
    kkNumber: z.string().nullable().meta({ description: "Masked in lists; whole on the detail view" }),
    regionCode: z.string(),
    rw: z.string(),
    rt: z.string(),
    address: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    memberCount: z.number().int().optional(),
    updatedAt: z.string(),
  })
  .meta({ id: "Household" });
export type HouseholdDto = z.infer<typeof householdSchema>;

export const householdDetailSchema = householdSchema
  .extend({
    members: z.array(personSchema),
    ppks: z.array(ppksClassificationSchema),
    history: z.array(personEventSchema),
  })
  .meta({ id: "HouseholdDetail" });

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** A keyset cursor of a list whose order key has `length` values; becomes that key. */
const cursorParam = (length: number, description: string) =>
  z
    .string()
    .max(2000)
    .transform((value, ctx) => {
      const key = decodeListCursor(value, length);
      if (!key) {
        ctx.addIssue({
          code: "custom",
          message: "cursor_invalid",
          params: {
            id: "Kursor halaman tidak valid: gunakan nextCursor atau prevCursor dari halaman sebelumnya.",
            en: "The page cursor is not valid: use nextCursor or prevCursor of an earlier page.",
          },
        });
        return z.NEVER;
      }
      return key;
    })
    .meta({ description });

/**
 * Keyset paging, besides offset: `after` (a page's nextCursor) or `before` (its prevCursor) seek
 * to a row of the list's index, so a page far down costs what the first does; `last=true` reads
 * the last page. `offset` still applies, counted from the cursor (backwards with before/last).
 */
const keysetPaging = (length: number) => ({
  after: cursorParam(length, "Rows after this cursor (nextCursor of the page before)").optional(),
  before: cursorParam(length, "Rows before this cursor (prevCursor of the page after)").optional(),
  last: z.enum(["true", "false"]).optional().meta({ description: "The last page of the list" }),
});

/** Cursors of a page: null when no row follows (next) or comes before (prev). */
const pageCursors = {
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
};

/** Values in a household list cursor: kelurahan, RW, RT, address, id. */
export const HOUSEHOLD_CURSOR_LENGTH = 5;
/** Values in a person list cursor: kelurahan, name, id. */
export const PERSON_CURSOR_LENGTH = 3;

export const personListQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "Name (typo- and spelling-tolerant), or a whole NIK or KK number (exact)" }),
  nik: digits16.optional(),
  kk: digits16.optional(),
  region: regionCodeParam.optional(),
  rw: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  ppks: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional()
    .meta({ description: "Active PPKS category code" }),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  householdId: z.string().uuid().optional(),
  includeDead: z.enum(["true", "false"]).optional(),
  ...paging,
  // A name search ranks its matches and pages by offset only: the cursors apply without `q`.
  ...keysetPaging(PERSON_CURSOR_LENGTH),
});
export type PersonListQuery = z.infer<typeof personListQuery>;
export const personListResponse = z.object({
  items: z.array(personSchema),
  total: z.number().int(),
  /**
   * True when more persons match than are counted (a name search past 1,000, a list past
   * 10,000): show `total` as "1.000+".
   */
  totalIsLowerBound: z.boolean(),
  ...pageCursors,
});

export const householdListQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().meta({ description: "Whole KK number, or address text" }),
  region: regionCodeParam.optional(),
  rw: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  rt: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  ...paging,
  ...keysetPaging(HOUSEHOLD_CURSOR_LENGTH),
});
export const householdListResponse = z.object({
  items: z.array(householdSchema),
  total: z.number().int(),
  /** True when more households match than a list counts (10,000): show `total` as "10.000+". */
  totalIsLowerBound: z.boolean(),
  ...pageCursors,
});

const personFields = {
  name: z.string().trim().min(1).max(200),
  sex: z.enum(["L", "P"]),
  birthPlace: z.string().trim().max(100).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  relation: codes(RELATIONS),
  maritalStatus: codes(MARITAL_STATUSES).nullable().optional(),
  education: codes(EDUCATION_LEVELS).nullable().optional(),
  occupation: codes(OCCUPATIONS).nullable().optional(),
  monthlyIncome: z.number().int().min(0).nullable().optional(),
  disability: codes(DISABILITY_TYPES).nullable().optional(),
  chronicIllness: z.string().trim().max(200).nullable().optional(),
  healthInsurance: codes(HEALTH_INSURANCE).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
};

export const createPersonBody = z.object({
  id: z
    .string()
    .uuid()
    .optional()
    .meta({ description: "Client-made UUIDv7; repeating a create is idempotent" }),
  nik: z.string().trim().nullable().optional().meta({ description: "Leave empty for 'NIK belum ada'" }),
  householdId: z.string().uuid().nullable().optional(),
  regionCode: regionCodeParam.optional().meta({ description: "Required when there is no household" }),
  ...personFields,
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z.object({
  nik: z.string().trim().nullable().optional(),
  householdId: z
    .string()
    .uuid()
    .nullable()
    .optional()
    .meta({ description: "Moving is recorded as an event" }),
  diedAt: isoDate.nullable().optional().meta({ description: "Recording a death is an event" }),
  name: personFields.name.optional(),
  sex: personFields.sex.optional(),
  birthPlace: personFields.birthPlace,
  birthDate: personFields.birthDate,
  relation: personFields.relation.optional(),
  maritalStatus: personFields.maritalStatus,
  education: personFields.education,
  occupation: personFields.occupation,
  monthlyIncome: personFields.monthlyIncome,
  disability: personFields.disability,
  chronicIllness: personFields.chronicIllness,
  healthInsurance: personFields.healthInsurance,
  phone: personFields.phone,
});
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const createHouseholdBody = z.object({
  id: z.string().uuid().optional(),
  kkNumber: z.string().trim().nullable().optional(),
  regionCode: regionCodeParam,
  rw: z.string().regex(/^\d{1,3}$/),
  rt: z.string().regex(/^\d{1,3}$/),
  address: z.string().trim().min(1).max(300),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export type CreateHouseholdBody = z.infer<typeof createHouseholdBody>;

export const updateHouseholdBody = createHouseholdBody
  .omit({ id: true })
  .partial()
  .meta({ description: "Changing the address is recorded as a 'household moved' event" });
export type UpdateHouseholdBody = z.infer<typeof updateHouseholdBody>;

export const createPpksBody = z.object({
  id: z.string().uuid().optional(),
  categoryCode: z.string().regex(/^\d{1,2}$/),
  foundOn: isoDate,
  source: z.enum(PPKS_SOURCE_CODES),
  workerId: z.string().uuid().nullable().optional(),
  status: z.enum(PPKS_STATUSES).default("aktif"),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type CreatePpksBody = z.infer<typeof createPpksBody>;

export const updatePpksBody = z.object({
  status: z.enum(PPKS_STATUSES).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type UpdatePpksBody = z.infer<typeof updatePpksBody>;

/** A household and one of its PPKS classifications. */
export const householdPpksParams = z.object({ id: z.uuid(), ppksId: z.uuid() });
export const ppksListResponse = z.object({
  items: z.array(ppksClassificationSchema),
  total: z.number().int(),
});

/** The PPKS list of a region: its open classifications, or all of them with all=1. */
export const regionPpksQuery = z.object({
  region: regionCodeParam
    .optional()
    .meta({ description: "A region code: its PPKS only (default: the caller's whole area)" }),
  all: z.enum(["0", "1"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const ppksCategorySchema = z
  .object({ code: z.string(), name: z.string(), group: z.string(), active: z.boolean() })
  .meta({ id: "PpksCategory" });
export const ppksCategoryListResponse = z.object({
  items: z.array(ppksCategorySchema),
  total: z.number().int(),
});

export const psksSchema = z
  .object({
    id: z.string(),
    kindCode: z.string(),
    kindName: z.string().nullable(),
    name: z.string(),
    regionCode: z.string(),
    address: z.string().nullable(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "Psks" });
export const psksListQuery = z.object({
  region: regionCodeParam.optional(),
  above: z.enum(["true", "false"]).optional().meta({
    description:
      "Also the organisations registered for the regions above `region` (its kecamatan, city, province), which serve it too, even when they are outside your scope; listed after the region's own",
  }),
  kind: z.string().max(50).optional(),
  ...paging,
});
export const psksListResponse = z.object({ items: z.array(psksSchema), total: z.number().int() });
export const createPsksBody = z.object({
  id: z.string().uuid().optional(),
  kindCode: z.string().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  regionCode: regionCodeParam,
  address: z.string().trim().max(300).nullable().optional(),
  contactName: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const psksKindListResponse = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), active: z.boolean() })),
  total: z.number().int(),
});
export const updatePsksBody = createPsksBody
  .omit({ id: true })
  .partial()
  .meta({ description: "Only the fields sent change" });
export type UpdatePsksBody = z.infer<typeof updatePsksBody>;

export const duplicateSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["same_name_birth", "nik_name_conflict", "reported"]),
    status: z.enum(["pending", "merged", "dismissed"]),
    person: personSchema,
    otherPerson: personSchema.nullable(),
    incoming: z.record(z.string(), z.unknown()).nullable(),
    regionCode: z.string(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: "DuplicateCandidate" });
export const duplicateListQuery = z.object({
  status: z.enum(["pending", "merged", "dismissed"]).default("pending"),
  region: regionCodeParam.optional(),
  ...paging,
});
export const duplicateListResponse = z.object({ items: z.array(duplicateSchema), total: z.number().int() });
export const reportDuplicateBody = z.object({
  personId: z.string().uuid(),
  otherPersonId: z.string().uuid(),
});
export const mergeDuplicateBody = z.object({
  keepPersonId: z.string().uuid().meta({ description: "The record that stays; the other is merged into it" }),
  note: z.string().trim().max(1000).optional(),
});
export const dismissDuplicateBody = z.object({ note: z.string().trim().max(1000).optional() });

export const importSummarySchema = z
  .object({
    read: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    households: z.number().int(),
  })
  .meta({ id: "ImportSummary" });
export const importRowProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export const importResultSchema = z
  .object({
    summary: importSummarySchema,
    written: z.boolean(),
    unknownColumns: z.array(z.string()),
    problems: z.array(importRowProblemSchema),
  })
  .meta({ id: "ImportResult" });
export const importQuery = z.object({
  skipInvalid: z.enum(["true", "false"]).optional(),
  dryRun: z.enum(["true", "false"]).optional(),
  ppksSource: z.enum(PPKS_SOURCE_CODES).optional(),
});

export const exportQuery = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  region: regionCodeParam.optional(),
  rw: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  ppks: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
});
