/**
 * Visit photos on the phone: the same check the server makes (JPEG, PNG or WebP recognised by the
 * first bytes, at most 5 MB) run before anything is sent, with the server's own message, and the
 * multipart upload. The JSON API client does not send files, so the upload is its own request
 * carrying the session's CSRF token and answering failures as ApiError.
 */

import type { VisitDto } from "../../../core/api/cases.schema.ts";
import { MAX_PHOTO_BYTES, sniffImageType } from "../../../core/cases/upload-rules.ts";
import { errorMessage } from "../../../core/errors/error-codes.ts";
import type { Language } from "../../../core/errors/language.ts";
import { apiSession } from "../../api/api.ts";
import { ApiError, problemToError } from "../../api/client.ts";

/** The part of a File the check reads (a File or Blob satisfies it). */
export interface PhotoCandidate {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** The problem with a chosen photo, in `language`, or null when the server will accept it. */
export async function photoProblem(file: PhotoCandidate, language: Language): Promise<string | null> {
  if (file.size > MAX_PHOTO_BYTES)
    return errorMessage("upload_too_large", language, {
      filename: file.name,
      limitMb: MAX_PHOTO_BYTES / 1024 / 1024,
    });
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (!sniffImageType(head)) return errorMessage("upload_not_image", language, { filename: file.name });
  return null;
}

/** Sends one photo of a visit; resolves to the visit with its photos. */
export async function uploadVisitPhoto(
  caseId: string,
  visitId: string,
  file: File,
  language: Language,
): Promise<VisitDto> {
  const form = new FormData();
  form.append("file", file, file.name);
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  if (apiSession.csrfToken) headers["X-CSRF-Token"] = apiSession.csrfToken;
  let response: Response;
  try {
    response = await fetch(
      `/api/v1/cases/${encodeURIComponent(caseId)}/visits/${encodeURIComponent(visitId)}/photos`,
      { method: "POST", credentials: "same-origin", headers, body: form },
    );
  } catch {
    throw new ApiError(0, "network_error", "");
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = problemToError(response.status, body);
    apiSession.onError?.(error, { method: "POST", path: "/cases/…/photos" });
    throw error;
  }
  return body as VisitDto;
}
