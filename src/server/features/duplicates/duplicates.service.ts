/**
 * The duplicate review queue. Probable duplicates arrive from imports and registrations (same
 * normalised name and birth date under two records; one NIK arriving with another name) or are
 * reported by a worker. A reviewer merges or dismisses them. A merge keeps both records and both
 * histories: the merged record stays, marked `merged_into_id`, its PPKS classifications move to
 * the kept record, and an event on each side says who merged what; the whole decision is audited.
 */
import type { z } from "zod";
import type {
  duplicateListQuery,
  mergeDuplicateBody,
  reportDuplicateBody,
} from "../../../core/api/registry.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Db } from "../../db/database.ts";
import { isUuid, newId, nowIso } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { presentPerson } from "../persons/persons.presenter.ts";
import * as persons from "../persons/persons.repository.ts";
import * as repo from "./duplicates.repository.ts";
import type { DuplicateCandidateRow } from "./duplicates.table.ts";

const CANDIDATE = (id: string) => ({ id: `Dugaan data ganda ${id}`, en: `Probable duplicate ${id}` });

async function present(db: Db, row: DuplicateCandidateRow) {
  const [person, other] = await Promise.all([
    persons.findPersonAnywhere(db, row.person_id),
    row.other_person_id ? persons.findPersonAnywhere(db, row.other_person_id) : undefined,
  ]);
  if (!person) throw notFound({ id: `Penduduk ${row.person_id}`, en: `Person ${row.person_id}` });
  return {
    id: row.id,
    kind: row.kind as "same_name_birth" | "nik_name_conflict" | "reported",
    status: row.status as "pending" | "merged" | "dismissed",
    person: presentPerson(person, "list"),
    otherPerson: other ? presentPerson(other, "list") : null,
    incoming: row.incoming ? (JSON.parse(row.incoming) as Record<string, unknown>) : null,
    regionCode: row.region_code,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
  };
}

export async function listDuplicates(db: Db, actor: Actor, query: z.infer<typeof duplicateListQuery>) {
  assertPermission(actor, "persons:read");
  const { rows, total } = await repo.listCandidates(db, actor.scope, {
    status: query.status,
    regionCode: query.region,
    limit: query.limit,
    offset: query.offset,
  });
  const items = [];
  for (const row of rows) items.push(await present(db, row));
  return { items, total };
}

/** A worker reports two records as the same person. */
export async function reportDuplicate(db: Db, actor: Actor, body: z.infer<typeof reportDuplicateBody>) {
  assertPermission(actor, "persons:write");
  return inTransaction(db, async (trx) => {
    const a = await persons.findPerson(trx, body.personId, actor.scope);
    const b = await persons.findPerson(trx, body.otherPersonId, actor.scope);
    if (!a) throw notFound({ id: `Penduduk ${body.personId}`, en: `Person ${body.personId}` });
    if (!b) throw notFound({ id: `Penduduk ${body.otherPersonId}`, en: `Person ${body.otherPersonId}` });
    await repo.queuePair(trx, "reported", a.id, b.id, a.region_code);
    const [x, y] = [a.id, b.id].sort();
    const row = await trx
      .selectFrom("duplicate_candidates")
      .selectAll()
      .where("fingerprint", "=", `same_name_birth:${x}:${y}`)
      .executeTakeFirstOrThrow();
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "duplicate_candidates",
      recordId: row.id,
      regionCode: row.region_code,
      after: { personId: a.id, otherPersonId: b.id },
    });
    return present(trx, row);
  });
}

async function pending(trx: Db, actor: Actor, id: string) {
  const row = await repo.findCandidate(trx, id, actor.scope);
  if (!row) throw notFound(CANDIDATE(id));
  if (row.status !== "pending") throw new AppError("duplicate_resolved", { status: row.status });
  return row;
}

/** 404 unless the candidate exists inside the actor's scope (checked before a body is validated). */
export async function assertCandidateVisible(db: Db, actor: Actor, id: string): Promise<void> {
  const row = isUuid(id) ? await repo.findCandidate(db, id, actor.scope) : undefined;
  if (!row) throw notFound(CANDIDATE(id));
}

/** Merges the pair: `keepPersonId` stays, the other is marked merged into it; histories are kept. */
export async function mergeDuplicate(
  db: Db,
  actor: Actor,
  id: string,
  body: z.infer<typeof mergeDuplicateBody>,
) {
  assertPermission(actor, "persons:write");
  return inTransaction(db, async (trx) => {
    const row = await pending(trx, actor, id);
    if (!row.other_person_id) {
      throw new AppError("validation_failed", {}, [
        {
          field: "id",
          code: "nothing_to_merge",
          message: {
            id: "Dugaan ini hanya berisi satu data (nama berbeda untuk satu NIK): perbaiki nama atau tolak.",
            en: "This candidate holds one record only (another name for one NIK): correct the name or dismiss.",
          },
        },
      ]);
    }
    const ids = [row.person_id, row.other_person_id];
    if (!ids.includes(body.keepPersonId)) {
      throw new AppError("validation_failed", {}, [
        {
          field: "body.keepPersonId",
          code: "not_in_pair",
          message: {
            id: "keepPersonId harus salah satu dari dua data yang diduga ganda.",
            en: "keepPersonId must be one of the two records of the pair.",
          },
        },
      ]);
    }
    const mergedId = ids.find((x) => x !== body.keepPersonId)!;
    const kept = await persons.findPerson(trx, body.keepPersonId, actor.scope);
    const merged = await persons.findPerson(trx, mergedId, actor.scope);
    if (!kept || !merged) throw notFound(CANDIDATE(id));
    const now = nowIso();
    await persons.updatePerson(trx, mergedId, {
      merged_into_id: kept.id,
      seq: await allocateSeq(trx),
      updated_at: now,
    });
    await persons.reassignPersonRecords(trx, mergedId, kept.id);
    for (const [personId, other, role] of [
      [kept.id, merged.id, "kept"],
      [merged.id, kept.id, "merged"],
    ] as const) {
      await persons.insertEvent(trx, {
        id: newId(),
        kind: "person_merged",
        person_id: personId,
        household_id: personId === kept.id ? kept.household_id : merged.household_id,
        details: JSON.stringify({ role, otherPersonId: other, candidateId: id }),
        occurred_on: now.slice(0, 10),
        region_code: personId === kept.id ? kept.region_code : merged.region_code,
        recorded_by: actor.userId,
        seq: await allocateSeq(trx),
        created_at: now,
      });
    }
    await repo.resolveCandidate(trx, id, {
      status: "merged",
      resolvedBy: actor.userId,
      note: body.note ?? null,
    });
    await audit.record(trx, {
      by: actor,
      action: "update",
      table: "persons",
      recordId: mergedId,
      regionCode: merged.region_code,
      before: { mergedIntoId: null },
      after: { mergedIntoId: kept.id },
      detail: { duplicateCandidateId: id, keptPersonId: kept.id },
    });
    return present(trx, (await repo.findCandidate(trx, id, actor.scope))!);
  });
}

/** Dismisses the pair: they are different people (or the incoming name was wrong). */
export async function dismissDuplicate(db: Db, actor: Actor, id: string, note?: string) {
  assertPermission(actor, "persons:write");
  return inTransaction(db, async (trx) => {
    const row = await pending(trx, actor, id);
    await repo.resolveCandidate(trx, id, {
      status: "dismissed",
      resolvedBy: actor.userId,
      note: note ?? null,
    });
    await audit.record(trx, {
      by: actor,
      action: "update",
      table: "duplicate_candidates",
      recordId: id,
      regionCode: row.region_code,
      before: { status: "pending" },
      after: { status: "dismissed" },
    });
    return present(trx, (await repo.findCandidate(trx, id, actor.scope))!);
  });
}
