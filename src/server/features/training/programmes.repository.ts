/** SQL for programmes, modules, objectives, quotas and the question bank. */
import type { Db } from "../../db/database.ts";
import type { NewQuestionRow } from "./training.table.ts";

export function listProgrammes(db: Db) {
  return db.selectFrom("training_programmes").selectAll().orderBy("year", "desc").orderBy("name").execute();
}

export function findProgramme(db: Db, id: string) {
  return db.selectFrom("training_programmes").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listQuotas(db: Db, programmeIds: string[]) {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("training_quotas").selectAll().where("programme_id", "in", programmeIds).execute();
}

export async function countCohorts(db: Db, programmeIds: string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("training_cohorts")
    .select(["programme_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("programme_id", "in", programmeIds)
    .groupBy("programme_id")
    .execute();
  return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
}

export function listModules(db: Db, programmeId: string) {
  return db
    .selectFrom("training_modules")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("sort_order")
    .execute();
}

export function findModule(db: Db, id: string) {
  return db.selectFrom("training_modules").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listObjectives(db: Db, moduleIds: string[]) {
  if (moduleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("training_objectives")
    .selectAll()
    .where("module_id", "in", moduleIds)
    .orderBy("sort_order")
    .execute();
}

export async function countQuestions(db: Db, moduleIds: string[]): Promise<Map<string, number>> {
  if (moduleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("training_questions")
    .select(["module_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("module_id", "in", moduleIds)
    .where("active", "=", 1)
    .groupBy("module_id")
    .execute();
  return new Map(rows.map((r) => [r.module_id, Number(r.n)]));
}

export function listQuestions(db: Db, moduleId: string) {
  return db
    .selectFrom("training_questions")
    .selectAll()
    .where("module_id", "=", moduleId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function findQuestion(db: Db, id: string) {
  return db.selectFrom("training_questions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertQuestion(db: Db, row: NewQuestionRow): Promise<void> {
  await db.insertInto("training_questions").values(row).execute();
}

export async function setQuestionActive(db: Db, id: string, active: boolean, now: string): Promise<void> {
  await db
    .updateTable("training_questions")
    .set({ active: active ? 1 : 0, updated_at: now })
    .where("id", "=", id)
    .execute();
}

export function findCompetency(db: Db, code: string) {
  return db.selectFrom("training_competencies").selectAll().where("code", "=", code).executeTakeFirst();
}

export function listCompetencies(db: Db) {
  return db.selectFrom("training_competencies").selectAll().orderBy("sort_order").execute();
}
