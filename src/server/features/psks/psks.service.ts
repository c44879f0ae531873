/**
 * PPKS catalogue and PSKS: the social-welfare resources of an area (LKS, Karang Taruna, TKSK,
 * PSM, helping businesses, …), registered per region and listed within the actor's scope.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createPsksBody, psksListQuery, UpdatePsksBody } from "../../../core/api/registry.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { normalizePhone } from "../../../core/identity/phone.ts";
import { allocateSeq, recordDeletion } from "../../db/change-log.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as ppks from "../ppks/ppks.repository.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import * as repo from "./psks.repository.ts";

export async function listPpksCategories(db: Kysely<Database>) {
  await ensureCatalogues(db);
  const rows = await ppks.listCategories(db);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.name, group: r.group_code, active: r.active === 1 })),
    total: rows.length,
  };
}

/** The PSKS kinds of data/psks.csv (LKS, Karang Taruna, TKSK, PSM, …). */
export async function listPsksKinds(db: Kysely<Database>) {
  await ensureCatalogues(db);
  const rows = await repo.listKinds(db);
  return {
    items: rows.map((r) => ({ code: r.code, name: r.name, active: r.active === 1 })),
    total: rows.length,
  };
}

const PSKS = (id: string) => ({ id: `PSKS ${id}`, en: `PSKS ${id}` });

/** The national form of a phone number; undefined when absent, null when cleared. */
function checkedPhone(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === "") return null;
  const parsed = normalizePhone(raw);
  if (!parsed.ok) {
    throw new AppError(
      "validation_failed",
      {},
      parsed.reasons.map((r) => ({ field: "body.phone", code: r.code, message: { id: r.id, en: r.en } })),
    );
  }
  return parsed.national;
}

async function kindOrFail(db: Db, kindCode: string): Promise<void> {
  if (await repo.findKind(db, kindCode)) return;
  throw new AppError("validation_failed", {}, [
    {
      field: "body.kindCode",
      code: "psks_kind_unknown",
      message: { id: `Jenis PSKS "${kindCode}" tidak dikenal.`, en: `PSKS kind "${kindCode}" is unknown.` },
    },
  ]);
}

/** The region must exist and lie inside the actor's scope. */
async function regionOrFail(db: Db, actor: Actor, regionCode: string): Promise<void> {
  const region = await db
    .selectFrom("regions")
    .select("code")
    .where("code", "=", regionCode)
    .executeTakeFirst();
  if (!region) throw new AppError("region_unknown", { code: regionCode });
  if (!isInScope(actor.scope, regionCode)) throw new AppError("forbidden");
}

/** The organisation if it lies inside the actor's scope; otherwise it does not exist for them. */
async function visibleOrFail(db: Db, actor: Actor, id: string) {
  const row = await repo.findOrganisation(db, id);
  if (!row || !isInScope(actor.scope, row.region_code)) throw notFound(PSKS(id));
  return row;
}

function present(row: Awaited<ReturnType<typeof repo.findOrganisation>> & object) {
  return {
    id: row.id,
    kindCode: row.kind_code,
    kindName: row.kind_name,
    name: row.name,
    regionCode: row.region_code,
    address: row.address,
    contactName: row.contact_name,
    phone: row.phone,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

export async function listPsks(db: Kysely<Database>, actor: Actor, query: z.infer<typeof psksListQuery>) {
  assertPermission(actor, "households:read");
  const { rows, total } = await repo.listOrganisations(db, actor.scope, {
    regionCode: query.region,
    above: query.above === "true" && query.region !== undefined,
    kind: query.kind,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(present), total };
}

/** Registers a PSKS organisation in a region of the actor's scope (idempotent by client id). */
export async function createPsks(db: Kysely<Database>, actor: Actor, body: z.infer<typeof createPsksBody>) {
  assertPermission(actor, "households:write");
  await ensureCatalogues(db);
  const phone = checkedPhone(body.phone) ?? null;
  const id = body.id ?? newId();
  return inTransaction(db, async (trx) => {
    const existing = await repo.findOrganisation(trx, id);
    if (existing) {
      if (!isInScope(actor.scope, existing.region_code)) throw notFound(PSKS(id));
      return { created: false, psks: present(existing) };
    }
    await kindOrFail(trx, body.kindCode);
    await regionOrFail(trx, actor, body.regionCode);
    const now = nowIso();
    await repo.insertOrganisation(trx, {
      id,
      kind_code: body.kindCode,
      name: body.name,
      region_code: body.regionCode,
      address: body.address ?? null,
      contact_name: body.contactName ?? null,
      phone,
      note: body.note ?? null,
      seq: await allocateSeq(trx),
      created_at: now,
      updated_at: now,
    });
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "psks_organisations",
      recordId: id,
      regionCode: body.regionCode,
      after: { kindCode: body.kindCode, name: body.name },
    });
    return { created: true, psks: present((await repo.findOrganisation(trx, id))!) };
  });
}

/** One organisation inside the actor's scope. */
export async function getPsks(db: Db, actor: Actor, id: string) {
  assertPermission(actor, "households:read");
  return present(await visibleOrFail(db, actor, id));
}

/** Changes an organisation (only the fields sent); a new region must lie inside the actor's scope. */
export async function updatePsks(db: Kysely<Database>, actor: Actor, id: string, body: UpdatePsksBody) {
  assertPermission(actor, "households:write");
  await ensureCatalogues(db);
  const phone = checkedPhone(body.phone);
  return inTransaction(db, async (trx) => {
    const row = await visibleOrFail(trx, actor, id);
    const next: Record<string, unknown> = {};
    if (body.kindCode !== undefined && body.kindCode !== row.kind_code) {
      await kindOrFail(trx, body.kindCode);
      next.kind_code = body.kindCode;
    }
    if (body.regionCode !== undefined && body.regionCode !== row.region_code) {
      await regionOrFail(trx, actor, body.regionCode);
      next.region_code = body.regionCode;
    }
    if (body.name !== undefined) next.name = body.name;
    if (body.address !== undefined) next.address = body.address;
    if (body.contactName !== undefined) next.contact_name = body.contactName;
    if (phone !== undefined) next.phone = phone;
    if (body.note !== undefined) next.note = body.note;
    const diff = audit.changedFields(row as unknown as Record<string, unknown>, next);
    if (diff) {
      await repo.updateOrganisation(trx, id, { ...next, seq: await allocateSeq(trx), updated_at: nowIso() });
      await audit.record(trx, {
        by: actor,
        action: "update",
        table: "psks_organisations",
        recordId: id,
        regionCode: row.region_code,
        ...diff,
      });
    }
    return present((await repo.findOrganisation(trx, id))!);
  });
}

/**
 * Deletes an organisation registered by mistake or gone: the row goes, a tombstone tells the
 * phones, the audit log keeps what it was. One that case referrals name stays (409): its name
 * belongs to those referrals' history.
 */
export async function deletePsks(db: Db, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "households:write");
  await inTransaction(db, async (trx) => {
    const row = await visibleOrFail(trx, actor, id);
    const referrals = await repo.countReferrals(trx, id);
    if (referrals > 0) throw new AppError("psks_in_use", { count: referrals });
    await repo.deleteOrganisation(trx, id);
    await recordDeletion(trx, { tableName: "psks_organisations", recordId: id, regionCode: row.region_code });
    await audit.record(trx, {
      by: actor,
      action: "delete",
      table: "psks_organisations",
      recordId: id,
      regionCode: row.region_code,
      before: {
        kindCode: row.kind_code,
        name: row.name,
        address: row.address,
        contactName: row.contact_name,
      },
    });
  });
}
