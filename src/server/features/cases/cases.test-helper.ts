/**
 * Test setup for the case-work suites: the access fixture, an app with a movable clock and a
 * temporary upload directory, and a household with one member in a kelurahan.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { allocateSeq } from "../../db/change-log.ts";
import type { Database, Dialect } from "../../db/database.ts";
import { newId, nowIso } from "../../db/ids.ts";

export const KEBON_KELAPA = "3171011005";
export const GAMBIR = "3171011001";

export interface CaseTestApp {
  app: FastifyInstance;
  uploadDir: string;
  /** Moves the app's "now". */
  setNow(iso: string): void;
}

export async function buildCaseTestApp(
  db: Kysely<Database>,
  dialect: Dialect,
  start: string,
): Promise<CaseTestApp> {
  const uploadDir = mkdtempSync(join(tmpdir(), "peduli-uploads-"));
  let now = new Date(start);
  const config = loadConfig(
    {
      LOG_LEVEL: "silent",
      NODE_ENV: "test",
      PEDULI_WEB_DIR: "./no-web-in-tests",
      PEDULI_UPLOAD_DIR: uploadDir,
    },
    {},
  );
  const app = await buildApp({ config, db, dialect, now: () => now });
  return {
    app,
    uploadDir,
    setNow: (iso) => {
      now = new Date(iso);
    },
  };
}

/** A household with one member in `regionCode`; returns both ids. */
export async function insertHousehold(db: Kysely<Database>, regionCode: string, name: string) {
  const householdId = newId();
  const personId = newId();
  const now = nowIso();
  const seq = await allocateSeq(db, 2);
  await db
    .insertInto("households")
    .values({
      id: householdId,
      kk_number: null,
      region_code: regionCode,
      rw: "003",
      rt: "005",
      address: `Jl. Uji No. ${seq}`,
      latitude: null,
      longitude: null,
      is_demo: 0,
      seq,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("persons")
    .values({
      id: personId,
      household_id: householdId,
      nik: null,
      nik_status: "belum_ada",
      name,
      name_normalized: name.toUpperCase(),
      sex: "P",
      birth_place: null,
      birth_date: "1950-01-01",
      relation: "kepala_keluarga",
      marital_status: null,
      education: null,
      occupation: null,
      monthly_income: null,
      disability: null,
      chronic_illness: null,
      health_insurance: null,
      phone: null,
      region_code: regionCode,
      died_at: null,
      merged_into_id: null,
      is_demo: 0,
      seq: seq + 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { householdId, personId };
}
