/**
 * The shipped competency framework and basic curriculum (data/training/*.json). The framework is
 * loaded into training_competencies (upsert, so an edited file updates the names); the
 * curriculum is copied into a programme as its modules, objectives and question bank, which
 * trainers may then change without touching the shipped file.
 */
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { readShippedData } from "../../shipped-data.ts";

const frameworkFile = z.object({
  competencies: z.array(z.object({ code: z.string(), name: z.string(), description: z.string() })).min(1),
});

const curriculumFile = z.object({
  name: z.string(),
  level: z.string(),
  modules: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      hours: z.number(),
      objectives: z.array(z.object({ text: z.string(), competency: z.string() })),
      questions: z.array(
        z.object({
          kind: z.enum(["mc", "tf"]),
          text: z.string(),
          options: z.array(z.string()).min(2),
          correct: z.number().int().min(0),
          competency: z.string(),
        }),
      ),
    }),
  ),
});
export type Curriculum = z.infer<typeof curriculumFile>;

export function readFramework() {
  return frameworkFile.parse(JSON.parse(readShippedData("training/competencies.json"))).competencies;
}

export function readCurriculum(name: "dasar"): Curriculum {
  return curriculumFile.parse(JSON.parse(readShippedData(`training/curriculum-${name}.json`)));
}

/** Loads (or refreshes) the competency framework. */
export async function loadFramework(db: Db): Promise<number> {
  const now = nowIso();
  const rows = readFramework().map((c, i) => ({
    code: c.code,
    name: c.name,
    description: c.description,
    sort_order: i + 1,
    updated_at: now,
  }));
  await db
    .insertInto("training_competencies")
    .values(rows)
    .onConflict((oc) =>
      oc.column("code").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        description: eb.ref("excluded.description"),
        sort_order: eb.ref("excluded.sort_order"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
  return rows.length;
}

/** Copies a curriculum into a programme; returns the module ids by module code. */
export async function copyCurriculum(
  db: Db,
  programmeId: string,
  curriculum: Curriculum,
): Promise<Map<string, string>> {
  await loadFramework(db);
  const now = nowIso();
  const ids = new Map<string, string>();
  for (const [index, m] of curriculum.modules.entries()) {
    const moduleId = newId();
    ids.set(m.code, moduleId);
    await db
      .insertInto("training_modules")
      .values({
        id: moduleId,
        programme_id: programmeId,
        code: m.code,
        title: m.title,
        hours: m.hours,
        sort_order: index + 1,
      })
      .execute();
    if (m.objectives.length > 0) {
      await db
        .insertInto("training_objectives")
        .values(
          m.objectives.map((o, i) => ({
            id: newId(),
            module_id: moduleId,
            text: o.text,
            competency_code: o.competency,
            sort_order: i + 1,
          })),
        )
        .execute();
    }
    if (m.questions.length > 0) {
      await db
        .insertInto("training_questions")
        .values(
          m.questions.map((q) => ({
            id: newId(),
            module_id: moduleId,
            kind: q.kind,
            text: q.text,
            options: JSON.stringify(q.options),
            correct_index: q.correct,
            competency_code: q.competency,
            active: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  }
  return ids;
}
