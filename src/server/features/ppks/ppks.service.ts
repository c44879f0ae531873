/**
 * PPKS classifications, shared by persons and households: a person's classification carries its
 * person and household; a household's own classification (the whole family is, say, a fakir
 * miskin household) carries only the household. Adding is idempotent by client id; a status
 * change (aktif → ditangani → selesai) is audited with its before and after values.
 */
import type { Kysely } from "kysely";
import type { CreatePpksBody, UpdatePpksBody } from "../../../core/api/registry.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { ALL_REGIONS, isInScope } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as households from "../households/households.repository.ts";
import { presentClassification } from "../persons/persons.presenter.ts";
import * as repo from "./ppks.repository.ts";
import { ensureCatalogues } from "./ppks-catalogue.ts";

const HOUSEHOLD = (id: string) => ({ id: `Keluarga ${id}`, en: `Household ${id}` });
const CLASSIFICATION = (id: string) => ({ id: `Klasifikasi PPKS ${id}`, en: `PPKS classification ${id}` });

function idTaken(id: string): AppError {
  return new AppError("validation_failed", {}, [
    {
      field: "body.id",
      code: "ppks_id_taken",
      message: {
        id: `Id ${id} sudah dipakai klasifikasi PPKS lain.`,
        en: `Id ${id} is already used by another PPKS classification.`,
      },
    },
  ]);
}

/** Who a new classification is about: a person (with their household) or a household alone. */
export interface PpksTarget {
  personId: string | null;
  householdId: string | null;
  regionCode: string;
}

/**
 * Inserts a classification unless one with the body's client id exists (a repeated add from an
 * offline phone). Call inside the caller's transaction, after `ensureCatalogues`. Returns its id.
 */
export async function insertPpks(trx: Db, actor: Actor, target: PpksTarget, body: CreatePpksBody) {
  const code = body.categoryCode.padStart(2, "0");
  if (!(await repo.findCategory(trx, code))) {
    throw new AppError("validation_failed", {}, [
      {
        field: "body.categoryCode",
        code: "ppks_unknown",
        message: {
          id: `Kode PPKS ${code} tidak ada dalam katalog.`,
          en: `PPKS code ${code} is not in the catalogue.`,
        },
      },
    ]);
  }
  const id = body.id ?? newId();
  const existing = await repo.findClassification(trx, id, ALL_REGIONS);
  if (existing) {
    // A repeated add answers the stored classification; a client id used for another one is refused.
    const same =
      isInScope(actor.scope, existing.region_code) &&
      existing.person_id === target.personId &&
      (target.personId !== null || existing.household_id === target.householdId);
    if (!same) throw idTaken(id);
    return { id, created: false };
  }
  const now = nowIso();
  await repo.insertClassification(trx, {
    id,
    person_id: target.personId,
    household_id: target.householdId,
    category_code: code,
    found_on: body.foundOn,
    source: body.source,
    worker_id: body.workerId ?? null,
    status: body.status,
    note: body.note ?? null,
    region_code: target.regionCode,
    seq: await allocateSeq(trx),
    created_at: now,
    updated_at: now,
  });
  await audit.record(trx, {
    by: actor,
    action: "create",
    table: "ppks_classifications",
    recordId: id,
    regionCode: target.regionCode,
    after: {
      personId: target.personId,
      householdId: target.householdId,
      categoryCode: code,
      status: body.status,
      source: body.source,
    },
  });
  return { id, created: true };
}

/**
 * Changes the status or note of a classification in the actor's scope; with `householdId`, only
 * one that belongs to that household (its own or a member's). Returns it presented.
 */
export async function changePpks(
  trx: Db,
  actor: Actor,
  id: string,
  body: UpdatePpksBody,
  householdId?: string,
) {
  const row = await repo.findClassification(trx, id, actor.scope);
  if (!row || (householdId !== undefined && row.household_id !== householdId))
    throw notFound(CLASSIFICATION(id));
  const next = { status: body.status, note: body.note };
  const diff = audit.changedFields(row as unknown as Record<string, unknown>, next);
  if (diff) {
    await repo.updateClassification(trx, id, {
      ...(body.status ? { status: body.status } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
      seq: await allocateSeq(trx),
      updated_at: nowIso(),
    });
    await audit.record(trx, {
      by: actor,
      action: "update",
      table: "ppks_classifications",
      recordId: id,
      regionCode: row.region_code,
      ...diff,
    });
  }
  return presentClassification((await repo.findClassificationWithName(trx, id, actor.scope))!);
}

async function householdOrFail(db: Db, actor: Actor, householdId: string) {
  const household = await households.findHousehold(db, householdId, actor.scope);
  if (!household) throw notFound(HOUSEHOLD(householdId));
  return household;
}

/** 404 unless the household exists inside the actor's scope (checked before a body is validated). */
export async function assertHouseholdVisible(db: Db, actor: Actor, householdId: string): Promise<void> {
  await householdOrFail(db, actor, householdId);
}

/** The household's own classifications and its members', oldest first. */
export async function listHouseholdPpks(db: Db, actor: Actor, householdId: string) {
  assertPermission(actor, "households:read");
  await householdOrFail(db, actor, householdId);
  const rows = await repo.listForHousehold(db, householdId);
  return { items: rows.map(presentClassification), total: rows.length };
}

/** Classifies the whole household (no person); idempotent by client id. */
export async function addHouseholdPpks(
  db: Kysely<Database>,
  actor: Actor,
  householdId: string,
  body: CreatePpksBody,
) {
  assertPermission(actor, "households:write");
  await ensureCatalogues(db);
  return inTransaction(db, async (trx) => {
    const household = await householdOrFail(trx, actor, householdId);
    const { id, created } = await insertPpks(
      trx,
      actor,
      { personId: null, householdId, regionCode: household.region_code },
      body,
    );
    const stored = (await repo.findClassificationWithName(trx, id, actor.scope))!;
    return { created, classification: presentClassification(stored) };
  });
}

/** Changes the status or note of one of the household's classifications. */
export async function updateHouseholdPpks(
  db: Db,
  actor: Actor,
  householdId: string,
  id: string,
  body: UpdatePpksBody,
) {
  assertPermission(actor, "households:write");
  return inTransaction(db, async (trx) => {
    await householdOrFail(trx, actor, householdId);
    return changePpks(trx, actor, id, body, householdId);
  });
}

/**
 * The PPKS list of the actor's area, or of one region in it: its open classifications (what the dashboard's
 * "PPKS aktif" counts), or all of them with `all`.
 */
export async function listRegionPpks(
  db: Db,
  actor: Actor,
  query: { region?: string; all?: boolean; limit?: number; offset?: number },
) {
  assertPermission(actor, "households:read");
  const { rows, total } = await repo.listInRegion(db, actor.scope, {
    region: query.region,
    all: query.all ?? false,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items: rows.map(presentClassification), total };
}
