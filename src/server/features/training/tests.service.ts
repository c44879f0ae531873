/**
 * Pre- and post-tests. A participant's attempt is assembled once (draw per module, shuffled
 * questions and options from a seed of test and enrolment) and stored item by item, so a
 * participant who loses the connection gets the same test back with every saved answer. Each
 * answer is saved as it is given. The deadline is fixed when the attempt starts: answers after it
 * are refused, and an attempt submitted late, or read after its deadline, is closed at the limit
 * with the answers saved before it.
 */
import type { Kysely } from "kysely";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { analyseItems } from "../../../core/training/item-analysis.ts";
import { hashSeed } from "../../../core/training/random.ts";
import { scorePercent } from "../../../core/training/scoring.ts";
import { assembleTest } from "../../../core/training/test-assembly.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { Actor } from "../auth/actor.ts";
import { COHORT } from "./results.ts";
import type { AttemptRow } from "./training.table.ts";
import { assertManage, requireOwnEnrolment } from "./training-access.ts";

const TEST = { id: "Tes", en: "Test" };
const ATTEMPT = { id: "Pengerjaan tes", en: "Test attempt" };

/** Creates or changes a cohort's pre- or post-test. */
export async function configureTest(
  db: Db,
  actor: Actor,
  cohortId: string,
  body: { kind: "pre" | "post"; timeLimitMinutes: number; questionsPerModule: number; open: boolean },
) {
  assertManage(actor);
  if (!(await db.selectFrom("training_cohorts").select("id").where("id", "=", cohortId).executeTakeFirst())) {
    throw notFound(COHORT);
  }
  await db
    .insertInto("training_tests")
    .values({
      id: newId(),
      cohort_id: cohortId,
      kind: body.kind,
      time_limit_minutes: body.timeLimitMinutes,
      questions_per_module: body.questionsPerModule,
      is_open: body.open ? 1 : 0,
      created_at: nowIso(),
    })
    .onConflict((oc) =>
      oc.columns(["cohort_id", "kind"]).doUpdateSet({
        time_limit_minutes: body.timeLimitMinutes,
        questions_per_module: body.questionsPerModule,
        is_open: body.open ? 1 : 0,
      }),
    )
    .execute();
  const row = await db
    .selectFrom("training_tests")
    .selectAll()
    .where("cohort_id", "=", cohortId)
    .where("kind", "=", body.kind)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    kind: row.kind as "pre" | "post",
    timeLimitMinutes: row.time_limit_minutes,
    questionsPerModule: row.questions_per_module,
    open: row.is_open === 1,
  };
}

async function findTest(db: Db, id: string) {
  const test = await db.selectFrom("training_tests").selectAll().where("id", "=", id).executeTakeFirst();
  if (!test) throw notFound(TEST);
  return test;
}

/**
 * Starts the actor's attempt, or returns the one already started (resume). Assembly and the
 * insert of every item happen in one transaction.
 */
export async function startAttempt(db: Kysely<Database>, actor: Actor, testId: string, now = new Date()) {
  const test = await findTest(db, testId);
  const enrolmentId = await requireOwnEnrolment(db, actor, test.cohort_id);
  const existing = await db
    .selectFrom("training_attempts")
    .selectAll()
    .where("test_id", "=", testId)
    .where("enrolment_id", "=", enrolmentId)
    .executeTakeFirst();
  if (existing) return readAttempt(db, await closeIfExpired(db, existing, now), test.kind);
  if (test.is_open !== 1) throw new AppError("training_test_closed");
  const id = await db.transaction().execute((trx) => createAttempt(trx, test, enrolmentId, now));
  const attempt = await db
    .selectFrom("training_attempts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return readAttempt(db, attempt, test.kind);
}

/** Assembles and stores an attempt; the demo seed uses it too. Returns the attempt id. */
export async function createAttempt(
  trx: Db,
  test: { id: string; cohort_id: string; time_limit_minutes: number; questions_per_module: number },
  enrolmentId: string,
  now: Date,
): Promise<string> {
  const bank = await trx
    .selectFrom("training_questions as q")
    .innerJoin("training_modules as m", "m.id", "q.module_id")
    .innerJoin("training_cohorts as c", "c.programme_id", "m.programme_id")
    .select(["q.id", "q.module_id", "q.options"])
    .where("c.id", "=", test.cohort_id)
    .where("q.active", "=", 1)
    .execute();
  const seed = hashSeed(`${test.id}:${enrolmentId}`);
  const items = assembleTest(
    bank.map((q) => ({
      id: q.id,
      moduleId: q.module_id,
      optionCount: (JSON.parse(q.options) as string[]).length,
    })),
    test.questions_per_module,
    seed,
  );
  const id = newId();
  await trx
    .insertInto("training_attempts")
    .values({
      id,
      test_id: test.id,
      enrolment_id: enrolmentId,
      seed,
      started_at: now.toISOString(),
      deadline_at: new Date(now.getTime() + test.time_limit_minutes * 60_000).toISOString(),
      submitted_at: null,
      closed_at_limit: 0,
      correct_count: null,
      question_count: items.length,
      score: null,
    })
    .execute();
  if (items.length > 0) {
    await trx
      .insertInto("training_attempt_items")
      .values(
        items.map((item) => ({
          attempt_id: id,
          position: item.position,
          question_id: item.questionId,
          option_order: JSON.stringify(item.optionOrder),
          selected_option: null,
          is_correct: 0,
          answered_at: null,
        })),
      )
      .execute();
  }
  return id;
}

async function ownAttempt(db: Db, actor: Actor, attemptId: string) {
  const attempt = await db
    .selectFrom("training_attempts")
    .selectAll()
    .where("id", "=", attemptId)
    .executeTakeFirst();
  if (!attempt) throw notFound(ATTEMPT);
  const test = await findTest(db, attempt.test_id);
  const enrolmentId = await requireOwnEnrolment(db, actor, test.cohort_id);
  if (enrolmentId !== attempt.enrolment_id) throw notFound(ATTEMPT);
  return { attempt, test };
}

/** Saves one answer (the displayed option index, or null to clear it) before the deadline. */
export async function saveAnswer(
  db: Db,
  actor: Actor,
  attemptId: string,
  position: number,
  selected: number | null,
  now = new Date(),
) {
  const { attempt } = await ownAttempt(db, actor, attemptId);
  if (attempt.submitted_at) throw new AppError("training_attempt_submitted");
  if (now.toISOString() > attempt.deadline_at) {
    await closeIfExpired(db, attempt, now);
    throw new AppError("training_time_over", { deadline: attempt.deadline_at });
  }
  const item = await db
    .selectFrom("training_attempt_items as i")
    .innerJoin("training_questions as q", "q.id", "i.question_id")
    .select(["i.option_order", "q.correct_index"])
    .where("i.attempt_id", "=", attemptId)
    .where("i.position", "=", position)
    .executeTakeFirst();
  if (!item) throw notFound({ id: `Soal nomor ${position + 1}`, en: `Question ${position + 1}` });
  const order = JSON.parse(item.option_order) as number[];
  if (selected !== null && (selected < 0 || selected >= order.length)) {
    throw new AppError("validation_failed", {}, [
      {
        field: "body.selected",
        code: "option_out_of_range",
        value: String(selected),
        message: {
          id: `Pilihan harus 0–${order.length - 1}.`,
          en: `The choice must be 0–${order.length - 1}.`,
        },
      },
    ]);
  }
  const option = selected === null ? null : (order[selected] as number);
  const savedAt = now.toISOString();
  await db
    .updateTable("training_attempt_items")
    .set({
      selected_option: option,
      is_correct: option !== null && option === item.correct_index ? 1 : 0,
      answered_at: savedAt,
    })
    .where("attempt_id", "=", attemptId)
    .where("position", "=", position)
    .execute();
  return { position, selected, savedAt };
}

/** Submits: scores the saved answers. After the deadline the attempt closes at the limit. */
export async function submitAttempt(db: Db, actor: Actor, attemptId: string, now = new Date()) {
  const { attempt, test } = await ownAttempt(db, actor, attemptId);
  if (attempt.submitted_at) throw new AppError("training_attempt_submitted");
  const closed = await finishAttempt(db, attempt, now);
  return readAttempt(db, closed, test.kind);
}

/** Scores and closes an attempt; at the deadline when it is past. */
export async function finishAttempt(db: Db, attempt: AttemptRow, now: Date): Promise<AttemptRow> {
  const late = now.toISOString() > attempt.deadline_at;
  const correct = await db
    .selectFrom("training_attempt_items")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("attempt_id", "=", attempt.id)
    .where("is_correct", "=", 1)
    .executeTakeFirstOrThrow();
  const values = {
    submitted_at: late ? attempt.deadline_at : now.toISOString(),
    closed_at_limit: late ? 1 : 0,
    correct_count: Number(correct.n),
    score: scorePercent(Number(correct.n), attempt.question_count),
  };
  await db
    .updateTable("training_attempts")
    .set(values)
    .where("id", "=", attempt.id)
    .where("submitted_at", "is", null)
    .execute();
  return { ...attempt, ...values };
}

async function closeIfExpired(db: Db, attempt: AttemptRow, now: Date): Promise<AttemptRow> {
  if (attempt.submitted_at || now.toISOString() <= attempt.deadline_at) return attempt;
  return finishAttempt(db, attempt, now);
}

/** The attempt as the participant sees it: options in their shuffled order, never the key. */
async function readAttempt(db: Db, attempt: AttemptRow, kind: string) {
  const items = await db
    .selectFrom("training_attempt_items as i")
    .innerJoin("training_questions as q", "q.id", "i.question_id")
    .select(["i.position", "i.option_order", "i.selected_option", "q.text", "q.kind", "q.options"])
    .where("i.attempt_id", "=", attempt.id)
    .orderBy("i.position")
    .execute();
  return {
    id: attempt.id,
    testId: attempt.test_id,
    kind: kind as "pre" | "post",
    startedAt: attempt.started_at,
    deadlineAt: attempt.deadline_at,
    submittedAt: attempt.submitted_at,
    closedAtLimit: attempt.closed_at_limit === 1,
    score: attempt.score,
    items: items.map((i) => {
      const order = JSON.parse(i.option_order) as number[];
      const options = JSON.parse(i.options) as string[];
      return {
        position: i.position,
        text: i.text,
        kind: i.kind as "mc" | "tf",
        options: order.map((o) => options[o] as string),
        selected: i.selected_option === null ? null : order.indexOf(i.selected_option),
      };
    }),
  };
}

/**
 * Difficulty and discrimination of every question of a test, over submitted attempts of the
 * participants still enrolled (a withdrawn participant's answers are kept but counted nowhere).
 */
export async function itemAnalysis(db: Db, actor: Actor, testId: string) {
  assertManage(actor);
  const test = await findTest(db, testId);
  const attempts = await db
    .selectFrom("training_attempts as a")
    .innerJoin("training_enrolments as e", "e.id", "a.enrolment_id")
    .select(["a.id", "a.score"])
    .where("a.test_id", "=", testId)
    .where("a.submitted_at", "is not", null)
    .where("e.withdrawn_at", "is", null)
    .execute();
  const items = await db
    .selectFrom("training_attempt_items as i")
    .innerJoin("training_attempts as a", "a.id", "i.attempt_id")
    .innerJoin("training_enrolments as e", "e.id", "a.enrolment_id")
    .innerJoin("training_questions as q", "q.id", "i.question_id")
    .innerJoin("training_modules as m", "m.id", "q.module_id")
    .select(["i.attempt_id", "i.question_id", "i.is_correct", "q.text", "m.code as module_code"])
    .where("a.test_id", "=", testId)
    .where("a.submitted_at", "is not", null)
    .where("e.withdrawn_at", "is", null)
    .execute();
  const stats = analyseItems(
    items.map((i) => ({ attemptId: i.attempt_id, questionId: i.question_id, correct: i.is_correct === 1 })),
    attempts.map((a) => ({ attemptId: a.id, score: a.score ?? 0 })),
  );
  const info = new Map(items.map((i) => [i.question_id, { text: i.text, moduleCode: i.module_code }]));
  return {
    testId,
    kind: test.kind as "pre" | "post",
    attempts: attempts.length,
    items: stats
      .map((s) => ({ ...s, ...(info.get(s.questionId) as { text: string; moduleCode: string }) }))
      .sort((a, b) => a.moduleCode.localeCompare(b.moduleCode) || a.difficulty - b.difficulty),
  };
}
