/**
 * Push: applies a phone's outbox, each change once. A change's id is stored in `sync_changes` in
 * the same transaction as its effect, so a change that arrives again (a retry after a lost
 * response, a duplicated request) finds its id and gets its first result back as "duplicate"; a
 * change refused by a rule writes nothing and says why ("rejected"), so the phone can show it and
 * the worker can fix it. Each change runs through the feature service its route would call.
 */
import type { ControlledTransaction, Kysely } from "kysely";
import type { z } from "zod";
import { createAssessmentBody } from "../../../core/api/assessments.schema.ts";
import { createCaseBody, createVisitBody } from "../../../core/api/cases.schema.ts";
import {
  createHouseholdBody,
  createPersonBody,
  updateHouseholdBody,
  updatePersonBody,
} from "../../../core/api/registry.schema.ts";
import type { PushBody, PushResult, SyncChange } from "../../../core/api/sync.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { Language } from "../../../core/errors/language.ts";
import { type FieldEdit, mergeEdit } from "../../../core/sync/merge.ts";
import { ATTENDANCE_STATUSES, type AttendanceStatus } from "../../../core/training/attendance.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { createAssessment } from "../assessments/assessments.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import type { CaseCtx } from "../cases/case-context.ts";
import { createCase } from "../cases/cases.service.ts";
import { updateTask } from "../cases/tasks.service.ts";
import { recordVisit } from "../cases/visits.service.ts";
import { findHousehold } from "../households/households.repository.ts";
import { createHousehold, updateHousehold } from "../households/households.service.ts";
import { recordSyncPush } from "../metrics/metric-events.ts";
import { presentHousehold, presentPerson } from "../persons/persons.presenter.ts";
import { findPerson } from "../persons/persons.repository.ts";
import { createPerson, updatePerson } from "../persons/persons.service.ts";
import { markAttendance } from "../training/attendance.service.ts";
import { touchDevice } from "./devices.service.ts";
import { presentConflict } from "./sync.presenter.ts";
import * as repo from "./sync.repository.ts";

export interface SyncDeps {
  db: Kysely<Database>;
  now: () => Date;
}

/**
 * Applies a batch in order; every change gets its own result. Consecutive changes share one
 * transaction, each behind a savepoint of its own: a change refused by a rule is rolled back to
 * its savepoint alone, and the batch pays for one commit instead of one per change (on SQLite
 * the commit was most of a change's cost). Attendance marks run on their own (their service
 * owns its transaction). An unexpected error rolls back the changes of its transaction, whose
 * ids are then not stored: the phone's retry applies them.
 */
export async function pushChanges(deps: SyncDeps, actor: Actor, body: PushBody, lang: Language) {
  assertPermission(actor, "households:read");
  await touchDevice(deps.db, actor, body.deviceId, deps.now());
  const results: PushResult[] = [];
  const { changes } = body;
  for (let i = 0; i < changes.length; ) {
    if ((changes[i] as SyncChange).kind === "attendance.mark") {
      results.push(await applyAttendanceOnce(deps, actor, body.deviceId, changes[i++] as SyncChange, lang));
      continue;
    }
    const trx = await deps.db.startTransaction().execute();
    try {
      for (; i < changes.length && (changes[i] as SyncChange).kind !== "attendance.mark"; i++) {
        results.push(await applyInBatch(trx, deps, actor, body.deviceId, changes[i] as SyncChange, lang));
      }
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
  }
  recordSyncPush(results);
  return { results };
}

async function storedResult(db: Db, actor: Actor, changeId: string): Promise<PushResult | null> {
  const prior = await repo.findChange(db, changeId);
  if (!prior) return null;
  // A change id is the sender's: another user reusing it learns nothing of the first result.
  if (prior.user_id !== actor.userId) throw new AppError("forbidden");
  const first = JSON.parse(prior.result) as PushResult;
  return { ...first, changeId, status: "duplicate" };
}

function changeEntry(deps: SyncDeps, actor: Actor, deviceId: string, change: SyncChange) {
  return {
    change_id: change.changeId,
    user_id: actor.userId,
    device_id: deviceId,
    kind: change.kind,
    record_id: change.recordId,
    status: "applied",
    result: JSON.stringify({ changeId: change.changeId, status: "applied" }),
    made_at: change.madeAt,
    applied_at: deps.now().toISOString(),
  };
}

/** One change inside the batch's transaction, behind its own savepoint. */
async function applyInBatch(
  trx: ControlledTransaction<Database>,
  deps: SyncDeps,
  actor: Actor,
  deviceId: string,
  change: SyncChange,
  lang: Language,
): Promise<PushResult> {
  const prior = await storedResult(trx, actor, change.changeId);
  if (prior) return prior;
  const sp = await trx.savepoint("change").execute();
  try {
    // Claiming the id first: a concurrent copy of this change waits on the key, then fails.
    await repo.insertChange(sp, changeEntry(deps, actor, deviceId, change));
    const conflicts = await applyChange({ db: sp, actor, now: deps.now() }, change);
    let result: PushResult = { changeId: change.changeId, status: "applied" };
    if (conflicts.length > 0) {
      result = { changeId: change.changeId, status: "conflict", conflicts };
      await repo.setChangeResult(sp, change.changeId, "conflict", JSON.stringify(result));
    }
    await sp.releaseSavepoint("change").execute();
    return result;
  } catch (error) {
    await sp.rollbackToSavepoint("change").execute();
    await sp.releaseSavepoint("change").execute();
    if (isUniqueViolation(error)) {
      // Another request stored this change meanwhile (and has committed: we waited on its key).
      const stored = await storedResult(trx, actor, change.changeId);
      if (stored) return stored;
    }
    return refusal(error, change, lang);
  }
}

/** An attendance mark: its service owns its transaction; a mark is an upsert, so a concurrent copy changes nothing. */
async function applyAttendanceOnce(
  deps: SyncDeps,
  actor: Actor,
  deviceId: string,
  change: SyncChange,
  lang: Language,
): Promise<PushResult> {
  try {
    const prior = await storedResult(deps.db, actor, change.changeId);
    if (prior) return prior;
    await applyAttendance(deps.db, actor, change);
    if (!(await repo.insertChangeOnce(deps.db, changeEntry(deps, actor, deviceId, change))))
      return (await storedResult(deps.db, actor, change.changeId)) as PushResult;
    return { changeId: change.changeId, status: "applied" };
  } catch (error) {
    return refusal(error, change, lang);
  }
}

/** A rule's refusal becomes the change's "rejected" result; anything else is thrown on. */
function refusal(error: unknown, change: SyncChange, lang: Language): PushResult {
  if (error instanceof AppError) {
    const problems = error.problems.map((p) => `${p.field}: ${p.message[lang]}`).join("; ");
    return {
      changeId: change.changeId,
      status: "rejected",
      code: error.code,
      message: problems ? `${error.messageIn(lang)} ${problems}` : error.messageIn(lang),
    };
  }
  throw error;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23505" || (typeof e?.code === "string" && e.code.startsWith("SQLITE_CONSTRAINT"));
}

/** Parses a change's payload with the schema of the route it stands for. */
function parsePayload<S extends z.ZodType>(schema: S, change: SyncChange, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "payload"} (${i.message})`).join(", ");
  throw new AppError("sync_payload_invalid", { kind: change.kind, detail });
}

function stringField(change: SyncChange, name: string): string {
  const value = change.payload[name];
  if (typeof value !== "string" || value === "")
    throw new AppError("sync_payload_invalid", { kind: change.kind, detail: `payload.${name}` });
  return value;
}

/** Runs one change inside the caller's transaction; returns the conflicts of an edit. */
async function applyChange(ctx: CaseCtx & { db: Kysely<Database> }, change: SyncChange) {
  const { db, actor } = ctx;
  const withId: Record<string, unknown> = { ...change.payload, id: change.recordId };
  switch (change.kind) {
    case "household.create":
      await createHousehold(db, actor, parsePayload(createHouseholdBody, change, withId));
      return [];
    case "person.create":
      await createPerson(db, actor, parsePayload(createPersonBody, change, withId));
      return [];
    case "household.update":
    case "person.update":
      return applyEdit(ctx, change);
    case "assessment.create": {
      const { householdId: _h, ...rest } = change.payload;
      // The phone's record id is kept, so its local copy and the server's match.
      await createAssessment(
        db,
        actor,
        stringField(change, "householdId"),
        parsePayload(createAssessmentBody, change, rest),
        { id: change.recordId },
      );
      return [];
    }
    case "case.create":
      await createCase(ctx, parsePayload(createCaseBody, change, withId));
      return [];
    case "visit.create": {
      const { caseId: _c, ...rest } = withId;
      await recordVisit(ctx, stringField(change, "caseId"), parsePayload(createVisitBody, change, rest));
      return [];
    }
    case "task.complete": {
      const status = change.payload.status === "cancelled" ? "cancelled" : "done";
      await updateTask(ctx, change.recordId, status);
      return [];
    }
    case "attendance.mark":
      throw new Error("attendance is applied outside the change transaction");
  }
}

async function applyAttendance(db: Kysely<Database>, actor: Actor, change: SyncChange): Promise<void> {
  const status = stringField(change, "status");
  if (!(ATTENDANCE_STATUSES as readonly string[]).includes(status))
    throw new AppError("sync_payload_invalid", { kind: change.kind, detail: "payload.status" });
  await markAttendance(db, actor, stringField(change, "sessionId"), [
    { enrolmentId: stringField(change, "enrolmentId"), status: status as AttendanceStatus },
  ]);
}

const HOUSEHOLD_FIELDS = Object.keys(updateHouseholdBody.shape);
const PERSON_FIELDS = Object.keys(updatePersonBody.shape);

/**
 * An offline edit of a household or person: fields still at their base value take the phone's
 * value, fields someone else changed keep the stored value and become conflicts
 * (src/core/sync/merge.ts).
 */
async function applyEdit(ctx: CaseCtx & { db: Kysely<Database> }, change: SyncChange) {
  const { db, actor } = ctx;
  const isHousehold = change.kind === "household.update";
  const allowed = isHousehold ? HOUSEHOLD_FIELDS : PERSON_FIELDS;
  const edits: Record<string, FieldEdit> = {};
  for (const [field, edit] of Object.entries(change.edits ?? {})) {
    if (!allowed.includes(field))
      throw new AppError("sync_payload_invalid", { kind: change.kind, detail: `edits.${field}` });
    edits[field] = { base: edit.base, value: edit.value };
  }
  assertPermission(actor, isHousehold ? "households:write" : "persons:write");
  const row = isHousehold
    ? await findHousehold(db, change.recordId, actor.scope)
    : await findPerson(db, change.recordId, actor.scope);
  if (!row) {
    const what = isHousehold ? { id: "Keluarga", en: "Household" } : { id: "Orang", en: "Person" };
    throw new AppError("not_found", {
      what: `${what.id} ${change.recordId}`,
      whatEn: `${what.en} ${change.recordId}`,
    });
  }
  const current = isHousehold
    ? presentHousehold(row as Parameters<typeof presentHousehold>[0], "detail")
    : presentPerson(row as Parameters<typeof presentPerson>[0], "detail");
  const outcome = mergeEdit(current as unknown as Record<string, unknown>, edits);
  if (Object.keys(outcome.apply).length > 0) {
    if (isHousehold)
      await updateHousehold(
        db,
        actor,
        change.recordId,
        parsePayload(updateHouseholdBody, change, outcome.apply),
      );
    else
      await updatePerson(db, actor, change.recordId, parsePayload(updatePersonBody, change, outcome.apply));
  }
  const now = ctx.now.toISOString();
  const conflicts = [];
  for (const c of outcome.conflicts) {
    const stored = {
      id: newId(),
      table_name: isHousehold ? "households" : "persons",
      record_id: change.recordId,
      region_code: row.region_code,
      field: c.field,
      server_value: JSON.stringify(c.serverValue),
      client_value: JSON.stringify(c.clientValue),
      change_id: change.changeId,
      created_by: actor.userId,
      created_at: now,
      resolution: null,
      resolved_by: null,
      resolved_at: null,
    };
    await repo.insertConflict(db, stored);
    conflicts.push(presentConflict({ ...stored, created_by_name: null }));
  }
  return conflicts;
}
