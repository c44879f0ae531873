/**
 * Demo data for training: the 2024 Bimbingan dan Pelatihan Tingkat Dasar of Jakarta Pusat for its
 * 8 TKSK and 44 PSM, opened by the Wali Kota on Thursday 2 May 2024 in the Ruang Serbaguna Besar
 * of the Kantor Wali Kota. One cohort with six sessions over three days (WIB), attendance,
 * pre- and post-test answers (synthetic and deterministic: most participants improve, a few do
 * not, one missed the pre-test), anonymous evaluations and the certificates of the completers, so
 * that the cohort report is full on first start. Seeding again replaces the demo programme.
 */
import { AppError } from "../../../core/errors/app-error.ts";
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  sessionInstants,
} from "../../../core/training/attendance.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { issueForCohort } from "../certificates/certificates.service.ts";
import { createRandom, type Random, workerName } from "../demo/demo-population.ts";
import { insertSession } from "./cohorts.service.ts";
import { insertProgramme } from "./programmes.service.ts";
import { createAttempt, finishAttempt } from "./tests.service.ts";

export interface DemoTrainingSummary {
  programmes: number;
  participants: number;
  certificates: number;
}

const VENUE = "Ruang Serbaguna Besar, Kantor Wali Kota Jakarta Pusat, Jalan Tanah Abang I, Gambir";
const SESSIONS = [
  {
    date: "2024-05-02",
    startTime: "08:00",
    endTime: "12:00",
    module: "M1",
    title: "Pembukaan oleh Wali Kota; peran TKSK dan PSM, PPKS dan PSKS",
  },
  {
    date: "2024-05-02",
    startTime: "13:00",
    endTime: "16:00",
    module: "M2",
    title: "Data kependudukan dan asesmen kemiskinan multidimensi",
  },
  {
    date: "2024-05-03",
    startTime: "08:00",
    endTime: "11:30",
    module: "M3",
    title: "Pendampingan dan rujukan ke program",
  },
  {
    date: "2024-05-03",
    startTime: "13:30",
    endTime: "16:30",
    module: "M4",
    title: "Kerja komunitas di wilayah",
  },
  {
    date: "2024-05-04",
    startTime: "08:00",
    endTime: "12:00",
    module: "M5",
    title: "Etika pekerjaan sosial dan pelindungan data pribadi",
  },
  {
    date: "2024-05-04",
    startTime: "13:00",
    endTime: "15:00",
    module: "M6",
    title: "Pelaporan kegiatan; post-test dan penutupan",
  },
];
const COMMENTS = [
  "Materi rujukan program sangat membantu pekerjaan di kelurahan.",
  "Waktu untuk praktik asesmen kurang, mohon ditambah.",
  "Pelatih menjelaskan dengan contoh kasus yang nyata.",
  "Ruangan agak dingin, tetapi nyaman.",
  "Perlu pelatihan lanjutan tentang pelindungan data pribadi.",
  "Contoh laporan yang baik sangat berguna.",
];

/** Seeds the demo training inside the caller's transaction, after the demo workers exist. */
export async function seedDemoTraining(
  trx: Db,
  options: { seed?: number } = {},
): Promise<DemoTrainingSummary> {
  const rnd = createRandom((options.seed ?? 2024) + 7);
  await trx.deleteFrom("training_programmes").where("is_demo", "=", 1).execute();
  const workers = await trx
    .selectFrom("workers")
    .selectAll()
    .where("is_demo", "=", 1)
    .where("region_code", "like", "3171%")
    .orderBy("role", "desc")
    .orderBy("region_code")
    .execute();
  if (workers.length === 0)
    throw new AppError("conflict", { detail: "Belum ada petugas demo. / No demo workers yet." });

  const programmeId = await insertProgramme(
    trx,
    {
      name: "Bimbingan dan Pelatihan Tingkat Dasar TKSK dan PSM Kota Administrasi Jakarta Pusat Tahun 2024",
      year: 2024,
      level: "dasar",
      organiser: "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      organiserCode: "SUDINSOS-JP",
      quotas: { tksk: 8, psm: 44 },
      minAttendanceRate: 0.8,
      minPostScore: 70,
      signatoryName: workerName(rnd),
      signatoryTitle: "Kepala Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      curriculum: "dasar",
    },
    { isDemo: true },
  );
  const modules = await trx
    .selectFrom("training_modules")
    .select(["id", "code"])
    .where("programme_id", "=", programmeId)
    .execute();
  const moduleId = new Map(modules.map((m) => [m.code, m.id]));
  const cohortId = newId();
  const created = "2024-04-15T02:00:00.000Z";
  await trx
    .insertInto("training_cohorts")
    .values({
      id: cohortId,
      programme_id: programmeId,
      name: "Angkatan I Tahun 2024",
      region_code: "3171",
      venue: VENUE,
      starts_on: "2024-05-02",
      ends_on: "2024-05-04",
      created_at: created,
      updated_at: created,
    })
    .execute();
  const trainers = [workerName(rnd), workerName(rnd), workerName(rnd)];
  const sessions = [];
  for (const [i, s] of SESSIONS.entries()) {
    sessions.push(
      await insertSession(trx, cohortId, {
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
        venue: VENUE,
        trainer: trainers[Math.floor(i / 2)] as string,
        title: s.title,
        moduleIds: [moduleId.get(s.module) as string],
      }),
    );
  }
  const enrolments = workers.map((w) => ({
    id: newId(),
    cohort_id: cohortId,
    worker_id: w.id,
    role: w.role,
    region_code: w.region_code,
    enrolled_at: "2024-04-20T03:00:00.000Z",
  }));
  await trx.insertInto("training_enrolments").values(enrolments).execute();

  // A few participants miss sessions often (they will not complete); the rest attend well.
  const frequentAbsentees = new Set([3, 17, 40].filter((i) => i < enrolments.length));
  const attendance = [];
  for (const session of sessions) {
    const { start } = sessionInstants(session);
    for (const [index, e] of enrolments.entries()) {
      const status = attendanceStatus(rnd, frequentAbsentees.has(index));
      attendance.push({
        session_id: session.id,
        enrolment_id: e.id,
        status,
        method: rnd.chance(0.6) ? "qr" : "trainer",
        marked_at: new Date(
          start.getTime() + (status === "terlambat" ? 25 : rnd.int(-20, 10)) * 60_000,
        ).toISOString(),
        marked_by: null,
      });
    }
  }
  await trx.insertInto("training_attendance").values(attendance).execute();

  const tests = [];
  for (const kind of ["pre", "post"] as const) {
    const test = { id: newId(), cohort_id: cohortId, time_limit_minutes: 45, questions_per_module: 5 };
    await trx
      .insertInto("training_tests")
      .values({ ...test, kind, is_open: 0, created_at: created, questions_per_module: 5 })
      .execute();
    tests.push({ ...test, kind });
  }
  const correctOf = new Map(
    (
      await trx
        .selectFrom("training_questions")
        .select(["id", "correct_index", "options"])
        .where("module_id", "in", [...moduleId.values()])
        .execute()
    ).map((q) => [q.id, { correct: q.correct_index, count: (JSON.parse(q.options) as string[]).length }]),
  );
  const testStart = { pre: new Date("2024-05-02T01:20:00Z"), post: new Date("2024-05-04T06:10:00Z") };
  for (const [index, e] of enrolments.entries()) {
    const ability = 0.35 + rnd.next() * 0.4;
    // Most improve clearly; about one in eight barely moves or slips.
    const improvement = rnd.chance(0.12) ? -0.08 + rnd.next() * 0.12 : 0.15 + rnd.next() * 0.3;
    for (const test of tests) {
      if (test.kind === "pre" && index === 25) continue; // arrived after the pre-test
      const p = Math.min(0.97, test.kind === "pre" ? ability : ability + improvement);
      const began = new Date(testStart[test.kind].getTime() + rnd.int(0, 8) * 60_000);
      const attemptId = await createAttempt(trx, test, e.id, began);
      const items = await trx
        .selectFrom("training_attempt_items")
        .selectAll()
        .where("attempt_id", "=", attemptId)
        .execute();
      const answered = new Date(began.getTime() + 20 * 60_000).toISOString();
      const rows = items.map((item) => {
        const q = correctOf.get(item.question_id) as { correct: number; count: number };
        const right = rnd.chance(p);
        const wrong = (q.correct + rnd.int(1, q.count - 1)) % q.count;
        const option = right ? q.correct : wrong;
        return {
          ...item,
          selected_option: option,
          is_correct: option === q.correct ? 1 : 0,
          answered_at: answered,
        };
      });
      await trx.deleteFrom("training_attempt_items").where("attempt_id", "=", attemptId).execute();
      await trx.insertInto("training_attempt_items").values(rows).execute();
      const attempt = await trx
        .selectFrom("training_attempts")
        .selectAll()
        .where("id", "=", attemptId)
        .executeTakeFirstOrThrow();
      await finishAttempt(trx, attempt, new Date(began.getTime() + rnd.int(18, 40) * 60_000));
    }
  }

  const evaluations = [];
  const receipts = [];
  for (const e of enrolments) {
    if (!rnd.chance(0.88)) continue;
    receipts.push({ cohort_id: cohortId, enrolment_id: e.id });
    evaluations.push({
      id: newId(),
      cohort_id: cohortId,
      content: rnd.int(3, 5),
      trainer: rnd.int(3, 5),
      venue: rnd.int(2, 5),
      usefulness: rnd.int(4, 5),
      comment: rnd.chance(0.25) ? rnd.pick(COMMENTS) : null,
      submitted_on: "2024-05-04",
    });
  }
  await trx.insertInto("training_evaluation_receipts").values(receipts).execute();
  await trx.insertInto("training_evaluations").values(evaluations).execute();

  const issued = await issueForCohort(trx, cohortId, new Date("2024-05-04T09:00:00Z"));
  return { programmes: 1, participants: enrolments.length, certificates: issued.issued };
}

function attendanceStatus(rnd: Random, absentee: boolean): AttendanceStatus {
  const r = rnd.next();
  if (absentee) return r < 0.5 ? "hadir" : (rnd.pick(["izin", "sakit", "alpa"]) as AttendanceStatus);
  if (r < 0.86) return "hadir";
  if (r < 0.93) return "terlambat";
  return ATTENDANCE_STATUSES[2 + Math.floor(rnd.next() * 3)] as AttendanceStatus;
}
