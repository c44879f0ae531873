/**
 * PPKS catalogue and PSKS: the social-welfare resources of an area (LKS, Karang Taruna, TKSK,
 * PSM, helping businesses, …), registered per region and listed within the actor's scope.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { createPsksBody, psksListQuery } from "../../../core/api/registry.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { normalizePhone } from "../../../core/identity/phone.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Database } from "../../db/database.ts";
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
  let phone: string | null = null;
  if (body.phone) {
    const parsed = normalizePhone(body.phone);
    if (!parsed.ok) {
      throw new AppError(
        "validation_failed",
        {},
        parsed.reasons.map((r) => ({ field: "body.phone", code: r.code, message: { id: r.id, en: r.en } })),
      );
    }
    phone = parsed.national;
  }
  const id = body.id ?? newId();
  return inTransaction(db, async (trx) => {
    const existing = await repo.findOrganisation(trx, id);
    if (existing) {
      if (!isInScope(actor.scope, existing.region_code))
        throw notFound({ id: `PSKS ${id}`, en: `PSKS ${id}` });
      return { created: false, psks: present(existing) };
    }
    if (!(await repo.findKind(trx, body.kindCode))) {
      throw new AppError("validation_failed", {}, [
        {
          field: "body.kindCode",
          code: "psks_kind_unknown",
          message: {
            id: `Jenis PSKS "${body.kindCode}" tidak dikenal.`,
            en: `PSKS kind "${body.kindCode}" is unknown.`,
          },
        },
      ]);
    }
    const region = await trx
      .selectFrom("regions")
      .select("code")
      .where("code", "=", body.regionCode)
      .executeTakeFirst();
    if (!region) throw new AppError("region_unknown", { code: body.regionCode });
    if (!isInScope(actor.scope, body.regionCode)) throw new AppError("forbidden");
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
