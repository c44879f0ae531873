/** The case plan: goals and actions, each added or ticked off as a timeline event. */
import type { z } from "zod";
import type { createPlanItemBody, updatePlanItemBody } from "../../../core/api/cases.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import { type CaseCtx, changeCase, loadCase, nowOf } from "./case-context.ts";
import type { CasePlanItemRow } from "./cases.table.ts";
import * as repo from "./plan.repository.ts";

function presentItem(row: CasePlanItemRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as "goal" | "action",
    text: row.text,
    dueOn: row.due_on,
    doneAt: row.done_at,
    createdAt: row.created_at,
  };
}

const findItem = repo.findPlanItem;

export async function listPlan(ctx: CaseCtx, caseId: string) {
  await loadCase(ctx, caseId);
  const rows = await repo.listPlanItems(ctx.db, caseId);
  return { items: rows.map(presentItem), total: rows.length };
}

export async function addPlanItem(ctx: CaseCtx, caseId: string, body: z.infer<typeof createPlanItemBody>) {
  const id = body.id ?? newId();
  const created = await changeCase(ctx, caseId, async (trx, locked) => {
    const existing = await findItem(trx, id);
    if (existing) {
      if (existing.case_id !== caseId) throw new AppError("case_id_taken", { id });
      return { events: [], result: false };
    }
    const now = nowOf(ctx);
    await repo.insertPlanItem(trx, {
      id,
      case_id: caseId,
      region_code: locked.region_code,
      kind: body.kind,
      text: body.text,
      due_on: body.dueOn ?? null,
      done_at: null,
      seq: await allocateSeq(trx),
      created_at: now,
      updated_at: now,
    });
    return {
      events: [{ type: "plan_item_added", data: { itemId: id, kind: body.kind, text: body.text } }],
      result: true,
    };
  });
  const row = await findItem(ctx.db, id);
  if (!row) throw notFound({ id: `Butir rencana ${id}`, en: `Plan item ${id}` });
  return { created, item: presentItem(row) };
}

export async function updatePlanItem(
  ctx: CaseCtx,
  caseId: string,
  itemId: string,
  body: z.infer<typeof updatePlanItemBody>,
) {
  await changeCase(ctx, caseId, async (trx) => {
    const item = await findItem(trx, itemId);
    if (!item || item.case_id !== caseId)
      throw notFound({ id: `Butir rencana ${itemId}`, en: `Plan item ${itemId}` });
    const now = nowOf(ctx);
    const changes: Partial<CasePlanItemRow> = {};
    if (body.text !== undefined) changes.text = body.text;
    if (body.dueOn !== undefined) changes.due_on = body.dueOn;
    if (body.done !== undefined) changes.done_at = body.done ? (item.done_at ?? now) : null;
    await repo.updatePlanItem(trx, itemId, { ...changes, seq: await allocateSeq(trx), updated_at: now });
    return { events: [{ type: "plan_item_updated", data: { itemId, ...body } }], result: undefined };
  });
  const row = await findItem(ctx.db, itemId);
  if (!row) throw notFound({ id: `Butir rencana ${itemId}`, en: `Plan item ${itemId}` });
  return presentItem(row);
}
