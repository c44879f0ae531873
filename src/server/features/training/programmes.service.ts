/** Programmes, their curriculum (modules, objectives mapped to competencies) and question banks. */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createProgrammeBody, createQuestionBody } from "../../../core/api/training.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { Actor } from "../auth/actor.ts";
import { copyCurriculum, loadFramework, readCurriculum } from "./curriculum.ts";
import * as repo from "./programmes.repository.ts";
import { presentProgramme, presentQuestion } from "./training.presenter.ts";
import { assertManage, canReadReports } from "./training-access.ts";

export const PROGRAMME = { id: "Program pelatihan", en: "Training programme" };
const MODULE = { id: "Modul", en: "Module" };
const QUESTION = { id: "Soal", en: "Question" };

/** Every programme with quotas and cohort counts; for managers and report readers. */
export async function listProgrammes(db: Db, actor: Actor) {
  if (!canReadReports(actor)) throw new AppError("forbidden");
  const rows = await repo.listProgrammes(db);
  const ids = rows.map((r) => r.id);
  const [quotas, cohorts] = await Promise.all([repo.listQuotas(db, ids), repo.countCohorts(db, ids)]);
  return rows.map((r) =>
    presentProgramme(
      r,
      quotas.filter((q) => q.programme_id === r.id),
      cohorts.get(r.id) ?? 0,
    ),
  );
}

export async function getProgramme(db: Db, actor: Actor, id: string) {
  if (!canReadReports(actor)) throw new AppError("forbidden");
  const row = await repo.findProgramme(db, id);
  if (!row) throw notFound(PROGRAMME);
  const modules = await repo.listModules(db, id);
  const moduleIds = modules.map((m) => m.id);
  const [quotas, cohorts, objectives, counts] = await Promise.all([
    repo.listQuotas(db, [id]),
    repo.countCohorts(db, [id]),
    repo.listObjectives(db, moduleIds),
    repo.countQuestions(db, moduleIds),
  ]);
  return {
    ...presentProgramme(row, quotas, cohorts.get(id) ?? 0),
    modules: modules.map((m) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      hours: m.hours,
      objectives: objectives
        .filter((o) => o.module_id === m.id)
        .map((o) => ({ text: o.text, competencyCode: o.competency_code })),
      questionCount: counts.get(m.id) ?? 0,
    })),
  };
}

/** Creates a programme, with the shipped basic curriculum unless `curriculum` is "kosong". */
export async function createProgramme(
  db: Kysely<Database>,
  actor: Actor,
  body: z.infer<typeof createProgrammeBody>,
  options: { isDemo?: boolean } = {},
): Promise<string> {
  assertManage(actor);
  return db.transaction().execute((trx) => insertProgramme(trx, body, options));
}

/** The insert behind createProgramme; the demo seed calls it inside its own transaction. */
export async function insertProgramme(
  trx: Db,
  body: z.infer<typeof createProgrammeBody>,
  options: { isDemo?: boolean } = {},
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto("training_programmes")
    .values({
      id,
      name: body.name,
      year: body.year,
      level: body.level,
      organiser: body.organiser,
      organiser_code: body.organiserCode,
      min_attendance_rate: body.minAttendanceRate,
      min_post_score: body.minPostScore,
      signatory_name: body.signatoryName,
      signatory_title: body.signatoryTitle,
      is_demo: options.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const quotas = Object.entries(body.quotas).filter(([, n]) => n > 0);
  if (quotas.length > 0) {
    await trx
      .insertInto("training_quotas")
      .values(quotas.map(([role, quota]) => ({ programme_id: id, role, quota })))
      .execute();
  }
  if (body.curriculum === "dasar") await copyCurriculum(trx, id, readCurriculum("dasar"));
  else await loadFramework(trx);
  return id;
}

export async function listCompetencies(db: Db) {
  const rows = await repo.listCompetencies(db);
  return rows.map((r) => ({ code: r.code, name: r.name, description: r.description }));
}

/** The bank of a module, with the correct answers: for managers only. */
export async function listModuleQuestions(db: Db, actor: Actor, moduleId: string) {
  assertManage(actor);
  if (!(await repo.findModule(db, moduleId))) throw notFound(MODULE);
  return (await repo.listQuestions(db, moduleId)).map(presentQuestion);
}

export async function addQuestion(
  db: Db,
  actor: Actor,
  moduleId: string,
  body: z.infer<typeof createQuestionBody>,
) {
  assertManage(actor);
  if (!(await repo.findModule(db, moduleId))) throw notFound(MODULE);
  if (!(await repo.findCompetency(db, body.competencyCode))) {
    throw notFound({ id: `Kompetensi ${body.competencyCode}`, en: `Competency ${body.competencyCode}` });
  }
  const now = nowIso();
  const id = newId();
  await repo.insertQuestion(db, {
    id,
    module_id: moduleId,
    kind: body.kind,
    text: body.text,
    options: JSON.stringify(body.options),
    correct_index: body.correctIndex,
    competency_code: body.competencyCode,
    active: 1,
    created_at: now,
    updated_at: now,
  });
  return presentQuestion((await repo.findQuestion(db, id))!);
}

/** Questions are retired rather than deleted: past attempts keep pointing at them. */
export async function setQuestionActive(db: Db, actor: Actor, id: string, active: boolean) {
  assertManage(actor);
  if (!(await repo.findQuestion(db, id))) throw notFound(QUESTION);
  await repo.setQuestionActive(db, id, active, nowIso());
  return presentQuestion((await repo.findQuestion(db, id))!);
}
