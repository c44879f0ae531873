/**
 * The workforce registry (TKSK and PSM): scoped reads, an audited detail view (the whole phone
 * number is personal data) and audited updates. A worker outside the actor's scope does not exist
 * for them (404).
 */
import type { z } from "zod";
import type { updateWorkerBody, workerListQuery } from "../../../core/api/workers.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { normalizePhone } from "../../../core/identity/phone.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { nowIso } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { presentWorker } from "./workers.presenter.ts";
import * as repo from "./workers.repository.ts";

const WORKER = (id: string) => ({ id: `Petugas ${id}`, en: `Worker ${id}` });

export async function listWorkers(db: Db, actor: Actor, query: z.infer<typeof workerListQuery>) {
  assertPermission(actor, "workers:read");
  const { rows, total } = await repo.listWorkers(db, actor.scope, {
    role: query.role,
    region: query.region,
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((r) => presentWorker(r, "list")), total };
}

/** One worker with the whole phone number; the view is audited. */
export async function getWorker(db: Db, actor: Actor, id: string) {
  assertPermission(actor, "workers:read");
  return inTransaction(db, async (trx) => {
    const row = await repo.findWorker(trx, id, actor.scope);
    if (!row) throw notFound(WORKER(id));
    await audit.record(trx, {
      by: actor,
      action: "view",
      table: "workers",
      recordId: id,
      regionCode: row.region_code,
      detail: { fields: ["phone"] },
    });
    return presentWorker(row, "detail");
  });
}

export async function updateWorker(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateWorkerBody>,
) {
  assertPermission(actor, "workers:write");
  let phone = input.phone;
  if (typeof phone === "string" && phone !== "") {
    const parsed = normalizePhone(phone);
    if (!parsed.ok) {
      throw new AppError("validation_failed", {}, [
        ...parsed.reasons.map((r) => ({
          field: "body.phone",
          code: r.code,
          message: { id: r.id, en: r.en },
        })),
      ]);
    }
    // Stored as dialled in Indonesia, like the rest of the workforce registry.
    phone = parsed.national;
  } else if (phone === "") phone = null;
  return inTransaction(db, async (trx) => {
    const row = await repo.findWorker(trx, id, actor.scope);
    if (!row) throw notFound(WORKER(id));
    const next = {
      name: input.name,
      phone,
      active: input.active === undefined ? undefined : input.active ? 1 : 0,
    };
    const diff = audit.changedFields(row as unknown as Record<string, unknown>, next);
    if (diff) {
      await repo.updateWorker(trx, id, {
        ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
        seq: await allocateSeq(trx),
        updated_at: nowIso(),
      });
      await audit.record(trx, {
        by: actor,
        action: "update",
        table: "workers",
        recordId: id,
        regionCode: row.region_code,
        ...diff,
      });
    }
    const updated = await repo.findWorker(trx, id, actor.scope);
    return presentWorker(updated!, "detail");
  });
}
