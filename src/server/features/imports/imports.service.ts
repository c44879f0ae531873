/**
 * The registry's file exchange for logged-in users: the person import upload (scoped: every row
 * must lie in the actor's region) and the audited export of a filtered list.
 */
import type { Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { exportQuery, importQuery } from "../../../core/api/registry.schema.ts";
import type { Database } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import { exportPersons } from "./person-export.service.ts";
import { importPersons, type PersonImportResult } from "./person-import.service.ts";

/** Imports an uploaded CSV/XLSX body; the import and its audit entry commit together. */
export async function importUploadedPersons(
  db: Kysely<Database>,
  actor: Actor,
  body: Buffer,
  query: z.infer<typeof importQuery>,
) {
  assertPermission(actor, "persons:write");
  assertPermission(actor, "households:write");
  const result: PersonImportResult = await importPersons(
    { db },
    { buffer: body },
    {
      skipInvalid: query.skipInvalid === "true",
      dryRun: query.dryRun === "true",
      ppksSource: query.ppksSource,
      actorId: actor.userId,
      allowRegion: (code) => isInScope(actor.scope, code),
      beforeCommit: (trx, summary) =>
        audit.record(trx, {
          by: actor,
          action: "create",
          table: "persons",
          recordId: null,
          regionCode: actor.regionCode,
          detail: { import: summary, bytes: body.length },
        }),
    },
  );
  return {
    summary: result.summary,
    written: result.written,
    unknownColumns: result.unknownColumns,
    problems: result.problems.map((p) => ({
      row: p.row,
      column: p.column,
      value: p.value,
      code: p.code,
      message: { id: p.id, en: p.en },
    })),
  };
}

/** Streams an export within the actor's scope; the export is audited with its filter. */
export async function exportPersonsFor(
  db: Kysely<Database>,
  actor: Actor,
  query: z.infer<typeof exportQuery>,
  out: Writable,
) {
  assertPermission(actor, "registry:export");
  const filter = { regionCode: query.region, rw: query.rw, ppksCode: query.ppks?.padStart(2, "0") };
  await audit.record(db, {
    by: actor,
    action: "export",
    table: "persons",
    recordId: null,
    regionCode: query.region ?? actor.regionCode,
    detail: { format: query.format, filter },
  });
  return exportPersons(db, actor.scope, filter, query.format, out);
}
