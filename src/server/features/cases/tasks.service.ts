/**
 * Follow-up tasks: a worker's "Tugas saya" (today, overdue, upcoming), a case's tasks, manual
 * tasks, and marking a task done or cancelled. Overdue is decided against the injectable now.
 */
import type { z } from "zod";
import type { createTaskBody, TaskDto, TaskListQuery } from "../../../core/api/cases.schema.ts";
import type { TaskKind, TaskStatus, Urgency } from "../../../core/cases/case-enums.ts";
import { dueBucket, endOfJakartaDay } from "../../../core/cases/task-rules.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import { assertPermission } from "../auth/actor.ts";
import { actorWorkerId, CASE_READ, type CaseCtx, changeCase, loadCase, nowOf } from "./case-context.ts";
import { subjectLabel } from "./cases.presenter.ts";
import { stageRefused } from "./cases.service.ts";
import * as repo from "./tasks.repository.ts";

function presentTask(row: repo.TaskListRow, now: Date): TaskDto {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    regionCode: row.region_code,
    kind: row.kind as TaskKind,
    title: row.title,
    dueAt: row.due_at,
    assigneeId: row.assignee_id,
    referralId: row.referral_id,
    status: row.status as TaskStatus,
    bucket: row.status === "open" ? dueBucket(row.due_at, now) : null,
    doneAt: row.done_at,
    urgency: row.urgency as Urgency,
    subjectLabel: subjectLabel(row),
  };
}

/** GET /tasks: `assignee=me` is the acting user's worker record; status buckets by due time. */
export async function listTasks(ctx: CaseCtx, query: TaskListQuery) {
  assertPermission(ctx.actor, CASE_READ);
  const now = nowOf(ctx);
  const filter: repo.TaskFilter = { regionCode: query.region };
  if (query.assignee === "me") filter.assigneeId = (await actorWorkerId(ctx)) ?? "-";
  else if (query.assignee) filter.assigneeId = query.assignee;
  switch (query.status) {
    case "overdue":
      Object.assign(filter, { status: "open", dueBefore: now });
      break;
    case "today":
      Object.assign(filter, { status: "open", dueFrom: now, dueBefore: endOfJakartaDay(ctx.now) });
      break;
    case "upcoming":
      Object.assign(filter, { status: "open", dueFrom: endOfJakartaDay(ctx.now) });
      break;
    case undefined:
      break;
    default:
      filter.status = query.status;
  }
  const { rows, total } = await repo.listTasks(ctx.db, filter, ctx.actor.scope, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => presentTask(r, ctx.now)), total };
}

export async function listCaseTasks(ctx: CaseCtx, caseId: string) {
  await loadCase(ctx, caseId);
  const { rows, total } = await repo.listTasks(ctx.db, { caseId }, ctx.actor.scope, {
    limit: 500,
    offset: 0,
  });
  return { items: rows.map((r) => presentTask(r, ctx.now)), total };
}

const taskNotFound = (id: string) => notFound({ id: `Tugas ${id}`, en: `Task ${id}` });

export async function createTask(ctx: CaseCtx, caseId: string, body: z.infer<typeof createTaskBody>) {
  const id = body.id ?? newId();
  await changeCase(ctx, caseId, async (trx, locked) => {
    if (locked.stage === "selesai") throw stageRefused("case_closed");
    const now = nowOf(ctx);
    const dueAt = new Date(body.dueAt).toISOString();
    const inserted = await repo.insertTasks(trx, [
      {
        id,
        case_id: caseId,
        region_code: locked.region_code,
        kind: "manual",
        title: body.title,
        due_at: dueAt,
        assignee_id: locked.assignee_id,
        referral_id: null,
        status: "open",
        done_at: null,
        seq: await allocateSeq(trx),
        created_at: now,
        updated_at: now,
      },
    ]);
    return {
      events: inserted
        ? [{ type: "task_created", data: { taskId: id, kind: "manual", title: body.title, dueAt } }]
        : [],
      result: undefined,
    };
  });
  const row = await repo.findTask(ctx.db, id, ctx.actor.scope);
  if (!row || row.case_id !== caseId) throw new AppError("case_id_taken", { id });
  return presentTask(row, ctx.now);
}

export async function updateTask(ctx: CaseCtx, taskId: string, status: "done" | "cancelled") {
  assertPermission(ctx.actor, CASE_READ);
  const task = await repo.findTask(ctx.db, taskId, ctx.actor.scope);
  if (!task) throw taskNotFound(taskId);
  await changeCase(ctx, task.case_id, async (trx) => {
    const closed = await repo.closeOpenTasks(
      trx,
      { caseId: task.case_id, taskId },
      status,
      nowOf(ctx),
      await allocateSeq(trx),
    );
    return {
      events: closed ? [{ type: "task_done", data: { taskId, kind: task.kind, status } }] : [],
      result: undefined,
    };
  });
  const row = await repo.findTask(ctx.db, taskId, ctx.actor.scope);
  if (!row) throw taskNotFound(taskId);
  return presentTask(row, ctx.now);
}
