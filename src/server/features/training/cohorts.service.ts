/** Cohorts (angkatan), their sessions, enrolment of workers with eligibility and quota checks, invitations. */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createCohortBody, createSessionBody } from "../../../core/api/training.schema.ts";
import { AppError, type FieldProblem, notFound } from "../../../core/errors/app-error.ts";
import { isWithinRegion } from "../../../core/region/region-code.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import type { Actor } from "../auth/actor.ts";
import { findProgramme, listModules, listQuotas } from "./programmes.repository.ts";
import { PROGRAMME } from "./programmes.service.ts";
import { listWithdrawn } from "./results.repository.ts";
import { COHORT, loadCohortResults, presentParticipant } from "./results.ts";
import { presentSession } from "./training.presenter.ts";
import { assertManage, canReadReports } from "./training-access.ts";

/** Cohorts with participant counts by role; for managers and report readers. */
export async function listCohorts(db: Db, actor: Actor, programmeId?: string) {
  if (!canReadReports(actor)) throw new AppError("forbidden");
  let query = db
    .selectFrom("training_cohorts as c")
    .innerJoin("training_programmes as p", "p.id", "c.programme_id")
    .selectAll("c")
    .select(["p.name as programme_name", "p.year as year"])
    .orderBy("c.starts_on", "desc");
  if (programmeId) query = query.where("c.programme_id", "=", programmeId);
  const cohorts = await query.execute();
  const counts = cohorts.length
    ? await db
        .selectFrom("training_enrolments")
        .select(["cohort_id", "role", (eb) => eb.fn.countAll<number>().as("n")])
        .where(
          "cohort_id",
          "in",
          cohorts.map((c) => c.id),
        )
        .where("withdrawn_at", "is", null)
        .groupBy(["cohort_id", "role"])
        .execute()
    : [];
  const sessions = cohorts.length
    ? await db
        .selectFrom("training_sessions")
        .select(["cohort_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where(
          "cohort_id",
          "in",
          cohorts.map((c) => c.id),
        )
        .where("cancelled_at", "is", null)
        .groupBy("cohort_id")
        .execute()
    : [];
  return cohorts.map((c) => {
    const byRole: Record<string, number> = { tksk: 0, psm: 0 };
    for (const r of counts.filter((x) => x.cohort_id === c.id)) byRole[r.role] = Number(r.n);
    return {
      id: c.id,
      programmeId: c.programme_id,
      programmeName: c.programme_name,
      year: c.year,
      name: c.name,
      eligibleRegionCode: c.region_code,
      venue: c.venue,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      participants: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
      sessionCount: Number(sessions.find((s) => s.cohort_id === c.id)?.n ?? 0),
      cancelledAt: c.cancelled_at,
    };
  });
}

/** The rule create and edit share: a cohort cannot end before it starts. */
export function assertCohortDates(body: { startsOn: string; endsOn: string }): void {
  if (body.endsOn < body.startsOn) {
    throw new AppError("validation_failed", {}, [
      {
        field: "body.endsOn",
        code: "ends_before_start",
        message: {
          id: "Tanggal selesai sebelum tanggal mulai.",
          en: "The end date is before the start date.",
        },
      },
    ]);
  }
}

export async function createCohort(db: Db, actor: Actor, body: z.infer<typeof createCohortBody>) {
  assertManage(actor);
  const programme = await findProgramme(db, body.programmeId);
  if (!programme) throw notFound(PROGRAMME);
  if (programme.archived_at !== null) {
    throw new AppError("training_change_refused", {
      reasonId: "program ini sudah diarsipkan, tidak dapat menerima angkatan baru",
      reasonEn: "this programme is archived and takes no new cohorts",
    });
  }
  assertCohortDates(body);
  const id = newId();
  const now = nowIso();
  await db
    .insertInto("training_cohorts")
    .values({
      id,
      programme_id: body.programmeId,
      name: body.name,
      region_code: body.eligibleRegionCode,
      venue: body.venue,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The cohort with sessions, tests and every participant's results. */
export async function getCohort(db: Db, actor: Actor, id: string) {
  if (!canReadReports(actor)) throw new AppError("forbidden");
  const cohorts = await listCohorts(db, actor);
  const summary = cohorts.find((c) => c.id === id);
  if (!summary) throw notFound(COHORT);
  const results = await loadCohortResults(db, id);
  const withdrawn = actor.permissions.has("training:read") ? await listWithdrawn(db, id) : [];
  return {
    ...summary,
    sessions: results.allSessions.map((s) => presentSession(s, results.modulesBySession.get(s.id) ?? [])),
    tests: results.tests.map((t) => ({
      id: t.id,
      kind: t.kind as "pre" | "post",
      timeLimitMinutes: t.time_limit_minutes,
      questionsPerModule: t.questions_per_module,
      open: t.is_open === 1,
    })),
    // Pimpinan sees aggregates only: the roster of named people is for training staff.
    roster: actor.permissions.has("training:read") ? results.participants.map(presentParticipant) : [],
    withdrawn: withdrawn.map((w) => ({
      enrolmentId: w.enrolmentId,
      workerId: w.workerId,
      name: w.name,
      role: w.role,
      regionName: w.regionName,
      withdrawnAt: w.withdrawnAt!,
      reason: w.reason,
    })),
  };
}

/** A new session; the check-in token is a random secret shown to participants as a QR code. */
export async function addSession(
  db: Db,
  actor: Actor,
  cohortId: string,
  body: z.infer<typeof createSessionBody>,
) {
  assertManage(actor);
  const cohort = await db
    .selectFrom("training_cohorts")
    .selectAll()
    .where("id", "=", cohortId)
    .executeTakeFirst();
  if (!cohort) throw notFound(COHORT);
  await assertSessionModules(db, cohort.programme_id, body.moduleIds);
  return insertSession(db, cohortId, body);
}

/** The rule add and edit share: a session covers only modules of its cohort's programme. */
export async function assertSessionModules(db: Db, programmeId: string, moduleIds: string[]): Promise<void> {
  const modules = new Set((await listModules(db, programmeId)).map((m) => m.id));
  const unknown = moduleIds.filter((m) => !modules.has(m));
  if (unknown.length > 0) {
    throw new AppError(
      "validation_failed",
      {},
      unknown.map((m) => ({
        field: "body.moduleIds",
        code: "module_unknown",
        value: m,
        message: {
          id: "Modul bukan bagian dari program ini.",
          en: "The module is not part of this programme.",
        },
      })),
    );
  }
}

export async function insertSession(db: Db, cohortId: string, body: z.infer<typeof createSessionBody>) {
  const id = newId();
  await db
    .insertInto("training_sessions")
    .values({
      id,
      cohort_id: cohortId,
      date: body.date,
      start_time: body.startTime,
      end_time: body.endTime,
      venue: body.venue,
      trainer: body.trainer,
      title: body.title,
      check_in_token: randomBytes(18).toString("base64url"),
      created_at: nowIso(),
    })
    .execute();
  if (body.moduleIds.length > 0) {
    await db
      .insertInto("training_session_modules")
      .values(body.moduleIds.map((module_id) => ({ session_id: id, module_id })))
      .execute();
  }
  return presentSession(
    (await db.selectFrom("training_sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow())!,
    body.moduleIds,
  );
}

/**
 * Enrols workers: each must be active, hold a role the programme has a quota for, and work inside
 * the cohort's region; the programme's quota per role counts enrolments over all its cohorts.
 * All or nothing: one ineligible worker or one exceeded quota writes nothing.
 */
export async function enrolWorkers(
  db: Kysely<Database>,
  actor: Actor,
  cohortId: string,
  workerIds: string[],
) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const cohort = await trx
      .selectFrom("training_cohorts")
      .selectAll()
      .where("id", "=", cohortId)
      .executeTakeFirst();
    if (!cohort) throw notFound(COHORT);
    const quotas = new Map((await listQuotas(trx, [cohort.programme_id])).map((q) => [q.role, q.quota]));
    const unique = [...new Set(workerIds)];
    const workers = await trx.selectFrom("workers").selectAll().where("id", "in", unique).execute();
    const existing = await trx
      .selectFrom("training_enrolments")
      .select(["id", "worker_id", "withdrawn_at"])
      .where("cohort_id", "=", cohortId)
      .where("worker_id", "in", unique)
      .execute();
    const already = new Set(existing.filter((r) => r.withdrawn_at === null).map((r) => r.worker_id));
    // A withdrawn participant enrolled again gets the same enrolment back (its history stays one row).
    const rejoining = new Map(
      existing.filter((r) => r.withdrawn_at !== null).map((r) => [r.worker_id, r.id]),
    );
    const problems: FieldProblem[] = [];
    for (const id of unique) {
      const w = workers.find((x) => x.id === id);
      const field = "body.workerIds";
      if (!w)
        problems.push({
          field,
          code: "worker_unknown",
          value: id,
          message: { id: "Petugas tidak ditemukan.", en: "Worker not found." },
        });
      else if (w.active !== 1)
        problems.push({
          field,
          code: "worker_inactive",
          value: id,
          message: { id: `${w.name} tidak aktif.`, en: `${w.name} is inactive.` },
        });
      else if (!quotas.has(w.role))
        problems.push({
          field,
          code: "role_not_targeted",
          value: id,
          message: {
            id: `Program ini tidak menyasar peran ${w.role.toUpperCase()}.`,
            en: `This programme does not target ${w.role.toUpperCase()}.`,
          },
        });
      else if (!isWithinRegion(w.region_code, cohort.region_code))
        problems.push({
          field,
          code: "region_outside",
          value: id,
          message: {
            id: `${w.name} bertugas di luar wilayah angkatan ini.`,
            en: `${w.name} works outside this cohort's region.`,
          },
        });
    }
    if (problems.length > 0)
      throw new AppError("training_not_eligible", { count: problems.length }, problems);

    const adding = workers.filter((w) => !already.has(w.id));
    const current = await trx
      .selectFrom("training_enrolments as e")
      .innerJoin("training_cohorts as c", "c.id", "e.cohort_id")
      .select(["e.role", (eb) => eb.fn.countAll<number>().as("n")])
      .where("c.programme_id", "=", cohort.programme_id)
      .where("e.withdrawn_at", "is", null)
      .groupBy("e.role")
      .execute();
    for (const [role, quota] of quotas) {
      const now = Number(current.find((c) => c.role === role)?.n ?? 0);
      const more = adding.filter((w) => w.role === role).length;
      if (now + more > quota) {
        throw new AppError("training_quota_exceeded", {
          role: role.toUpperCase(),
          quota,
          current: now,
          adding: more,
        });
      }
    }
    const at = nowIso();
    for (const w of adding.filter((x) => rejoining.has(x.id))) {
      await trx
        .updateTable("training_enrolments")
        .set({ withdrawn_at: null, withdrawn_reason: null, enrolled_at: at })
        .where("id", "=", rejoining.get(w.id)!)
        .execute();
    }
    const fresh = adding.filter((w) => !rejoining.has(w.id));
    if (fresh.length > 0) {
      await trx
        .insertInto("training_enrolments")
        .values(
          fresh.map((w) => ({
            id: newId(),
            cohort_id: cohortId,
            worker_id: w.id,
            role: w.role,
            region_code: w.region_code,
            enrolled_at: at,
          })),
        )
        .execute();
    }
    const total = await trx
      .selectFrom("training_enrolments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cohort_id", "=", cohortId)
      .where("withdrawn_at", "is", null)
      .executeTakeFirstOrThrow();
    return { enrolled: adding.length, participants: Number(total.n) };
  });
}

/** Active workers who may join the cohort (role with a quota, inside its region) and are not enrolled yet. */
export async function listEligibleWorkers(db: Db, actor: Actor, cohortId: string) {
  assertManage(actor);
  const cohort = await db
    .selectFrom("training_cohorts")
    .selectAll()
    .where("id", "=", cohortId)
    .executeTakeFirst();
  if (!cohort) throw notFound(COHORT);
  const roles = (await listQuotas(db, [cohort.programme_id])).map((q) => q.role);
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom("workers as w")
    .leftJoin("regions as r", "r.code", "w.region_code")
    .leftJoin("training_enrolments as e", (join) =>
      join
        .onRef("e.worker_id", "=", "w.id")
        .on("e.cohort_id", "=", cohortId)
        .on("e.withdrawn_at", "is", null),
    )
    .select(["w.id", "w.name", "w.role", "w.region_code", "r.name as region_name"])
    .where("w.active", "=", 1)
    .where("w.role", "in", roles)
    .where("w.region_code", "like", `${cohort.region_code}%`)
    .where("e.id", "is", null)
    .orderBy("w.role", "desc")
    .orderBy("w.region_code")
    .execute();
  return rows.map((w) => ({
    workerId: w.id,
    name: w.name,
    role: w.role,
    regionCode: w.region_code,
    regionName: w.region_name,
  }));
}
