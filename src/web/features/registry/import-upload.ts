/**
 * The person import upload with progress: XMLHttpRequest, because fetch() reports no upload
 * progress. Sends the raw file as the body (the route accepts it) with the session's CSRF token
 * and the interface language; answers 200 and 422 both carry the import result. The error
 * report as CSV uses the columns of the CLI's `--errors` file.
 */
import type { z } from "zod";
import type { importResultSchema, importRowProblemSchema } from "../../../core/api/registry.schema.ts";
import type { Language } from "../../../core/errors/language.ts";
import { apiSession } from "../../api/api.ts";
import { ApiError, problemToError } from "../../api/client.ts";
import { currentLanguage } from "../../i18n/i18n.ts";

export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  ppksSource: string;
}

/** The query string of POST /imports/persons. */
export function importSearch(options: ImportOptions): string {
  const params = new URLSearchParams();
  if (options.dryRun) params.set("dryRun", "true");
  if (options.skipInvalid) params.set("skipInvalid", "true");
  if (options.ppksSource) params.set("ppksSource", options.ppksSource);
  return params.toString();
}

/** Uploads `file`; `onProgress` gets the sent fraction (0–1). Rejects with an ApiError. */
export function uploadPersonImport(
  file: File,
  options: ImportOptions,
  onProgress: (fraction: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports/persons?${importSearch(options)}`);
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
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("error", () => reject(new ApiError(0, "network_error", "")));
    xhr.addEventListener("load", () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if ((xhr.status === 200 || xhr.status === 422) && isResult(body)) return resolve(body);
      const error = problemToError(xhr.status, body);
      apiSession.onError?.(error, { method: "POST", path: "/imports/persons" });
      reject(error);
    });
    xhr.send(file);
  });
}

function isResult(body: unknown): body is ImportResult {
  return typeof body === "object" && body !== null && "summary" in body && "problems" in body;
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
