/**
 * The registry's file exchange for logged-in users: the person import upload (scoped: every row
 * must lie in the actor's region) and the audited export of a filtered list.
 */
import type { Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { exportQuery, importQuery } from "../../../core/api/registry.schema.ts";
import { AppError } from "../../../core/errors/app-error.ts";
import type { Database } from "../../db/database.ts";
import { isInScope } from "../../db/scope.ts";
import * as audit from "../audit/audit.service.ts";
import { type Actor, assertPermission } from "../auth/actor.ts";
import type { ImportJob, ImportJobs } from "./import-jobs.ts";
import { exportPersons } from "./person-export.service.ts";
import {
  type ImportProgress,
  importPersons,
  type PersonImportOptions,
  type PersonImportResult,
} from "./person-import.service.ts";

/** Imports an uploaded CSV/XLSX body; the import and its audit entry commit together. */
export async function importUploadedPersons(
  db: Kysely<Database>,
  actor: Actor,
  body: Buffer,
  query: z.infer<typeof importQuery>,
  extra: Pick<PersonImportOptions, "onProgress"> = {},
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
      onProgress: extra.onProgress,
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

/** Data rows of an uploaded CSV (its line breaks, less the header's); null for XLSX. */
function countRows(body: Buffer): number | null {
  if (body[0] === 0x50 && body[1] === 0x4b) return null;
  let lines = 0;
  for (let at = body.indexOf(10); at !== -1; at = body.indexOf(10, at + 1)) lines++;
  if (body.length > 0 && body[body.length - 1] !== 10) lines++;
  return Math.max(0, lines - 1);
}

function jobError(error: unknown): NonNullable<ImportJob["error"]> {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: { id: error.messageIn("id"), en: error.messageIn("en") },
      problems: error.problems.map((p) => ({ field: p.field, code: p.code, message: p.message })),
    };
  }
  return {
    code: "internal",
    message: {
      id: "Impor gagal karena kesalahan server.",
      en: "The import failed because of a server error.",
    },
    problems: [],
  };
}

/**
 * Starts the import of an uploaded file as a job (import-jobs.ts) and returns it at once. The
 * job first validates every row without writing (outside any transaction, so its progress can be
 * polled even on SQLite, where a write transaction holds the server's one connection); a dry run,
 * or an atomic import with rejected rows, ends there with the same result the CLI gives. Otherwise
 * the file is imported for real, in one transaction as always, reporting the rows written.
 */
export async function startPersonImportJob(
  db: Kysely<Database>,
  jobs: ImportJobs,
  actor: Actor,
  body: Buffer,
  query: z.infer<typeof importQuery>,
  onUnexpected: (error: unknown) => void,
): Promise<ImportJob> {
  assertPermission(actor, "persons:write");
  assertPermission(actor, "households:write");
  const dryRun = query.dryRun === "true";
  const job = await jobs.start(actor.userId, { dryRun, totalRows: countRows(body) });
  const track = (phase: ImportJob["phase"]) => (p: ImportProgress) =>
    void jobs.update(job.id, { phase, read: p.read, rejected: p.rejected, written: p.written });
  const run = async () => {
    const checked = await importUploadedPersons(
      db,
      actor,
      body,
      { ...query, dryRun: "true" },
      {
        onProgress: track("validating"),
      },
    );
    const refused = query.skipInvalid !== "true" && checked.summary.rejected > 0;
    const result =
      dryRun || refused
        ? checked
        : await importUploadedPersons(db, actor, body, query, { onProgress: track("writing") });
    const { summary } = result;
    await jobs.update(job.id, {
      state: "finished",
      phase: "done",
      read: summary.read,
      rejected: summary.rejected,
      written: result.written ? summary.inserted + summary.updated : 0,
      result,
    });
  };
  run()
    .catch(async (error: unknown) => {
      if (!(error instanceof AppError)) onUnexpected(error);
      await jobs.update(job.id, { state: "failed", phase: "done", error: jobError(error) });
    })
    .catch(onUnexpected);
  return job;
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
