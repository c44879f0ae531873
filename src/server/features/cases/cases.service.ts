/**
 * Cases: create (idempotent on the client's id), read, list and change (fields, stage,
 * assignment). Rules come from src/core/cases; every change is a timeline event.
 */
import type { CaseListQuery, CreateCaseBody, UpdateCaseBody } from "../../../core/api/cases.schema.ts";
import type { OpenStage, Urgency } from "../../../core/cases/case-enums.ts";
import { decideMove, roleMay } from "../../../core/cases/stage-machine.ts";
import { firstVisitDue } from "../../../core/cases/task-rules.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { isWithinRegion } from "../../../core/region/region-code.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { assertPermission } from "../auth/actor.ts";
import { findCategory } from "./case-categories.ts";
import {
  actorWorkerId,
  appendEvents,
  CASE_WRITE,
  type CaseCtx,
  caseNotFound,
  changeCase,
  type EventInput,
  loadCase,
  nowOf,
} from "./case-context.ts";
import { presentCase } from "./cases.presenter.ts";
import * as repo from "./cases.repository.ts";
import type { CaseRow } from "./cases.table.ts";
import * as tasks from "./tasks.repository.ts";

const REFUSAL_REASONS = {
  same_stage: { id: "kasus sudah berada di tahap itu", en: "the case is already at that stage" },
  case_closed: {
    id: "kasus sudah selesai; buka kembali terlebih dahulu",
    en: "the case is closed; reopen it first",
  },
  case_open: { id: "kasus belum selesai", en: "the case is not closed" },
  not_allowed: {
    id: "peran Anda tidak boleh melakukan perpindahan ini",
    en: "your role may not make this move",
  },
  closure_not_requested: { id: "tidak ada permintaan penutupan", en: "no closure was requested" },
  closure_pending: {
    id: "permintaan penutupan sedang menunggu persetujuan Sudin",
    en: "a closure request awaits a sudin's approval",
  },
} as const;

/** The 409 for a refused stage change, naming why. */
export function stageRefused(reason: keyof typeof REFUSAL_REASONS): AppError {
  return new AppError("case_stage_refused", {
    reasonId: REFUSAL_REASONS[reason].id,
    reasonEn: REFUSAL_REASONS[reason].en,
  });
}

async function resolveSubject(ctx: CaseCtx, body: CreateCaseBody) {
  if (body.subjectType === "person") {
    const person = await repo.findPersonSubject(ctx.db, body.personId as string);
    if (!person || !isInScope(ctx.actor.scope, person.region_code))
      throw notFound({ id: `Penduduk ${body.personId}`, en: `Person ${body.personId}` });
    return {
      personId: person.id,
      householdId: person.household_id,
      regionCode: person.region_code,
      rw: null,
      rt: null,
    };
  }
  if (body.subjectType === "household") {
    const household = await repo.findHouseholdSubject(ctx.db, body.householdId as string);
    if (!household || !isInScope(ctx.actor.scope, household.region_code))
      throw notFound({ id: `Rumah tangga ${body.householdId}`, en: `Household ${body.householdId}` });
    return {
      personId: null,
      householdId: household.id,
      regionCode: household.region_code,
      rw: null,
      rt: null,
    };
  }
  const code = body.regionCode as string;
  const region = await repo.findRegion(ctx.db, code);
  if (!region || !isInScope(ctx.actor.scope, code)) throw new AppError("region_unknown", { code });
  if (region.kind !== "kelurahan" && region.kind !== "desa") {
    throw new AppError("validation_failed", {}, [
      {
        field: "body.regionCode",
        code: "not_kelurahan",
        message: {
          id: "Kasus kewilayahan dicatat pada kelurahan (boleh dengan RW/RT).",
          en: "Area cases are recorded on a kelurahan (optionally with RW/RT).",
        },
        value: code,
      },
    ]);
  }
  return {
    personId: null,
    householdId: null,
    regionCode: code,
    rw: body.rw ?? null,
    rt: body.rw ? (body.rt ?? null) : null,
  };
}

/**
 * A worker who may hold a case in `regionCode`: active, working in a region that covers the case,
 * and within the assigning actor's scope.
 */
async function checkAssignee(ctx: CaseCtx, db: Db, workerId: string, regionCode: string) {
  const worker = await repo.findWorker(db, workerId);
  const ok =
    worker !== undefined &&
    worker.active === 1 &&
    isWithinRegion(regionCode, worker.region_code) &&
    isInScope(ctx.actor.scope, worker.region_code);
  if (!ok) throw new AppError("case_assignee_invalid", { workerId, regionCode });
  return worker;
}

function categoryOf(code: string, subjectType: string) {
  const category = findCategory(code);
  // Area problems belong to area cases, PPKS categories to people and households.
  if (!category || (category.kind === "area") !== (subjectType === "area")) {
    throw new AppError("case_category_unknown", { category: code });
  }
  return category;
}

export async function createCase(
  ctx: CaseCtx,
  body: CreateCaseBody,
): Promise<{ created: boolean; item: ReturnType<typeof presentCase> }> {
  assertPermission(ctx.actor, CASE_WRITE);
  if (body.id) {
    const existing = await repo.findCaseRow(ctx.db, body.id);
    if (existing) return { created: false, item: presentCase(await loadCaseOrTaken(ctx, body.id)) };
  }
  const subject = await resolveSubject(ctx, body);
  const category = categoryOf(body.category, body.subjectType);
  const mine = await actorWorkerId(ctx);
  let assigneeId = body.assigneeId ?? null;
  if (assigneeId && assigneeId !== mine && !roleMay(ctx.actor.role, "assign"))
    throw new AppError("forbidden");
  if (!assigneeId) assigneeId = mine ?? (await repo.defaultWorkerFor(ctx.db, subject.regionCode));
  if (assigneeId) await checkAssignee(ctx, ctx.db, assigneeId, subject.regionCode);

  const now = nowOf(ctx);
  const reportedAt = body.reportedAt ? new Date(body.reportedAt).toISOString() : now;
  if (reportedAt > now) {
    throw new AppError("validation_failed", {}, [
      {
        field: "body.reportedAt",
        code: "in_future",
        message: {
          id: "Waktu laporan tidak boleh di masa depan.",
          en: "The report time cannot be in the future.",
        },
        value: body.reportedAt,
      },
    ]);
  }
  const id = body.id ?? newId();
  const created = await inTransaction(ctx.db, async (trx) => {
    const caseNumber = await repo.nextCaseNumber(trx, Number(reportedAt.slice(0, 4)));
    const seq = await allocateSeq(trx, 3);
    const row: CaseRow = {
      id,
      case_number: caseNumber,
      subject_type: body.subjectType,
      person_id: subject.personId,
      household_id: subject.householdId,
      region_code: subject.regionCode,
      rw: subject.rw,
      rt: subject.rt,
      category_kind: category.kind,
      category: category.code,
      description: body.description,
      source: body.source,
      urgency: body.urgency,
      stage: "laporan",
      closure_reason: null,
      closure_requested_reason: null,
      closure_requested_at: null,
      closure_requested_by: null,
      assignee_id: assigneeId,
      reported_at: reportedAt,
      first_visit_at: null,
      closed_at: null,
      version: 1,
      created_by: ctx.actor.userId,
      is_demo: 0,
      seq,
      created_at: now,
      updated_at: now,
    };
    // A concurrent create with the same id inserts nothing here and answers with the first.
    if (!(await repo.insertCase(trx, row))) return false;
    const events: EventInput[] = [
      {
        type: "created",
        toStage: "laporan",
        data: { urgency: body.urgency, category: category.code, source: body.source },
      },
    ];
    if (assigneeId) {
      await repo.reassign(trx, {
        id: newId(),
        caseId: id,
        regionCode: row.region_code,
        workerId: assigneeId,
        at: now,
        by: ctx.actor.userId,
        byName: ctx.actor.username,
        seq: seq + 1,
      });
      events.push({ type: "assigned", data: { from: null, to: assigneeId } });
    }
    const dueAt = firstVisitDue(body.urgency, reportedAt);
    await tasks.insertTasks(trx, [
      {
        id: newId(),
        case_id: id,
        region_code: row.region_code,
        kind: "first_visit",
        title: "Kunjungan pertama",
        due_at: dueAt,
        assignee_id: assigneeId,
        referral_id: null,
        status: "open",
        done_at: null,
        seq: seq + 2,
        created_at: now,
        updated_at: now,
      },
    ]);
    events.push({ type: "task_created", data: { kind: "first_visit", dueAt } });
    await appendEvents(trx, ctx, row, events);
    await audit.record(trx, {
      by: ctx.actor,
      action: "create",
      table: "cases",
      recordId: id,
      regionCode: row.region_code,
      after: { caseNumber, subjectType: row.subject_type, category: row.category, urgency: row.urgency },
    });
    return true;
  });
  return { created, item: presentCase(await loadCaseOrTaken(ctx, id)) };
}

/** The case behind a repeated client id; an id used outside the actor's region reads as taken. */
async function loadCaseOrTaken(ctx: CaseCtx, id: string) {
  const row = await repo.findCase(ctx.db, id, ctx.actor.scope, nowOf(ctx));
  if (!row) throw new AppError("case_id_taken", { id });
  return row;
}

export async function getCase(ctx: CaseCtx, id: string) {
  return presentCase(await loadCase(ctx, id));
}

export async function listCases(ctx: CaseCtx, query: CaseListQuery) {
  assertPermission(ctx.actor, "persons:read");
  const assigneeId = query.assignee === "me" ? ((await actorWorkerId(ctx)) ?? "-") : query.assignee;
  const { rows, total } = await repo.listCases(
    ctx.db,
    {
      regionCode: query.region,
      category: query.category,
      urgency: query.urgency,
      stage: query.stage,
      open: query.open,
      subjectType: query.subjectType,
      assigneeId,
      overdueAt: query.overdue ? nowOf(ctx) : undefined,
      householdId: query.householdId,
      personId: query.personId,
      q: query.q,
    },
    ctx.actor.scope,
    nowOf(ctx),
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows.map(presentCase), total };
}

/** PATCH: fields, a stage move and/or a transfer, each a timeline event. Unchanged fields are left alone. */
export async function updateCase(ctx: CaseCtx, id: string, body: UpdateCaseBody) {
  await changeCase(ctx, id, async (trx, locked) => {
    const now = nowOf(ctx);
    const events: EventInput[] = [];
    const changes: Partial<CaseRow> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ["description", "urgency", "category"] as const) {
      const value = body[field];
      if (value === undefined || value === locked[field]) continue;
      if (field === "category") categoryOf(value, locked.subject_type);
      changes[field] = value;
      before[field] = locked[field];
      after[field] = value;
    }
    if (Object.keys(after).length > 0) {
      if (locked.stage === "selesai") throw stageRefused("case_closed");
      events.push({ type: "updated", note: body.note ?? null, data: { before, after } });
    }
    if (body.stage !== undefined) {
      const decision = decideMove(ctx.actor.role, locked.stage as OpenStage, body.stage);
      if (!decision.ok) throw stageRefused(decision.reason);
      changes.stage = body.stage;
      events.push({
        type: "stage_changed",
        fromStage: locked.stage as OpenStage,
        toStage: body.stage,
        note: body.note ?? null,
        data: { action: decision.action },
      });
    }
    const seq = await allocateSeq(trx, 2);
    if (body.assigneeId !== undefined && body.assigneeId !== locked.assignee_id) {
      if (!roleMay(ctx.actor.role, "assign")) throw new AppError("forbidden");
      if (locked.stage === "selesai") throw stageRefused("case_closed");
      await checkAssignee(ctx, trx, body.assigneeId, locked.region_code);
      await repo.reassign(trx, {
        id: newId(),
        caseId: id,
        regionCode: locked.region_code,
        workerId: body.assigneeId,
        at: now,
        by: ctx.actor.userId,
        byName: ctx.actor.username,
        seq,
      });
      await tasks.reassignOpenTasks(trx, id, body.assigneeId, now, seq + 1);
      changes.assignee_id = body.assigneeId;
      events.push({
        type: "assigned",
        note: body.note ?? null,
        data: { from: locked.assignee_id, to: body.assigneeId },
      });
    }
    if (changes.urgency && !locked.first_visit_at) {
      await tasks.rescheduleFirstVisit(
        trx,
        id,
        firstVisitDue(changes.urgency as Urgency, locked.reported_at),
        now,
        seq + 1,
      );
    }
    if (events.length > 0) {
      await repo.updateCase(trx, id, { ...changes, seq, updated_at: now });
      await audit.record(trx, {
        by: ctx.actor,
        action: "update",
        table: "cases",
        recordId: id,
        regionCode: locked.region_code,
        before: { ...before, stage: locked.stage, assigneeId: locked.assignee_id },
        after: {
          ...after,
          stage: changes.stage ?? locked.stage,
          assigneeId: changes.assignee_id ?? locked.assignee_id,
        },
      });
    }
    return { events, result: undefined };
  });
  return getCase(ctx, id);
}

export async function listAssignments(ctx: CaseCtx, id: string) {
  await loadCase(ctx, id);
  const rows = await repo.listAssignments(ctx.db, id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      workerId: r.worker_id,
      workerName: r.worker_name,
      fromAt: r.from_at,
      toAt: r.to_at,
      assignedByName: r.assigned_by_name,
    })),
    total: rows.length,
  };
}

export { caseNotFound };
