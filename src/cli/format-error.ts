import type { AppError } from "../core/errors/app-error.ts";

/** An AppError as lines for a terminal: the message in Indonesian and English, then each problem. */
export function formatAppError(error: AppError): string {
  const lines = [`${error.messageIn("id")} / ${error.messageIn("en")}`];
  for (const p of error.problems) lines.push(`  - ${p.message.id} / ${p.message.en}`);
  if (error.problems.length > 0) lines.push("Tidak ada yang disimpan / nothing was saved.");
  return lines.join("\n");
}
