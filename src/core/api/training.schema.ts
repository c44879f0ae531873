/** Schemas of training (bimbingan dan pelatihan): programmes, cohorts, attendance, tests, reports. */
import { z } from "zod";
import { ATTENDANCE_STATUSES } from "../training/attendance.ts";
import { regionCodeParam } from "./common.schema.ts";

const date = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
    params: { id: "Tanggal harus berformat YYYY-MM-DD.", en: "A date must look like YYYY-MM-DD." },
  });
const time = z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), {
  params: { id: "Jam harus berformat HH:MM (WIB).", en: "A time must look like HH:MM (WIB)." },
});
export const idParams = z.object({ id: z.string().min(1).max(64) });
export const participantRoleSchema = z.enum(["tksk", "psm"]);
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

export const competencySchema = z
  .object({ code: z.string(), name: z.string(), description: z.string() })
  .meta({ id: "TrainingCompetency" });

export const moduleSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  hours: z.number(),
  objectives: z.array(z.object({ text: z.string(), competencyCode: z.string() })),
  questionCount: z.number().int(),
});

export const programmeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    year: z.number().int(),
    level: z.enum(["dasar", "lanjutan"]),
    organiser: z.string(),
    organiserCode: z.string(),
    quotas: z.record(z.string(), z.number().int()),
    completionRule: z.object({ minAttendanceRate: z.number(), minPostScore: z.number() }),
    signatory: z.object({ name: z.string(), title: z.string() }),
    cohortCount: z.number().int(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: "TrainingProgramme" });
export const programmeDetailSchema = programmeSchema.extend({ modules: z.array(moduleSchema) });

export const createProgrammeBody = z.object({
  name: z.string().trim().min(3).max(200),
  year: z.number().int().min(2000).max(2100),
  level: z.enum(["dasar", "lanjutan"]),
  organiser: z.string().trim().min(3).max(200),
  organiserCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/),
  quotas: z.object({ tksk: z.number().int().min(0).default(0), psm: z.number().int().min(0).default(0) }),
  minAttendanceRate: z.number().min(0).max(1).default(0.8),
  minPostScore: z.number().min(0).max(100).default(70),
  signatoryName: z.string().trim().min(3).max(200),
  signatoryTitle: z.string().trim().min(3).max(200),
  curriculum: z.enum(["dasar", "kosong"]).default("dasar").meta({
    description: "dasar: copy the shipped basic curriculum with its question bank; kosong: no modules",
  }),
});

/** Editing a programme validates exactly as creating one (the curriculum is copied only once). */
export const updateProgrammeBody = createProgrammeBody.omit({ curriculum: true });
export const updateModuleBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{1,10}$/),
  title: z.string().trim().min(3).max(200),
  hours: z.number().min(0).max(200),
});
/** Cancelling a session or cohort, archiving a programme, withdrawing a participant. */
export const reasonBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const optionalReasonBody = z.object({ reason: z.string().trim().min(3).max(500).optional() });

export const questionSchema = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    kind: z.enum(["mc", "tf"]),
    text: z.string(),
    options: z.array(z.string()),
    correctIndex: z.number().int(),
    competencyCode: z.string(),
    active: z.boolean(),
  })
  .meta({ id: "TrainingQuestion" });
export const createQuestionBody = z
  .object({
    kind: z.enum(["mc", "tf"]),
    text: z.string().trim().min(5).max(1000),
    options: z.array(z.string().trim().min(1).max(300)).min(2).max(6),
    correctIndex: z.number().int().min(0),
    competencyCode: z.string().min(1).max(20),
  })
  .refine((q) => q.correctIndex < q.options.length, {
    path: ["correctIndex"],
    message: "correct_out_of_range",
  })
  .refine((q) => q.kind !== "tf" || q.options.length === 2, { path: ["options"], message: "tf_needs_two" });
export const updateQuestionBody = z.object({ active: z.boolean() });

export const sessionSchema = z.object({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  venue: z.string(),
  trainer: z.string(),
  title: z.string(),
  moduleIds: z.array(z.string()),
  cancelledAt: z.string().nullable().meta({ description: "A cancelled session counts in no rate or hours" }),
});
export const createSessionBody = z
  .object({
    date,
    startTime: time,
    endTime: time,
    venue: z.string().trim().min(3).max(300),
    trainer: z.string().trim().min(3).max(200),
    title: z.string().trim().min(3).max(200),
    moduleIds: z.array(z.string()).default([]),
  })
  .refine((s) => s.startTime < s.endTime, { path: ["endTime"], message: "end_before_start" });
/** Editing a session validates exactly as adding one. */
export const updateSessionBody = createSessionBody;

export const cohortSchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    programmeName: z.string(),
    year: z.number().int(),
    name: z.string(),
    eligibleRegionCode: z.string().meta({ description: "Participants must work inside this region" }),
    venue: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    participants: z.object({ total: z.number().int(), byRole: z.record(z.string(), z.number().int()) }),
    sessionCount: z.number().int(),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: "TrainingCohort" });
export const createCohortBody = z.object({
  programmeId: z.string(),
  name: z.string().trim().min(3).max(200),
  eligibleRegionCode: regionCodeParam,
  venue: z.string().trim().min(3).max(300),
  startsOn: date,
  endsOn: date,
});
/** Editing a cohort validates exactly as creating one; it stays in its programme. */
export const updateCohortBody = createCohortBody.omit({ programmeId: true });
export const cohortListQuery = z.object({ programmeId: z.string().optional() });

export const participantSchema = z.object({
  enrolmentId: z.string(),
  workerId: z.string(),
  name: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  attendanceRate: z.number(),
  preScore: z.number().nullable(),
  postScore: z.number().nullable(),
  gain: z.number().nullable(),
  gainStatus: z.enum(["ok", "pre_perfect", "missing"]),
  completed: z.boolean(),
  certificateId: z.string().nullable(),
});
export const cohortDetailSchema = cohortSchema.extend({
  sessions: z.array(sessionSchema),
  tests: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["pre", "post"]),
      timeLimitMinutes: z.number().int(),
      questionsPerModule: z.number().int(),
      open: z.boolean(),
    }),
  ),
  roster: z.array(participantSchema),
  withdrawn: z.array(
    z.object({
      enrolmentId: z.string(),
      workerId: z.string(),
      name: z.string(),
      role: z.string(),
      regionName: z.string().nullable(),
      withdrawnAt: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export const eligibleWorkerSchema = z.object({
  workerId: z.string(),
  name: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
});
export const enrolBody = z.object({ workerIds: z.array(z.string()).min(1).max(500) });
export const enrolResponse = z.object({ enrolled: z.number().int(), participants: z.number().int() });

export const invitationSchema = z.object({
  enrolmentId: z.string(),
  name: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  invitedAt: z.string(),
  status: z.enum(["invited", "withdrawn"]),
  withdrawnAt: z.string().nullable(),
  sessionsAttended: z.number().int().meta({ description: "Sessions marked hadir or terlambat" }),
  sessions: z.array(
    sessionSchema.pick({ date: true, startTime: true, endTime: true, venue: true, title: true }),
  ),
  tests: z.array(z.enum(["pre", "post"])),
});

export const withdrawResponse = z.object({
  enrolmentId: z.string(),
  withdrawnAt: z.string(),
  participants: z.number().int(),
});

export const attendanceRosterSchema = z.object({
  session: sessionSchema,
  entries: z.array(
    z.object({
      enrolmentId: z.string(),
      name: z.string(),
      role: z.string(),
      status: attendanceStatusSchema.nullable(),
      method: z.string().nullable(),
    }),
  ),
});
export const markAttendanceBody = z.object({
  entries: z
    .array(z.object({ enrolmentId: z.string(), status: attendanceStatusSchema }))
    .min(1)
    .max(500),
});
export const checkInCodeSchema = z.object({
  token: z.string(),
  checkInUrl: z.string(),
  qrSvg: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
});
export const checkInBody = z.object({ token: z.string().min(10).max(100) });
export const checkInResponse = z.object({ sessionId: z.string(), status: attendanceStatusSchema });

export const testConfigBody = z.object({
  kind: z.enum(["pre", "post"]),
  timeLimitMinutes: z.number().int().min(1).max(240),
  questionsPerModule: z.number().int().min(1).max(50),
  open: z.boolean().default(true),
});

export const attemptSchema = z
  .object({
    id: z.string(),
    testId: z.string(),
    kind: z.enum(["pre", "post"]),
    startedAt: z.string(),
    deadlineAt: z.string(),
    submittedAt: z.string().nullable(),
    closedAtLimit: z.boolean(),
    score: z.number().nullable(),
    items: z.array(
      z.object({
        position: z.number().int(),
        text: z.string(),
        kind: z.enum(["mc", "tf"]),
        options: z.array(z.string()),
        /** Displayed index of the chosen option. */
        selected: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: "TrainingAttempt" });
export const answerParams = z.object({ id: z.string(), position: z.coerce.number().int().min(0) });
export const answerBody = z.object({ selected: z.number().int().min(0).nullable() });
export const answerResponse = z.object({
  position: z.number().int(),
  selected: z.number().int().nullable(),
  savedAt: z.string(),
});

export const itemAnalysisSchema = z.object({
  testId: z.string(),
  kind: z.enum(["pre", "post"]),
  attempts: z.number().int(),
  items: z.array(
    z.object({
      questionId: z.string(),
      moduleCode: z.string(),
      text: z.string(),
      n: z.number().int(),
      difficulty: z.number(),
      discrimination: z.number().nullable(),
    }),
  ),
});

const likert = z.number().int().min(1).max(5);
export const evaluationBody = z.object({
  content: likert,
  trainer: likert,
  venue: likert,
  usefulness: likert,
  comment: z.string().trim().max(2000).optional(),
});

export const certificateSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    code: z.string(),
    holderName: z.string(),
    programmeName: z.string(),
    completedOn: z.string(),
    issuedAt: z.string(),
    revokedAt: z.string().nullable(),
    verifyUrl: z.string(),
  })
  .meta({ id: "TrainingCertificate" });
export const issueResponse = z.object({
  issued: z.number().int(),
  alreadyIssued: z.number().int(),
  notCompleted: z.number().int(),
});
export const revokeBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const verifyParams = z.object({ code: z.string().min(1).max(40) });
export const verificationSchema = z
  .object({
    status: z.enum(["valid", "revoked"]),
    number: z.string(),
    name: z.string(),
    programme: z.string(),
    date: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "CertificateVerification" });

const gainGroup = z.object({
  code: z.string(),
  name: z.string(),
  preMean: z.number().nullable(),
  postMean: z.number().nullable(),
  gain: z.number().nullable(),
});
export const cohortReportSchema = z
  .object({
    cohort: cohortSchema,
    participants: z.object({ total: z.number().int(), byRole: z.record(z.string(), z.number().int()) }),
    quotas: z.record(z.string(), z.number().int()),
    sessions: z.number().int(),
    attendanceRate: z.number().nullable(),
    attendanceBySession: z.array(
      z.object({
        sessionId: z.string(),
        date: z.string(),
        title: z.string(),
        present: z.number().int(),
        rate: z.number(),
      }),
    ),
    attendanceByStatus: z.record(z.string(), z.number().int()),
    preMean: z.number().nullable(),
    postMean: z.number().nullable(),
    preTaken: z.number().int(),
    postTaken: z.number().int(),
    preDistribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    postDistribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
    gainMean: z.number().nullable(),
    gainCounted: z.number().int(),
    gainUndefined: z.object({ prePerfect: z.number().int(), missing: z.number().int() }),
    improved: z.number().int(),
    gainByModule: z.array(gainGroup),
    gainByCompetency: z.array(gainGroup),
    completed: z.number().int(),
    completionRate: z.number().nullable(),
    certificates: z.object({ valid: z.number().int(), revoked: z.number().int() }),
    evaluation: z.object({
      responses: z.number().int(),
      means: z.object({
        content: z.number().nullable(),
        trainer: z.number().nullable(),
        venue: z.number().nullable(),
        usefulness: z.number().nullable(),
      }),
      comments: z.array(z.string()),
    }),
  })
  .meta({ id: "TrainingCohortReport" });

export const workerTrainingSchema = z.object({
  workerId: z.string(),
  trainings: z.array(
    z.object({
      cohortId: z.string(),
      cohortName: z.string(),
      programmeName: z.string(),
      year: z.number().int(),
      startsOn: z.string(),
      endsOn: z.string(),
      attendanceRate: z.number(),
      preScore: z.number().nullable(),
      postScore: z.number().nullable(),
      gain: z.number().nullable(),
      gainStatus: z.enum(["ok", "pre_perfect", "missing"]),
      completed: z.boolean(),
      certificate: z.object({ number: z.string(), code: z.string(), revoked: z.boolean() }).nullable(),
    }),
  ),
  competencies: z.array(competencySchema.pick({ code: true, name: true })),
});

export const myTrainingSchema = z.object({
  workerId: z.string().nullable(),
  cohorts: z.array(
    z.object({
      cohortId: z.string(),
      enrolmentId: z.string(),
      name: z.string(),
      programmeName: z.string(),
      sessions: z.array(sessionSchema.extend({ status: attendanceStatusSchema.nullable() })),
      tests: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(["pre", "post"]),
          open: z.boolean(),
          timeLimitMinutes: z.number().int(),
          score: z.number().nullable(),
          submitted: z.boolean(),
        }),
      ),
      evaluated: z.boolean(),
      certificate: certificateSchema.nullable(),
    }),
  ),
});
