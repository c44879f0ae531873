/**
 * Devices holding a working set: each phone is registered at its first sync, reports how much it
 * holds, and sees an administrator's "wipe this device" at its next sync.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { deviceReportBody } from "../../../core/api/sync.schema.ts";
import { AppError, notFound } from "../../../core/errors/app-error.ts";
import type { Db } from "../../db/database.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { presentDevice } from "./sync.presenter.ts";
import * as repo from "./sync.repository.ts";

const DEVICE = (id: string) => ({ id: `Perangkat ${id}`, en: `Device ${id}` });

/**
 * Registers the device at its first contact and refreshes its last-seen time. A device id is
 * bound to the first user who synced it; another user on the same phone must log out first
 * (which wipes the phone's data) and gets a new device id.
 */
export async function touchDevice(db: Db, actor: Actor, deviceId: string, now: Date) {
  const at = now.toISOString();
  const existing = await repo.findDevice(db, deviceId);
  if (existing && existing.user_id !== actor.userId) throw new AppError("forbidden");
  if (existing) {
    await repo.updateDevice(db, deviceId, { last_seen_at: at });
    return { ...existing, last_seen_at: at };
  }
  const row = {
    id: deviceId,
    user_id: actor.userId,
    last_sync_seq: 0,
    scope: "",
    counts: "{}",
    pending: 0,
    user_agent: null,
    wipe_requested_at: null,
    wipe_requested_by: null,
    wiped_at: null,
    first_seen_at: at,
    last_seen_at: at,
  };
  await repo.upsertDevice(db, row);
  return row;
}

/** The phone's own report: counts per table, outbox size, and that a requested wipe was done. */
export async function reportDevice(db: Db, actor: Actor, body: z.infer<typeof deviceReportBody>, now: Date) {
  const device = await touchDevice(db, actor, body.deviceId, now);
  await repo.updateDevice(db, body.deviceId, {
    counts: JSON.stringify(body.counts),
    pending: body.pending,
    user_agent: body.userAgent ?? device.user_agent,
    ...(body.wiped && device.wipe_requested_at && !device.wiped_at ? { wiped_at: now.toISOString() } : {}),
  });
  if (body.wiped && device.wipe_requested_at) await repo.deleteDeviceKey(db, body.deviceId);
  const row = await repo.findDevice(db, body.deviceId);
  return presentDevice({ ...row!, username: actor.username });
}

export async function listDevices(db: Db, actor: Actor) {
  assertPermission(actor, "users:manage");
  const rows = await repo.listDevices(db);
  return { items: rows.map(presentDevice), total: rows.length };
}

/** Asks a device to delete its local data at its next sync (a lost or handed-over phone). */
export async function requestWipe(db: Db, actor: Actor, deviceId: string, now: Date) {
  assertPermission(actor, "users:manage");
  const device = await repo.findDevice(db, deviceId);
  if (!device) throw notFound(DEVICE(deviceId));
  await repo.updateDevice(db, deviceId, {
    wipe_requested_at: now.toISOString(),
    wipe_requested_by: actor.userId,
    wiped_at: null,
  });
  await audit.record(db, {
    by: actor,
    action: "update",
    table: "devices",
    recordId: deviceId,
    regionCode: null,
    after: { wipeRequested: true, userId: device.user_id },
  });
  const rows = await repo.listDevices(db);
  return presentDevice(rows.find((r) => r.id === deviceId)!);
}

/**
 * The device's data key, made at first request. Refused while a wipe is pending, so a phone
 * reported lost cannot decrypt what it holds even with a valid session.
 */
export async function deviceKey(db: Db, actor: Actor, deviceId: string, now: Date) {
  const device = await touchDevice(db, actor, deviceId, now);
  if (device.wipe_requested_at && !device.wiped_at) throw new AppError("forbidden");
  await repo.insertDeviceKey(db, {
    device_id: deviceId,
    user_id: actor.userId,
    key: randomBytes(32).toString("base64"),
    created_at: now.toISOString(),
  });
  const row = await repo.findDeviceKey(db, deviceId);
  if (!row || row.user_id !== actor.userId) throw new AppError("forbidden");
  return { deviceId, key: row.key };
}
