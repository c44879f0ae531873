/**
 * Persons: scoped search, an audited detail view with PPKS and history, and audited writes.
 * Moving between households, dying and receiving a NIK are recorded as events next to the
 * updated row, never as silent overwrites. A person outside the actor's scope does not exist for
 * them (404).
 */
import type { Kysely } from "kysely";
import type {
  CreatePersonBody,
  CreatePpksBody,
  PersonListQuery,
  UpdatePersonBody,
  UpdatePpksBody,
} from "../../../core/api/registry.schema.ts";
import { AppError, type FieldProblem, notFound } from "../../../core/errors/app-error.ts";
import { parseNik } from "../../../core/identity/nik.ts";
import { normalizeName, phoneticKey } from "../../../core/identity/person-name.ts";
import { normalizePhone } from "../../../core/identity/phone.ts";
import { encodeListCursor } from "../../../core/registry/list-cursor.ts";
import { allocateSeq, recordDeletion } from "../../db/change-log.ts";
import type { Database, Db, Dialect } from "../../db/database.ts";
import { isUuid, newId, nowIso } from "../../db/ids.ts";
import { isInScope } from "../../db/scope.ts";
import { inTransaction } from "../../db/transaction.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import * as duplicates from "../duplicates/duplicates.repository.ts";
import * as households from "../households/households.repository.ts";
import * as ppks from "../ppks/ppks.repository.ts";
import { changePpks, insertPpks } from "../ppks/ppks.service.ts";
import { ensureCatalogues } from "../ppks/ppks-catalogue.ts";
import { searchPersons } from "./person-search.repository.ts";
import { presentClassification, presentEvent, presentPerson } from "./persons.presenter.ts";
import * as repo from "./persons.repository.ts";
import type { PersonRow } from "./persons.table.ts";

const PERSON = (id: string) => ({ id: `Penduduk ${id}`, en: `Person ${id}` });
const HOUSEHOLD = (id: string) => ({ id: `Keluarga ${id}`, en: `Household ${id}` });

function invalid(field: string, reasons: { code: string; id: string; en: string }[]): AppError {
  const problems: FieldProblem[] = reasons.map((r) => ({
    field,
    code: r.code,
    message: { id: r.id, en: r.en },
  }));
  return new AppError("validation_failed", {}, problems);
}

function checkedNik(raw: string | null | undefined, field = "body.nik"): string | null {
  if (raw === null || raw === undefined || raw.trim() === "") return null;
  const parsed = parseNik(raw);
  if (!parsed.ok) throw invalid(field, parsed.reasons);
  return parsed.nik;
}

function checkedPhone(raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === "") return null;
  const parsed = normalizePhone(raw);
  if (!parsed.ok) throw invalid("body.phone", parsed.reasons);
  return parsed.national;
}

/** YYYY-MM-DD of `today` minus `years` (plus `days`), for age filters. */
function yearsAgo(today: Date, years: number, days = 0): string {
  const d = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + days),
  );
  return d.toISOString().slice(0, 10);
}

/** Persons matching the filters within the actor's scope; NIK, KK and phone masked. */
export async function listPersons(db: Db, dialect: Dialect, actor: Actor, query: PersonListQuery) {
  assertPermission(actor, "persons:read");
  let name = query.q;
  let nik = query.nik;
  let kk = query.kk;
  const digits = query.q?.replace(/[\s.-]/g, "");
  if (digits && /^\d{16}$/.test(digits)) {
    // A whole 16-digit number is a NIK or a KK number, never a name: match it exactly.
    name = undefined;
    const byNik = await repo.findPersonByNik(db, digits);
    if (byNik) nik = digits;
    else kk = digits;
  }
  // Rows written by other writers without a phonetic key (the demo seed, older data) get one
  // before a name search, so the search never silently misses them. The probe uses the index.
  if (name) await repo.backfillPhoneticKeys(db, phoneticKey);
  const today = new Date();
  const page = await searchPersons(db, dialect, {
    scope: actor.scope,
    name,
    nik,
    kk,
    regionCode: query.region,
    rw: query.rw,
    ppksCode: query.ppks?.padStart(2, "0"),
    bornTo: query.ageMin !== undefined ? yearsAgo(today, query.ageMin) : undefined,
    bornFrom: query.ageMax !== undefined ? yearsAgo(today, query.ageMax + 1, 1) : undefined,
    householdId: query.householdId,
    includeDead: query.includeDead === "true",
    limit: query.limit,
    offset: query.offset,
    after: query.after,
    before: query.before,
    last: query.last === "true",
  });
  return {
    items: page.rows.map((r) => presentPerson(r, "list")),
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    nextCursor: page.nextKey && encodeListCursor(page.nextKey),
    prevCursor: page.prevKey && encodeListCursor(page.prevKey),
  };
}

async function detail(db: Db, row: PersonRow) {
  const [classes, events] = await Promise.all([
    ppks.listForPersons(db, [row.id]),
    repo.listPersonEvents(db, [row.id]),
  ]);
  return {
    ...presentPerson(row, "detail"),
    ppks: classes.map(presentClassification),
    history: events.map(presentEvent),
  };
}

/** One person with the whole NIK, PPKS and history; the view is audited. */
export async function getPerson(db: Db, actor: Actor, id: string) {
  assertPermission(actor, "persons:read");
  return inTransaction(db, async (trx) => {
    const row = await repo.findPerson(trx, id, actor.scope);
    if (!row) throw notFound(PERSON(id));
    await audit.record(trx, {
      by: actor,
      action: "view",
      table: "persons",
      recordId: id,
      regionCode: row.region_code,
      detail: { fields: ["nik", "phone"] },
    });
    return detail(trx, row);
  });
}

async function kelurahanOrFail(db: Db, code: string): Promise<void> {
  const region = await db.selectFrom("regions").select("kind").where("code", "=", code).executeTakeFirst();
  if (!region || !["kelurahan", "desa"].includes(region.kind))
    throw new AppError("kelurahan_required", { code });
}

/** Queues probable duplicates of `row` (same normalised name and birth date, another record). */
async function queueSameNameBirth(trx: Db, row: PersonRow): Promise<void> {
  if (!row.birth_date) return;
  const others = await repo.findSameNameBirth(trx, row.name_normalized, row.birth_date, row.id);
  for (const other of others)
    await duplicates.queuePair(trx, "same_name_birth", other.id, row.id, row.region_code);
}

/**
 * Registers a person, with or without NIK ("NIK belum ada"). A repeated create with the same id
 * returns the stored person unchanged, so an offline phone can retry.
 */
export async function createPerson(db: Kysely<Database>, actor: Actor, body: CreatePersonBody) {
  assertPermission(actor, "persons:write");
  const nik = checkedNik(body.nik);
  const phone = checkedPhone(body.phone) ?? null;
  const id = body.id ?? newId();
  return inTransaction(db, async (trx) => {
    const existing = await repo.findPersonAnywhere(trx, id);
    if (existing) {
      if (!isInScope(actor.scope, existing.region_code)) throw notFound(PERSON(id));
      return { created: false, person: await detail(trx, existing) };
    }
    let regionCode: string;
    if (body.householdId) {
      const household = await households.findHousehold(trx, body.householdId, actor.scope);
      if (!household) throw notFound(HOUSEHOLD(body.householdId));
      regionCode = household.region_code;
    } else {
      if (!body.regionCode) throw new AppError("person_region_required");
      await kelurahanOrFail(trx, body.regionCode);
      if (!isInScope(actor.scope, body.regionCode)) throw new AppError("forbidden");
      regionCode = body.regionCode;
    }
    if (nik && (await repo.findPersonByNik(trx, nik))) throw new AppError("nik_taken", { nik });
    const now = nowIso();
    const row = {
      id,
      household_id: body.householdId ?? null,
      nik,
      nik_status: nik ? "ada" : "belum_ada",
      name: body.name,
      name_normalized: normalizeName(body.name),
      name_phonetic: phoneticKey(body.name),
      sex: body.sex,
      birth_place: body.birthPlace ?? null,
      birth_date: body.birthDate ?? null,
      relation: body.relation,
      marital_status: body.maritalStatus ?? null,
      education: body.education ?? null,
      occupation: body.occupation ?? null,
      monthly_income: body.monthlyIncome ?? null,
      disability: body.disability ?? null,
      chronic_illness: body.chronicIllness ?? null,
      health_insurance: body.healthInsurance ?? null,
      phone,
      region_code: regionCode,
      died_at: null,
      merged_into_id: null,
      is_demo: 0,
      seq: await allocateSeq(trx),
      created_at: now,
      updated_at: now,
    };
    await repo.insertPerson(trx, row);
    await audit.record(trx, {
      by: actor,
      action: "create",
      table: "persons",
      recordId: id,
      regionCode,
      after: { name: row.name, nikStatus: row.nik_status, householdId: row.household_id },
    });
    const stored = (await repo.findPersonAnywhere(trx, id))!;
    await queueSameNameBirth(trx, stored);
    return { created: true, person: await detail(trx, stored) };
  });
}

/** Changes a person; moves, deaths and a first NIK are also written as events. */
export async function updatePerson(db: Db, actor: Actor, id: string, body: UpdatePersonBody) {
  assertPermission(actor, "persons:write");
  const phone = checkedPhone(body.phone);
  const nik = body.nik === undefined ? undefined : checkedNik(body.nik);
  return inTransaction(db, async (trx) => {
    const row = await repo.findPerson(trx, id, actor.scope);
    if (!row) throw notFound(PERSON(id));
    const now = nowIso();
    const today = now.slice(0, 10);
    const next: Record<string, unknown> = {};
    const events: { kind: string; details: Record<string, unknown>; householdId: string | null }[] = [];
    for (const [key, column] of [
      ["name", "name"],
      ["sex", "sex"],
      ["birthPlace", "birth_place"],
      ["birthDate", "birth_date"],
      ["relation", "relation"],
      ["maritalStatus", "marital_status"],
      ["education", "education"],
      ["occupation", "occupation"],
      ["monthlyIncome", "monthly_income"],
      ["disability", "disability"],
      ["chronicIllness", "chronic_illness"],
      ["healthInsurance", "health_insurance"],
    ] as const) {
      if (body[key] !== undefined) next[column] = body[key];
    }
    if (phone !== undefined) next.phone = phone;
    if (typeof next.name === "string") {
      next.name_normalized = normalizeName(next.name);
      next.name_phonetic = phoneticKey(next.name);
    }
    if (nik !== undefined && nik !== row.nik) {
      if (nik && (await repo.findPersonByNik(trx, nik))) throw new AppError("nik_taken", { nik });
      next.nik = nik;
      next.nik_status = nik ? "ada" : "belum_ada";
      if (nik && !row.nik) events.push({ kind: "nik_added", details: {}, householdId: row.household_id });
    }
    if (body.householdId !== undefined && body.householdId !== row.household_id) {
      let regionCode = row.region_code;
      if (body.householdId) {
        const target = await households.findHousehold(trx, body.householdId, actor.scope);
        if (!target) throw notFound(HOUSEHOLD(body.householdId));
        regionCode = target.region_code;
      }
      next.household_id = body.householdId;
      next.region_code = regionCode;
      events.push({
        kind: "person_moved",
        details: { fromHouseholdId: row.household_id, toHouseholdId: body.householdId },
        householdId: body.householdId,
      });
    }
    if (body.diedAt !== undefined && body.diedAt !== row.died_at) {
      next.died_at = body.diedAt;
      events.push({
        kind: body.diedAt ? "person_died" : "death_revoked",
        details: { diedAt: body.diedAt, previous: row.died_at },
        householdId: row.household_id,
      });
    }
    const diff = audit.changedFields(row as unknown as Record<string, unknown>, next);
    if (diff) {
      await repo.updatePerson(trx, id, { ...next, seq: await allocateSeq(trx), updated_at: now });
      for (const e of events) {
        await repo.insertEvent(trx, {
          id: newId(),
          kind: e.kind,
          person_id: id,
          household_id: e.householdId,
          details: JSON.stringify(e.details),
          occurred_on: e.kind === "person_died" && body.diedAt ? body.diedAt : today,
          region_code: (next.region_code as string | undefined) ?? row.region_code,
          recorded_by: actor.userId,
          seq: await allocateSeq(trx),
          created_at: now,
        });
      }
      await audit.record(trx, {
        by: actor,
        action: "update",
        table: "persons",
        recordId: id,
        regionCode: row.region_code,
        ...diff,
      });
    }
    const updated = (await repo.findPersonAnywhere(trx, id))!;
    if (typeof next.name === "string" || body.birthDate !== undefined) await queueSameNameBirth(trx, updated);
    return detail(trx, updated);
  });
}

/** Deletes a person registered by mistake (a death is an update, not a delete). */
export async function deletePerson(db: Db, actor: Actor, id: string): Promise<void> {
  assertPermission(actor, "persons:write");
  await inTransaction(db, async (trx) => {
    const row = await repo.findPerson(trx, id, actor.scope);
    if (!row) throw notFound(PERSON(id));
    await repo.deletePerson(trx, id);
    await recordDeletion(trx, { tableName: "persons", recordId: id, regionCode: row.region_code });
    await audit.record(trx, {
      by: actor,
      action: "delete",
      table: "persons",
      recordId: id,
      regionCode: row.region_code,
      before: { name: row.name, householdId: row.household_id },
    });
  });
}

/** 404 unless the person exists inside the actor's scope (checked before a body is validated). */
export async function assertPersonVisible(db: Db, actor: Actor, id: string): Promise<void> {
  const row = isUuid(id) ? await repo.findPerson(db, id, actor.scope) : undefined;
  if (!row) throw notFound(PERSON(id));
}

/** Adds a PPKS classification to a person (idempotent by client id). */
export async function addPersonPpks(
  db: Kysely<Database>,
  actor: Actor,
  personId: string,
  body: CreatePpksBody,
) {
  assertPermission(actor, "persons:write");
  await ensureCatalogues(db);
  return inTransaction(db, async (trx) => {
    const person = await repo.findPerson(trx, personId, actor.scope);
    if (!person) throw notFound(PERSON(personId));
    await insertPpks(
      trx,
      actor,
      { personId, householdId: person.household_id, regionCode: person.region_code },
      body,
    );
    return detail(trx, person);
  });
}

/** Changes the status or note of a classification (aktif → ditangani → selesai). */
export async function updatePpks(db: Db, actor: Actor, id: string, body: UpdatePpksBody) {
  assertPermission(actor, "persons:write");
  return inTransaction(db, (trx) => changePpks(trx, actor, id, body));
}
