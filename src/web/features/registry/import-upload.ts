/**
 * The person import upload with real progress: the file goes up with XMLHttpRequest (fetch()
 * reports no upload progress) to the job route, which answers at once with an import job; the job
 * is then polled until it ends, reporting the rows the server has validated and written. Sends
 * the raw file as the body (the route accepts it) with the session's CSRF token and the interface
 * language. The error report as CSV uses the columns of the CLI's `--errors` file.
 */
import type { z } from "zod";
import type { importJobSchema } from "../../../core/api/import-job.schema.ts";
import type { importResultSchema, importRowProblemSchema } from "../../../core/api/registry.schema.ts";
import type { Language } from "../../../core/errors/language.ts";
import { api, apiSession } from "../../api/api.ts";
import { ApiError, problemToError } from "../../api/client.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;
export type ImportJob = z.infer<typeof importJobSchema>;

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  ppksSource: string;
}

/** Where an upload is: sending the file (fraction 0–1), then the server's job. */
export type UploadProgress = { kind: "uploading"; fraction: number } | { kind: "job"; job: ImportJob };

/** The query string of POST /imports/persons/jobs. */
export function importSearch(options: ImportOptions): string {
  const params = new URLSearchParams();
  if (options.dryRun) params.set("dryRun", "true");
  if (options.skipInvalid) params.set("skipInvalid", "true");
  if (options.ppksSource) params.set("ppksSource", options.ppksSource);
  return params.toString();
}

const POLL_MS = 400;

/**
 * Uploads `file` and follows the import job until it ends; resolves with its result (the same
 * as the CLI's), rejects with an ApiError (the job's own error when it failed).
 */
export async function uploadPersonImport(
  file: File,
  options: ImportOptions,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportResult> {
  let job = await startJob(file, options, (fraction) => onProgress({ kind: "uploading", fraction }));
  for (;;) {
    onProgress({ kind: "job", job });
    if (job.state === "finished" && job.result) return job.result;
    if (job.state === "failed") {
      const error = job.error;
      const language = currentLanguage();
      throw new ApiError(
        422,
        error?.code ?? "import_failed",
        error ? (language === "en" ? error.message.en : error.message.id) : "",
        (error?.problems ?? []).map((p) => ({
          field: p.field,
          code: p.code,
          message: language === "en" ? p.message.en : p.message.id,
        })),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api.get<ImportJob>(`/imports/persons/jobs/${job.id}`);
  }
}

/** Sends the file; resolves with the job the server started. */
function startJob(
  file: File,
  options: ImportOptions,
  onSent: (fraction: number) => void,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/persons/jobs?${importSearch(options)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLanguage());
    xhr.setRequestHeader(
      "Content-Type",
      file.name.toLowerCase().endsWith(".xlsx")
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv",
    );
    if (apiSession.csrfToken) xhr.setRequestHeader("X-CSRF-Token", apiSession.csrfToken);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onSent(event.loaded / event.total);
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network_error", "")));
    xhr.addEventListener("load", () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 202 && isJob(body)) return resolve(body);
      const error = problemToError(xhr.status, body);
      apiSession.onError?.(error, { method: "POST", path: "/imports/persons/jobs" });
      reject(error);
    });
    xhr.send(file);
  });
}

function isJob(body: unknown): body is ImportJob {
  return typeof body === "object" && body !== null && "id" in body && "state" in body;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The error report as CSV: `baris,kolom,nilai,kode,alasan,reason` like the CLI's `--errors`
 * file, with a BOM so that spreadsheet programs read it as UTF-8. The reason in the interface
 * language comes first among the two.
 */
export function problemsCsv(problems: readonly ImportRowProblem[], language: Language): string {
  const header =
    language === "en" ? "row,column,value,code,reason,alasan" : "baris,kolom,nilai,kode,alasan,reason";
  const lines = problems.map((p) =>
    [
      p.row,
      p.column,
      p.value,
      p.code,
      language === "en" ? p.message.en : p.message.id,
      language === "en" ? p.message.id : p.message.en,
    ]
      .map(csvCell)
      .join(","),
  );
  return `\uFEFF${[header, ...lines].join("\r\n")}\r\n`;
}
