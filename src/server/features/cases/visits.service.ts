/**
 * Home visits (kunjungan): date, who was met, notes, an optional GPS position and photos. A visit
 * completes the case's open first-visit task and sets its first-visit time. Photos are checked by
 * their bytes (JPEG, PNG, WebP) and size before anything is stored.
 */
import type { z } from "zod";
import type { createVisitBody, VisitDto } from "../../../core/api/cases.schema.ts";
import { IMAGE_EXTENSIONS, MAX_PHOTO_BYTES, sniffImageType } from "../../../core/cases/upload-rules.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import { allocateSeq } from "../../db/change-log.ts";
import { newId } from "../../db/ids.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { FileStore } from "../../storage/file-store.ts";
import { assertPermission } from "../auth/actor.ts";
import {
  actorWorkerId,
  CASE_WRITE,
  type CaseCtx,
  changeCase,
  type EventInput,
  loadCase,
  nowOf,
} from "./case-context.ts";
import * as cases from "./cases.repository.ts";
import type { VisitPhotoRow } from "./cases.table.ts";
import * as tasks from "./tasks.repository.ts";
import * as repo from "./visits.repository.ts";

function photoUrl(p: VisitPhotoRow): string {
  return `/api/v1/cases/${p.case_id}/visits/${p.visit_id}/photos/${p.id}`;
}

function presentVisit(v: repo.VisitListRow, photos: VisitPhotoRow[]): VisitDto {
  return {
    id: v.id,
    caseId: v.case_id,
    visitedAt: v.visited_at,
    workerId: v.worker_id,
    workerName: v.worker_name,
    met: v.met,
    notes: v.notes,
    latitude: v.latitude,
    longitude: v.longitude,
    photos: photos
      .filter((p) => p.visit_id === v.id)
      .map((p) => ({ id: p.id, mimeType: p.mime_type, sizeBytes: p.size_bytes, url: photoUrl(p) })),
    createdAt: v.created_at,
  };
}

const visitNotFound = (id: string) => notFound({ id: `Kunjungan ${id}`, en: `Visit ${id}` });

export async function listCaseVisits(ctx: CaseCtx, caseId: string) {
  await loadCase(ctx, caseId);
  const rows = await repo.listVisits(ctx.db, caseId);
  const photos = await repo.listPhotos(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentVisit(r, photos)), total: rows.length };
}

async function getVisit(ctx: CaseCtx, caseId: string, id: string) {
  const row = await repo.findVisit(ctx.db, caseId, id);
  if (!row) throw visitNotFound(id);
  return presentVisit(row, await repo.listPhotos(ctx.db, [id]));
}

export async function recordVisit(ctx: CaseCtx, caseId: string, body: z.infer<typeof createVisitBody>) {
  const id = body.id ?? newId();
  const worker = await actorWorkerId(ctx);
  const created = await changeCase(ctx, caseId, async (trx, locked) => {
    const existing = await repo.findVisitById(trx, id);
    if (existing) {
      if (existing.case_id !== caseId) throw new AppError("case_id_taken", { id });
      return { events: [], result: false };
    }
    const now = nowOf(ctx);
    const visitedAt = body.visitedAt ? new Date(body.visitedAt).toISOString() : now;
    const seq = await allocateSeq(trx, 3);
    await repo.insertVisit(trx, {
      id,
      case_id: caseId,
      region_code: locked.region_code,
      visited_at: visitedAt,
      worker_id: worker ?? locked.assignee_id,
      met: body.met,
      notes: body.notes,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      created_by: ctx.actor.userId,
      seq,
      created_at: now,
    });
    const done = await tasks.closeOpenTasks(trx, { caseId, kind: "first_visit" }, "done", now, seq + 1);
    if (!locked.first_visit_at || visitedAt < locked.first_visit_at) {
      await cases.updateCase(trx, caseId, { first_visit_at: visitedAt, seq: seq + 2, updated_at: now });
    }
    const events: EventInput[] = [
      { type: "visit_recorded", note: body.notes || null, data: { visitId: id, met: body.met, visitedAt } },
    ];
    if (done > 0) events.push({ type: "task_done", data: { kind: "first_visit", visitId: id } });
    return { events, result: true };
  });
  return { created, item: await getVisit(ctx, caseId, id) };
}

/**
 * Answers 404 unless the visit exists on a case inside the actor's region. The photo route calls
 * it before reading an upload, so that a request outside scope learns nothing about the body rules.
 */
export async function assertVisitInScope(ctx: CaseCtx, caseId: string, visitId: string): Promise<void> {
  assertPermission(ctx.actor, CASE_WRITE);
  await loadCase(ctx, caseId);
  if (!(await repo.findVisit(ctx.db, caseId, visitId))) throw visitNotFound(visitId);
}

/**
 * Stores one photo of a visit. `bytes` was read with the size limit; it is checked here again,
 * then by its first bytes, and only then written to the store and recorded.
 */
export async function addVisitPhoto(
  ctx: CaseCtx,
  store: FileStore,
  caseId: string,
  visitId: string,
  file: { filename: string; bytes: Buffer; truncated: boolean },
) {
  assertPermission(ctx.actor, CASE_WRITE);
  const kase = await loadCase(ctx, caseId);
  if (!(await repo.findVisit(ctx.db, caseId, visitId))) throw visitNotFound(visitId);
  if (file.truncated || file.bytes.length > MAX_PHOTO_BYTES) {
    throw new AppError("upload_too_large", {
      filename: file.filename,
      limitMb: MAX_PHOTO_BYTES / 1024 / 1024,
    });
  }
  const type = sniffImageType(file.bytes.subarray(0, 16));
  if (!type) throw new AppError("upload_not_image", { filename: file.filename });
  const id = newId();
  const now = nowOf(ctx);
  const key = `visits/${now.slice(0, 7)}/${id}.${IMAGE_EXTENSIONS[type]}`;
  await store.put(key, file.bytes);
  try {
    await inTransaction(ctx.db, async (trx) => {
      await repo.insertPhoto(trx, {
        id,
        visit_id: visitId,
        case_id: caseId,
        region_code: kase.region_code,
        storage_key: key,
        mime_type: type,
        size_bytes: file.bytes.length,
        seq: await allocateSeq(trx),
        created_at: now,
      });
    });
  } catch (error) {
    await store.delete(key);
    throw error;
  }
  return getVisit(ctx, caseId, visitId);
}

/** A photo's bytes and type, within scope. */
export async function readVisitPhoto(
  ctx: CaseCtx,
  store: FileStore,
  caseId: string,
  visitId: string,
  photoId: string,
) {
  await loadCase(ctx, caseId);
  const photo = await repo.findPhoto(ctx.db, visitId, photoId);
  if (!photo || photo.case_id !== caseId) throw notFound({ id: `Foto ${photoId}`, en: `Photo ${photoId}` });
  const bytes = await store.get(photo.storage_key);
  if (!bytes) throw notFound({ id: `Berkas foto ${photoId}`, en: `Photo file ${photoId}` });
  return { bytes, mimeType: photo.mime_type };
}
