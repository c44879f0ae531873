/**
 * Conflicts of offline edits: listed for the worker who made them and their supervisors (the
 * region scope covers both), each with the kept and the sent value, and resolved by choosing one.
 * Choosing the phone's value writes it through the registry service, as any edit.
 */
import type { z } from "zod";
import type { conflictListQuery } from "../../../core/api/sync.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { updateHousehold } from "../households/households.service.ts";
import { updatePerson } from "../persons/persons.service.ts";
import { presentConflict } from "./sync.presenter.ts";
import * as repo from "./sync.repository.ts";

const CONFLICT = (id: string) => ({ id: `Konflik ${id}`, en: `Conflict ${id}` });

export async function listConflicts(db: Db, actor: Actor, query: z.output<typeof conflictListQuery>) {
  assertPermission(actor, "households:read");
  const rows = await repo.listConflicts(db, {
    scope: actor.scope,
    open: query.open,
    recordId: query.recordId,
  });
  return { items: rows.map(presentConflict), total: rows.length };
}

export async function resolveConflict(
  db: Db,
  actor: Actor,
  id: string,
  keep: "server" | "client",
  now: Date,
) {
  return inTransaction(db, async (trx) => {
    const row = await repo.findConflict(trx, id, actor.scope);
    if (!row) throw notFound(CONFLICT(id));
    assertPermission(actor, row.table_name === "households" ? "households:write" : "persons:write");
    if (row.resolved_at) throw new AppError("sync_conflict_resolved");
    if (keep === "client") {
      const body = { [row.field]: JSON.parse(row.client_value) as unknown };
      if (row.table_name === "households") await updateHousehold(trx, actor, row.record_id, body);
      else await updatePerson(trx, actor, row.record_id, body);
    }
    if (
      !(await repo.resolveConflict(trx, id, {
        resolution: keep,
        resolved_by: actor.userId,
        resolved_at: now.toISOString(),
      }))
    )
      throw new AppError("sync_conflict_resolved");
    const stored = await repo.listConflicts(trx, {
      scope: actor.scope,
      open: false,
      recordId: row.record_id,
    });
    return presentConflict(stored.find((c) => c.id === id)!);
  });
}
