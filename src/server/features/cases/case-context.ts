/**
 * What every case-work service shares: the request's context (database, actor, the injectable
 * "now"), loading a case within the actor's scope (404 outside it), and changing a case safely
 * under concurrency — lock the row by bumping its version, then append events and update the
 * derived fields in the same transaction.
 */
import type { Permission } from "../../../core/access/permissions.ts";
import type { EventType, Stage } from "../../../core/cases/case-enums.ts";
import { notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { newId } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as repo from "./cases.repository.ts";
import type { CaseRow } from "./cases.table.ts";

/** Reading cases needs the registry's read permission; changing them its write permission. */
export const CASE_READ: Permission = "persons:read";
export const CASE_WRITE: Permission = "persons:write";

export interface CaseCtx {
  db: Db;
  actor: Actor;
  /** The current instant: injectable, so tests can move time. */
  now: Date;
}

export const nowOf = (ctx: CaseCtx) => ctx.now.toISOString();

export function caseNotFound(id: string) {
  return notFound({ id: `Kasus ${id}`, en: `Case ${id}` });
}

/** The case with its display fields, or 404 when missing or outside the actor's region. */
export async function loadCase(ctx: CaseCtx, id: string, db: Db = ctx.db): Promise<repo.CaseListRow> {
  assertPermission(ctx.actor, CASE_READ);
  const row = await repo.findCase(db, id, ctx.actor.scope, nowOf(ctx));
  if (!row) throw caseNotFound(id);
  return row;
}

export interface EventInput {
  /** Set when the caller needs to find the event afterwards. */
  id?: string;
  type: EventType;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Runs `work` on the locked, current case row inside a transaction. Everything `work` writes and
 * the events it returns commit together; two concurrent changes run one after the other, each
 * seeing the other's result, so neither is lost.
 */
export async function changeCase<T>(
  ctx: CaseCtx,
  id: string,
  work: (trx: Db, locked: CaseRow) => Promise<{ events: EventInput[]; result: T }>,
): Promise<T> {
  assertPermission(ctx.actor, CASE_WRITE);
  return inTransaction(ctx.db, async (trx) => {
    const visible = await repo.findCase(trx, id, ctx.actor.scope, nowOf(ctx));
    if (!visible) throw caseNotFound(id);
    const locked = await repo.lockCase(trx, id);
    if (!locked) throw caseNotFound(id);
    const { events, result } = await work(trx, locked);
    await appendEvents(trx, ctx, locked, events);
    return result;
  });
}

/** Appends events to a case's timeline at the locked row's version. */
export async function appendEvents(
  trx: Db,
  ctx: CaseCtx,
  locked: CaseRow,
  events: EventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const seq = await allocateSeq(trx, events.length);
  const at = nowOf(ctx);
  await repo.insertEvents(
    trx,
    events.map((e, i) => ({
      id: e.id ?? newId(),
      case_id: locked.id,
      region_code: locked.region_code,
      case_version: locked.version,
      type: e.type,
      at,
      by_user_id: ctx.actor.userId,
      by_name: ctx.actor.username,
      from_stage: e.fromStage ?? null,
      to_stage: e.toStage ?? null,
      note: e.note ?? null,
      data_json: e.data ? JSON.stringify(e.data) : null,
      seq: seq + i,
    })),
  );
}

/** The worker record of the acting user, if the login is linked to one. */
export async function actorWorkerId(ctx: CaseCtx): Promise<string | null> {
  return repo.workerIdOfUser(ctx.db, ctx.actor.userId);
}
