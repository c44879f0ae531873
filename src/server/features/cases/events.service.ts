/**
 * The case timeline: reading it, adding notes, and the closing steps (request → sudin approval →
 * selesai, rejection) and reopening. Each step is one appended event and an update of the case
 * row's derived fields in the same transaction.
 */
import type { CreateCaseEventBody } from "../../../core/api/cases.schema.ts";
import type { Stage } from "../../../core/cases/case-enums.ts";
import {
  decideClose,
  decideRejectClosure,
  decideReopen,
  REOPEN_STAGE,
} from "../../../core/cases/stage-machine.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import * as audit from "../audit/audit.service.ts";
import { type CaseCtx, changeCase, type EventInput, loadCase, nowOf } from "./case-context.ts";
import { namedIds, presentEvent } from "./cases.presenter.ts";
import * as repo from "./cases.repository.ts";
import { getCase, stageRefused } from "./cases.service.ts";
import type { CaseRow } from "./cases.table.ts";
import * as tasks from "./tasks.repository.ts";

export async function listTimeline(ctx: CaseCtx, caseId: string) {
  await loadCase(ctx, caseId);
  const rows = await repo.listEvents(ctx.db, caseId);
  const names = await repo.namesOf(ctx.db, rows.flatMap(namedIds));
  return { items: rows.map((row) => presentEvent(row, names)), total: rows.length };
}

function reasonRequired(): AppError {
  return new AppError("validation_failed", {}, [
    {
      field: "body.reason",
      code: "required",
      message: { id: "Alasan penutupan wajib diisi.", en: "A closure reason is required." },
    },
  ]);
}

/** Adds a note or takes a closing step; returns the new event and the case as it now stands. */
export async function addCaseEvent(ctx: CaseCtx, caseId: string, body: CreateCaseEventBody) {
  const eventId = await changeCase(ctx, caseId, async (trx, locked) => {
    const now = nowOf(ctx);
    const stage = locked.stage as Stage;
    const requested = locked.closure_requested_at !== null;
    let event: EventInput;
    let changes: Partial<CaseRow> = {};
    if (body.action === "note") {
      if (!body.note)
        throw new AppError("validation_failed", {}, [
          {
            field: "body.note",
            code: "required",
            message: { id: "Catatan wajib diisi.", en: "The note is required." },
          },
        ]);
      event = { type: "note", note: body.note };
    } else if (body.action === "close") {
      const decision = decideClose(ctx.actor.role, stage, requested);
      if (!decision.ok) throw stageRefused(decision.reason);
      if (decision.action === "request_closure") {
        if (!body.reason) throw reasonRequired();
        changes = {
          closure_requested_reason: body.reason,
          closure_requested_at: now,
          closure_requested_by: ctx.actor.username,
        };
        event = { type: "closure_requested", note: body.note ?? null, data: { reason: body.reason } };
      } else {
        // A sudin approving a request may keep its reason; closing directly needs one.
        const reason = body.reason ?? locked.closure_requested_reason;
        if (!reason) throw reasonRequired();
        changes = {
          stage: "selesai",
          closure_reason: reason,
          closed_at: now,
          closure_requested_reason: null,
          closure_requested_at: null,
          closure_requested_by: null,
        };
        event = {
          type: "closed",
          fromStage: stage,
          toStage: "selesai",
          note: body.note ?? null,
          data: {
            reason,
            approvedRequest: decision.action === "approve_closure",
            requestedBy: locked.closure_requested_by,
          },
        };
        await tasks.closeOpenTasks(trx, { caseId }, "cancelled", now, await allocateSeq(trx));
      }
    } else if (body.action === "reject_closure") {
      const decision = decideRejectClosure(ctx.actor.role, stage, requested);
      if (!decision.ok) throw stageRefused(decision.reason);
      changes = { closure_requested_reason: null, closure_requested_at: null, closure_requested_by: null };
      event = {
        type: "closure_rejected",
        note: body.note ?? null,
        data: { reason: locked.closure_requested_reason },
      };
    } else {
      const decision = decideReopen(ctx.actor.role, stage);
      if (!decision.ok) throw stageRefused(decision.reason);
      changes = { stage: REOPEN_STAGE, closure_reason: null, closed_at: null };
      event = {
        type: "reopened",
        fromStage: "selesai",
        toStage: REOPEN_STAGE,
        note: body.note ?? null,
        data: { previousReason: locked.closure_reason },
      };
    }
    const seq = await allocateSeq(trx);
    await repo.updateCase(trx, caseId, { ...changes, seq, updated_at: now });
    if (body.action !== "note") {
      await audit.record(trx, {
        by: ctx.actor,
        action: "update",
        table: "cases",
        recordId: caseId,
        regionCode: locked.region_code,
        before: { stage },
        after: { stage: changes.stage ?? stage, event: event.type },
      });
    }
    event.id = newId();
    return { events: [event], result: event.id };
  });
  const event = await repo.findEvent(ctx.db, eventId);
  if (!event) throw new Error("The event just written is missing");
  return { event: presentEvent(event), case: await getCase(ctx, caseId) };
}
