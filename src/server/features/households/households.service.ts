/**
 * Households: scoped lists (KK masked), an audited detail view with members, PPKS and history,
 * and audited writes. A change of address is written as a 'household_moved' event beside the
 * updated row; a household with members cannot be deleted.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type {
  CreateHouseholdBody,
  householdListQuery,
  UpdateHouseholdBody,
} from "../../../core/api/registry.schema.ts";
import { AppError, type FieldProblem, notFound } from "../../../core/errors/app-error.ts";
import { parseKkNumber } from "../../../core/identity/kk.ts";
import { encodeListCursor } from "../../../core/registry/list-cursor.ts";
import { allocateSeq, recordDeletion } from "../../db/change-log.ts";
import type { Database, Db } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import {
  presentClassification,
  presentEvent,
  presentHousehold,
  presentPerson,
} from "../persons/persons.presenter.ts";
import * as persons from "../persons/persons.repository.ts";
import * as ppks from "../ppks/ppks.repository.ts";
import * as repo from "./households.repository.ts";
import type { HouseholdRow } from "./households.table.ts";

const HOUSEHOLD = (id: string) => ({ id: `Keluarga ${id}`, en: `Household ${id}` });

function checkedKk(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === "") return null;
  const parsed = parseKkNumber(raw);
  if (!parsed.ok) {
    const problems: FieldProblem[] = parsed.reasons.map((r) => ({
      field: "body.kkNumber",
      code: r.code,
      message: { id: r.id, en: r.en },
    }));
    throw new AppError("validation_failed", {}, problems);
  }
  return parsed.kkNumber;
}

async function kelurahanOrFail(db: Db, code: string): Promise<void> {
  const region = await db.selectFrom("regions").select("kind").where("code", "=", code).executeTakeFirst();
  if (!region || !["kelurahan", "desa"].includes(region.kind))
    throw new AppError("kelurahan_required", { code });
}

export async function listHouseholds(db: Db, actor: Actor, query: z.infer<typeof householdListQuery>) {
  assertPermission(actor, "households:read");
  const digits = query.q?.replace(/[\s.-]/g, "");
  const isKk = digits !== undefined && /^\d{16}$/.test(digits);
  const page = await repo.searchHouseholds(db, {
    scope: actor.scope,
    kk: isKk ? digits : undefined,
    address: isKk ? undefined : query.q,
    regionCode: query.region,
    rw: query.rw,
    rt: query.rt,
    limit: query.limit,
    offset: query.offset,
    after: query.after,
    before: query.before,
    last: query.last === "true",
  });
  return {
    items: page.rows.map((r) => presentHousehold(r, "list", r.member_count)),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    nextCursor: page.nextKey && encodeListCursor(page.nextKey),
    prevCursor: page.prevKey && encodeListCursor(page.prevKey),
  };
}

async function detail(db: Db, row: HouseholdRow) {
  const members = await persons.listMembers(db, row.id);
  const [classes, events] = await Promise.all([
    ppks.listForHousehold(db, row.id),
    persons.listHouseholdEvents(db, row.id),
  ]);
  const living = members.filter((m) => m.died_at === null);
  return {
    ...presentHousehold(row, "detail", living.length),
    members: members.map((m) => presentPerson(m, "detail")),
    ppks: classes.map(presentClassification),
    history: events.map(presentEvent),
  };
}

/** One household with the whole KK number, its members (whole NIKs), PPKS and history; audited. */
export async function getHousehold(db: Db, actor: Actor, id: string) {
  assertPermission(actor, "households:read");
  return inTransaction(db, async (trx) => {
    const row = await repo.findHousehold(trx, id, actor.scope);
    if (!row) throw notFound(HOUSEHOLD(id));
    await audit.record(trx, {
      by: actor,
      action: "view",
      table: "households",
      recordId: id,
      regionCode: row.region_code,
      detail: { fields: ["kkNumber", "members.nik", "members.phone"] },
    });
    return detail(trx, row);
  });
}

/** Registers a household; a repeated create with the same id returns the stored one. */
export async function createHousehold(db: Kysely<Database>, actor: Actor, body: CreateHouseholdBody) {
  assertPermission(actor, "households:write");
  const kk = checkedKk(body.kkNumber) ?? null;
  const id = body.id ?? newId();
  return inTransaction(db, async (trx) => {
    const existing = await repo.findHouseholdAnywhere(trx, id);
    if (existing) {
      if (!isInScope(actor.scope, existing.region_code)) throw notFound(HOUSEHOLD(id));
      return { created: false, household: await detail(trx, existing) };
    }
    await kelurahanOrFail(trx, body.regionCode);
    if (!isInScope(actor.scope, body.regionCode)) throw new AppError("forbidden");
    if (kk && (await repo.findHouseholdByKk(trx, kk))) throw new AppError("kk_taken", { kk });
    const now = nowIso();
    await repo.insertHousehold(trx, {
      id,
      kk_number: kk,
      region_code: body.regionCode,
      rw: body.rw.padStart(3, "0"),
      rt: body.rt.padStart(3, "0"),
      address: body.address,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      is_demo: 0,
      seq: await allocateSeq(trx),
      created_at: now,
      updated_at: now,
    });
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "households",
      recordId: id,
      regionCode: body.regionCode,
      after: { regionCode: body.regionCode, rw: body.rw, rt: body.rt, address: body.address },
    });
    return { created: true, household: await detail(trx, (await repo.findHouseholdAnywhere(trx, id))!) };
  });
}

/** Changes a household; a new address is recorded as a move, and its members follow its region. */
export async function updateHousehold(db: Db, actor: Actor, id: string, body: UpdateHouseholdBody) {
  assertPermission(actor, "households:write");
  const kk = checkedKk(body.kkNumber);
  return inTransaction(db, async (trx) => {
    const row = await repo.findHousehold(trx, id, actor.scope);
    if (!row) throw notFound(HOUSEHOLD(id));
    const next: Record<string, unknown> = {};
    if (kk !== undefined && kk !== row.kk_number) {
      if (kk && (await repo.findHouseholdByKk(trx, kk))) throw new AppError("kk_taken", { kk });
      next.kk_number = kk;
    }
    if (body.regionCode !== undefined && body.regionCode !== row.region_code) {
      await kelurahanOrFail(trx, body.regionCode);
      if (!isInScope(actor.scope, body.regionCode)) throw new AppError("forbidden");
      next.region_code = body.regionCode;
    }
    if (body.rw !== undefined) next.rw = body.rw.padStart(3, "0");
    if (body.rt !== undefined) next.rt = body.rt.padStart(3, "0");
    if (body.address !== undefined) next.address = body.address;
    if (body.latitude !== undefined) next.latitude = body.latitude;
    if (body.longitude !== undefined) next.longitude = body.longitude;
    const diff = audit.changedFields(row as unknown as Record<string, unknown>, next);
    if (diff) {
      const now = nowIso();
      await repo.updateHousehold(trx, id, { ...next, seq: await allocateSeq(trx), updated_at: now });
      const moved = ["region_code", "rw", "rt", "address"].some((k) => k in diff.after);
      if (moved) {
        const to = { ...row, ...next } as HouseholdRow;
        await persons.insertEvent(trx, {
          id: newId(),
          kind: "household_moved",
          person_id: null,
          household_id: id,
          details: JSON.stringify({
            from: { regionCode: row.region_code, rw: row.rw, rt: row.rt, address: row.address },
            to: { regionCode: to.region_code, rw: to.rw, rt: to.rt, address: to.address },
          }),
          occurred_on: now.slice(0, 10),
          region_code: to.region_code,
          recorded_by: actor.userId,
          seq: await allocateSeq(trx),
          created_at: now,
        });
        if (next.region_code) {
          for (const member of await persons.listMembers(trx, id)) {
            await persons.updatePerson(trx, member.id, {
              region_code: to.region_code,
              seq: await allocateSeq(trx),
              updated_at: now,
            });
          }
        }
      }
      await audit.record(trx, {
        by: actor,
        action: "update",
        table: "households",
        recordId: id,
        regionCode: row.region_code,
        ...diff,
      });
    }
    return detail(trx, (await repo.findHouseholdAnywhere(trx, id))!);
  });
}

export async function deleteHousehold(db: Db, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "households:write");
  await inTransaction(db, async (trx) => {
    const row = await repo.findHousehold(trx, id, actor.scope);
    if (!row) throw notFound(HOUSEHOLD(id));
    const members = await repo.countMembers(trx, id);
    if (members > 0) throw new AppError("household_not_empty", { count: members });
    await repo.deleteHousehold(trx, id);
    await recordDeletion(trx, { tableName: "households", recordId: id, regionCode: row.region_code });
    await audit.record(trx, {
      by: actor,
      action: "delete",
      table: "households",
      recordId: id,
      regionCode: row.region_code,
      before: { kkNumber: row.kk_number, address: row.address },
    });
  });
}
