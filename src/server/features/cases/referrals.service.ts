/**
 * Referrals (rujukan) of a case's subject to a programme or service of the catalogue or to a PSKS
 * organisation, with their status: dikirim → diterima | ditolak, diterima → selesai. An accepted
 * referral gets a check task after 30 days; an answer or completion closes it.
 */
import type { z } from "zod";
import type { createReferralBody, ReferralDto, updateReferralBody } from "../../../core/api/cases.schema.ts";
import type { ReferralStatus } from "../../../core/cases/case-enums.ts";
import { jakartaDate, referralCheckDue } from "../../../core/cases/task-rules.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { formatRegionCode, servesRegion } from "../../../core/region/region-code.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import { findOrganisation, findShippedService } from "../services/services.catalogue.ts";
import { type CaseCtx, changeCase, loadCase, nowOf } from "./case-context.ts";
import { stageRefused } from "./cases.service.ts";
import type { ReferralRow } from "./cases.table.ts";
import * as repo from "./referrals.repository.ts";
import * as tasks from "./tasks.repository.ts";

const NEXT: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  dikirim: ["diterima", "ditolak", "selesai"],
  diterima: ["selesai", "ditolak"],
  ditolak: [],
  selesai: [],
};

export function presentReferral(row: ReferralRow): ReferralDto {
  return {
    id: row.id,
    caseId: row.case_id,
    serviceCode: row.service_code,
    organisationId: row.organisation_id,
    targetName: row.target_name,
    external: row.external === 1,
    status: row.status as ReferralStatus,
    sentOn: row.sent_on,
    respondedOn: row.responded_on,
    completedOn: row.completed_on,
    outcome: row.outcome,
    note: row.note,
    letterNumber: row.letter_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function referralNotFound(id: string) {
  return notFound({ id: `Rujukan ${id}`, en: `Referral ${id}` });
}

export async function listCaseReferrals(ctx: CaseCtx, caseId: string) {
  await loadCase(ctx, caseId);
  const rows = await repo.listReferrals(ctx.db, caseId);
  return { items: rows.map(presentReferral), total: rows.length };
}

export async function createReferral(ctx: CaseCtx, caseId: string, body: z.infer<typeof createReferralBody>) {
  const id = body.id ?? newId();
  const created = await changeCase(ctx, caseId, async (trx, locked) => {
    const existing = await repo.findReferralById(trx, id);
    if (existing) {
      if (existing.case_id !== caseId) throw new AppError("case_id_taken", { id });
      return { events: [], result: false };
    }
    if (locked.stage === "selesai") throw stageRefused("case_closed");
    let target: {
      name: string;
      external: boolean;
      serviceCode: string | null;
      organisationId: string | null;
    };
    if (body.serviceCode) {
      const service = findShippedService(body.serviceCode);
      if (!service) throw notFound({ id: `Layanan ${body.serviceCode}`, en: `Service ${body.serviceCode}` });
      target = {
        name: service.name,
        external: service.external,
        serviceCode: service.code,
        organisationId: null,
      };
    } else {
      const org = await findOrganisation(trx, body.organisationId as string);
      if (!org)
        throw notFound({
          id: `Organisasi PSKS ${body.organisationId}`,
          en: `PSKS organisation ${body.organisationId}`,
        });
      // Only what the case's catalogue offers: an organisation of its area or one above it.
      if (!servesRegion(org.region_code, locked.region_code)) {
        throw new AppError("referral_target_out_of_area", {
          name: org.name,
          regionCode: formatRegionCode(locked.region_code),
        });
      }
      target = { name: org.name, external: true, serviceCode: null, organisationId: org.id };
    }
    const now = nowOf(ctx);
    const number = (await repo.countReferrals(trx, caseId)) + 1;
    await repo.insertReferral(trx, {
      id,
      case_id: caseId,
      region_code: locked.region_code,
      service_code: target.serviceCode,
      organisation_id: target.organisationId,
      target_name: target.name,
      external: target.external ? 1 : 0,
      status: "dikirim",
      sent_on: body.sentOn ?? jakartaDate(ctx.now),
      responded_on: null,
      completed_on: null,
      outcome: null,
      note: body.note ?? null,
      letter_number: `${locked.case_number}/RJK-${String(number).padStart(2, "0")}`,
      created_by: ctx.actor.userId,
      seq: await allocateSeq(trx),
      created_at: now,
      updated_at: now,
    });
    return {
      events: [
        { type: "referral_created", note: body.note ?? null, data: { referralId: id, target: target.name } },
      ],
      result: true,
    };
  });
  const row = await repo.findReferral(ctx.db, caseId, id);
  if (!row) throw referralNotFound(id);
  return { created, item: presentReferral(row) };
}

export async function updateReferral(
  ctx: CaseCtx,
  caseId: string,
  referralId: string,
  body: z.infer<typeof updateReferralBody>,
) {
  await changeCase(ctx, caseId, async (trx, locked) => {
    const referral = await repo.findReferral(trx, caseId, referralId);
    if (!referral) throw referralNotFound(referralId);
    const from = referral.status as ReferralStatus;
    if (!NEXT[from].includes(body.status))
      throw new AppError("referral_transition_refused", { from, to: body.status });
    const now = nowOf(ctx);
    const on = body.on ?? jakartaDate(ctx.now);
    const seq = await allocateSeq(trx, 2);
    const changes: Partial<ReferralRow> = {
      status: body.status,
      outcome: body.outcome ?? referral.outcome,
      updated_at: now,
      seq,
    };
    if (body.status === "selesai") changes.completed_on = on;
    else changes.responded_on = on;
    await repo.updateReferral(trx, referralId, changes);
    if (body.status === "diterima") {
      // Accepted "on" a day: the check counts from that day's morning in Jakarta (08:00 WIB).
      const acceptedAt = body.on ? `${body.on}T01:00:00.000Z` : now;
      await tasks.insertTasks(trx, [
        {
          id: newId(),
          case_id: caseId,
          region_code: locked.region_code,
          kind: "referral_check",
          title: `Cek hasil rujukan: ${referral.target_name}`,
          due_at: referralCheckDue(acceptedAt),
          assignee_id: locked.assignee_id,
          referral_id: referralId,
          status: "open",
          done_at: null,
          seq: seq + 1,
          created_at: now,
          updated_at: now,
        },
      ]);
    } else {
      await tasks.closeOpenTasks(trx, { caseId, referralId }, "done", now, seq + 1);
    }
    return {
      events: [
        {
          type: "referral_updated",
          note: body.outcome ?? null,
          data: { referralId, from, to: body.status, target: referral.target_name },
        },
      ],
      result: undefined,
    };
  });
  const row = await repo.findReferral(ctx.db, caseId, referralId);
  if (!row) throw referralNotFound(referralId);
  return presentReferral(row);
}

/** The referral and its case for the letter, within scope. */
export async function referralForLetter(ctx: CaseCtx, caseId: string, referralId: string) {
  const kase = await loadCase(ctx, caseId);
  const referral = await repo.findReferral(ctx.db, caseId, referralId);
  if (!referral) throw referralNotFound(referralId);
  return { kase, referral };
}
