/**
 * Correcting training records without a database administrator. Programmes, modules, cohorts and
 * sessions are edited with the same rules as when they were created. Something that already holds
 * attendance, test attempts or certificates is never deleted (that would erase what participants
 * did); it is cancelled (cohort, session) or archived (programme) instead. A participant is
 * withdrawn, not deleted: the enrolment stays in the cohort's history and counts in no quota,
 * rate or completion (withdrawal.service.ts). Every change is written to the audit trail in the
 * transaction that makes it.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  updateCohortBody,
  updateModuleBody,
  updateProgrammeBody,
  updateSessionBody,
} from "../../../core/api/training.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Database, Db } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import * as audit from "../audit/audit.service.ts";
import type { Actor } from "../auth/actor.ts";
import { assertCohortDates, assertSessionModules } from "./cohorts.service.ts";
import * as repo from "./lifecycle.repository.ts";
import { findModule, findProgramme, listModules } from "./programmes.repository.ts";
import { PROGRAMME } from "./programmes.service.ts";
import { findCohort } from "./results.repository.ts";
import { COHORT } from "./results.ts";
import { presentSession } from "./training.presenter.ts";
import { assertManage } from "./training-access.ts";

const SESSION = { id: "Sesi pelatihan", en: "Training session" };
const MODULE = { id: "Modul", en: "Module" };

type Tx = Kysely<Database>;

function refuseIfUsed(
  usage: repo.Usage,
  what: { id: string; en: string },
  alternative: { id: string; en: string },
): void {
  const parts: { id: string; en: string }[] = [];
  if (usage.attendance > 0)
    parts.push({
      id: `${usage.attendance} catatan presensi`,
      en: `${usage.attendance} attendance record${usage.attendance === 1 ? "" : "s"}`,
    });
  if (usage.attempts > 0)
    parts.push({
      id: `${usage.attempts} pengerjaan tes`,
      en: `${usage.attempts} test attempt${usage.attempts === 1 ? "" : "s"}`,
    });
  if (usage.certificates > 0)
    parts.push({
      id: `${usage.certificates} sertifikat terbit`,
      en: `${usage.certificates} issued certificate${usage.certificates === 1 ? "" : "s"}`,
    });
  if (parts.length === 0) return;
  throw new AppError("training_delete_refused", {
    whatId: what.id,
    whatEn: what.en.toLowerCase(),
    reasonId: parts.map((p) => p.id).join(", "),
    reasonEn: parts.map((p) => p.en).join(", "),
    alternativeId: alternative.id,
    alternativeEn: alternative.en,
  });
}

const CANCEL = { id: "batalkan", en: "cancel" };
const ARCHIVE = { id: "arsipkan", en: "archive" };

/** A record being corrected: its table, id and the region its audit entries are filed under. */
interface Target<T extends string = string> {
  table: T;
  id: string;
  regionCode: string | null;
}

/**
 * Writes an edit to the audit trail: the fields that changed, plus `extra` (what is stored beside
 * the row, e.g. quotas or session modules, which may change when no field does). Nothing is
 * written when nothing changed and there is no extra.
 */
async function auditUpdate(
  trx: Tx,
  actor: Actor,
  target: Target,
  row: object,
  after: Record<string, unknown>,
  extra?: Record<string, unknown>,
): Promise<void> {
  const changed = audit.changedFields(row as Record<string, unknown>, after);
  if (!changed && !extra) return;
  await audit.record(trx, {
    by: actor,
    action: "update",
    table: target.table,
    recordId: target.id,
    regionCode: target.regionCode,
    before: changed?.before ?? null,
    after: { ...(changed?.after ?? {}), ...extra },
  });
}

/** Deletes a record (its children cascade) and writes what it was to the audit trail. */
async function deleteWithAudit(
  trx: Tx,
  actor: Actor,
  target: Target<repo.RetirableTable>,
  before: Record<string, unknown>,
): Promise<void> {
  await repo.deleteById(trx, target.table, target.id);
  await audit.record(trx, {
    by: actor,
    action: "delete",
    table: target.table,
    recordId: target.id,
    regionCode: target.regionCode,
    before,
  });
}

/**
 * Archives or cancels a record now (`retiredAt` null), or undoes that (a mistake, or plans that
 * changed: the record counts again), writing the change and its reason to the audit trail, which
 * so keeps both.
 */
async function changeRetirement(
  trx: Tx,
  actor: Actor,
  target: Target & repo.Retirement,
  retiredAt: string | null,
  reason: string | undefined,
): Promise<void> {
  const after = retiredAt === null ? nowIso() : null;
  await repo.markRetired(trx, target, target.id, after);
  const detail =
    after === null ? { ...(reason ? { reason } : {}), restored: true } : reason ? { reason } : null;
  await audit.record(trx, {
    by: actor,
    action: "update",
    table: target.table,
    recordId: target.id,
    regionCode: target.regionCode,
    before: { [target.column]: retiredAt },
    after: { [target.column]: after },
    detail,
  });
}

/** Refused while the record above is itself archived or cancelled (restore that one first). */
function restoreRefused(parent: { id: string; en: string }): AppError {
  return new AppError("training_change_refused", {
    reasonId: `${parent.id}; pulihkan itu dahulu`,
    reasonEn: `${parent.en}; restore it first`,
  });
}

// ── Programmes ────────────────────────────────────────────────────────────────

/** Edits a programme; a quota may not fall below the participants already enrolled in that role. */
export async function updateProgramme(
  db: Tx,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateProgrammeBody>,
): Promise<void> {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findProgramme(trx, id);
    if (!row) throw notFound(PROGRAMME);
    const enrolled = await repo.enrolledByRole(trx, id);
    for (const [role, n] of enrolled) {
      const quota = body.quotas[role as "tksk" | "psm"] ?? 0;
      if (n > quota) {
        throw new AppError("training_change_refused", {
          reasonId: `kuota ${role.toUpperCase()} (${quota}) lebih kecil dari ${n} peserta yang sudah terdaftar; keluarkan peserta dahulu`,
          reasonEn: `the ${role.toUpperCase()} quota (${quota}) is below the ${n} participants already enrolled; withdraw participants first`,
        });
      }
    }
    const after = {
      name: body.name,
      year: body.year,
      level: body.level,
      organiser: body.organiser,
      organiser_code: body.organiserCode,
      min_attendance_rate: body.minAttendanceRate,
      min_post_score: body.minPostScore,
      signatory_name: body.signatoryName,
      signatory_title: body.signatoryTitle,
    };
    await trx
      .updateTable("training_programmes")
      .set({ ...after, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    const quotas = Object.entries(body.quotas).filter(([, n]) => n > 0);
    await repo.replaceQuotas(trx, id, quotas);
    await auditUpdate(trx, actor, { table: "training_programmes", id, regionCode: null }, row, after, {
      quotas: Object.fromEntries(quotas),
    });
  });
}

/** Deletes a programme with nothing recorded under it; otherwise 409 naming what it holds. */
export async function deleteProgramme(db: Tx, actor: Actor, id: string): Promise<void> {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findProgramme(trx, id);
    if (!row) throw notFound(PROGRAMME);
    refuseIfUsed(await repo.usageOf(trx, await repo.cohortIdsOf(trx, id)), PROGRAMME, ARCHIVE);
    await deleteWithAudit(
      trx,
      actor,
      { table: "training_programmes", id, regionCode: null },
      {
        name: row.name,
        year: row.year,
      },
    );
  });
}

/**
 * Archives a programme (kept with every record, no longer offered for new cohorts), or restores
 * it. Idempotent.
 */
async function retireProgramme(db: Tx, actor: Actor, id: string, retire: boolean, reason?: string) {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findProgramme(trx, id);
    if (!row) throw notFound(PROGRAMME);
    if ((row.archived_at === null) !== retire) return;
    const target = { table: "training_programmes", column: "archived_at", id, regionCode: null } as const;
    await changeRetirement(trx, actor, target, row.archived_at, reason);
  });
}

export const archiveProgramme = (db: Tx, actor: Actor, id: string, reason?: string) =>
  retireProgramme(db, actor, id, true, reason);
export const restoreProgramme = (db: Tx, actor: Actor, id: string, reason?: string) =>
  retireProgramme(db, actor, id, false, reason);

/** Edits a module's code, title and lesson hours; the code stays unique within the programme. */
export async function updateModule(db: Tx, actor: Actor, id: string, body: z.infer<typeof updateModuleBody>) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const row = await findModule(trx, id);
    if (!row) throw notFound(MODULE);
    const clash = (await listModules(trx, row.programme_id)).find((m) => m.code === body.code && m.id !== id);
    if (clash) {
      throw new AppError("validation_failed", {}, [
        {
          field: "body.code",
          code: "module_code_taken",
          value: body.code,
          message: {
            id: `Kode ${body.code} sudah dipakai modul lain program ini.`,
            en: `Code ${body.code} is already used by another module of this programme.`,
          },
        },
      ]);
    }
    await trx.updateTable("training_modules").set(body).where("id", "=", id).execute();
    await auditUpdate(trx, actor, { table: "training_modules", id, regionCode: null }, row, body);
    return { ...row, ...body };
  });
}

// ── Cohorts ───────────────────────────────────────────────────────────────────

/** Edits a cohort; a narrower region may not leave enrolled participants outside it. */
export async function updateCohort(db: Tx, actor: Actor, id: string, body: z.infer<typeof updateCohortBody>) {
  assertManage(actor);
  assertCohortDates(body);
  await db.transaction().execute(async (trx) => {
    const row = await findCohort(trx, id);
    if (!row) throw notFound(COHORT);
    const outside = await repo.participantsOutside(trx, id, body.eligibleRegionCode);
    if (outside.length > 0) {
      throw new AppError(
        "validation_failed",
        {},
        outside.map((p) => ({
          field: "body.eligibleRegionCode",
          code: "region_excludes_participant",
          value: p.id,
          message: {
            id: `${p.name} (${p.region_code}) terdaftar dan bertugas di luar wilayah ini.`,
            en: `${p.name} (${p.region_code}) is enrolled and works outside this region.`,
          },
        })),
      );
    }
    const after = {
      name: body.name,
      region_code: body.eligibleRegionCode,
      venue: body.venue,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
    };
    await trx
      .updateTable("training_cohorts")
      .set({ ...after, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await auditUpdate(trx, actor, { table: "training_cohorts", id, regionCode: row.region_code }, row, after);
  });
}

export async function deleteCohort(db: Tx, actor: Actor, id: string): Promise<void> {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findCohort(trx, id);
    if (!row) throw notFound(COHORT);
    refuseIfUsed(await repo.usageOf(trx, [id]), COHORT, CANCEL);
    await deleteWithAudit(
      trx,
      actor,
      { table: "training_cohorts", id, regionCode: row.region_code },
      {
        name: row.name,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
      },
    );
  });
}

/**
 * Cancels a cohort (kept with what was recorded), or restores it: refused while its programme is
 * archived. Idempotent.
 */
async function retireCohort(db: Tx, actor: Actor, id: string, retire: boolean, reason?: string) {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const row = await findCohort(trx, id);
    if (!row) throw notFound(COHORT);
    if ((row.cancelled_at === null) !== retire) return;
    if (!retire && (await findProgramme(trx, row.programme_id))?.archived_at) {
      throw restoreRefused({
        id: "program pelatihannya masih diarsipkan",
        en: "its training programme is still archived",
      });
    }
    const target = {
      table: "training_cohorts",
      column: "cancelled_at",
      id,
      regionCode: row.region_code,
    } as const;
    await changeRetirement(trx, actor, target, row.cancelled_at, reason);
  });
}

export const cancelCohort = (db: Tx, actor: Actor, id: string, reason?: string) =>
  retireCohort(db, actor, id, true, reason);
export const restoreCohort = (db: Tx, actor: Actor, id: string, reason?: string) =>
  retireCohort(db, actor, id, false, reason);

// ── Sessions ──────────────────────────────────────────────────────────────────

async function sessionWithCohort(db: Db, id: string) {
  const session = await repo.findSession(db, id);
  if (!session) throw notFound(SESSION);
  const cohort = (await findCohort(db, session.cohort_id))!;
  return { session, cohort };
}

/** Edits a session (date, times, place, trainer, title, modules); the check-in token stays. */
export async function updateSession(
  db: Tx,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateSessionBody>,
) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const { session, cohort } = await sessionWithCohort(trx, id);
    await assertSessionModules(trx, cohort.programme_id, body.moduleIds);
    const after = {
      date: body.date,
      start_time: body.startTime,
      end_time: body.endTime,
      venue: body.venue,
      trainer: body.trainer,
      title: body.title,
    };
    await trx.updateTable("training_sessions").set(after).where("id", "=", id).execute();
    await repo.replaceSessionModules(trx, id, body.moduleIds);
    const target = { table: "training_sessions", id, regionCode: cohort.region_code } as const;
    await auditUpdate(trx, actor, target, session, after, { moduleIds: body.moduleIds });
    return presentSession((await repo.findSession(trx, id))!, body.moduleIds);
  });
}

/** Deletes a session nobody attended, in a cohort without certificates (they print its hours). */
export async function deleteSession(db: Tx, actor: Actor, id: string): Promise<void> {
  assertManage(actor);
  await db.transaction().execute(async (trx) => {
    const { session, cohort } = await sessionWithCohort(trx, id);
    refuseIfUsed(await repo.usageOf(trx, [cohort.id], [id]), SESSION, CANCEL);
    await deleteWithAudit(
      trx,
      actor,
      { table: "training_sessions", id, regionCode: cohort.region_code },
      {
        title: session.title,
        date: session.date,
        start_time: session.start_time,
      },
    );
  });
}

/** Cancels a session: its attendance is kept but it counts in no rate or hours; check-in closes. */
export async function cancelSession(db: Tx, actor: Actor, id: string, reason?: string) {
  return changeSessionRetirement(db, actor, id, reason, "cancel");
}

/** Restores a cancelled session (its attendance counts again); refused while its cohort is cancelled. */
export async function restoreSession(db: Tx, actor: Actor, id: string, reason?: string) {
  return changeSessionRetirement(db, actor, id, reason, "restore");
}

async function changeSessionRetirement(
  db: Tx,
  actor: Actor,
  id: string,
  reason: string | undefined,
  change: "cancel" | "restore",
) {
  assertManage(actor);
  return db.transaction().execute(async (trx) => {
    const { session, cohort } = await sessionWithCohort(trx, id);
    const target = {
      table: "training_sessions",
      column: "cancelled_at",
      id,
      regionCode: cohort.region_code,
    } as const;
    if (change === "cancel" && session.cancelled_at === null) {
      await changeRetirement(trx, actor, target, null, reason);
    } else if (change === "restore" && session.cancelled_at !== null) {
      if (cohort.cancelled_at !== null)
        throw restoreRefused({ id: "angkatannya masih dibatalkan", en: "its cohort is still cancelled" });
      await changeRetirement(trx, actor, target, session.cancelled_at, reason);
    }
    const modules = await trx
      .selectFrom("training_session_modules")
      .select("module_id")
      .where("session_id", "=", id)
      .execute();
    return presentSession(
      (await repo.findSession(trx, id))!,
      modules.map((m) => m.module_id),
    );
  });
}
