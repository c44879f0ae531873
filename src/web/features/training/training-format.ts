/** Small number formats of the training pages (scores, rates, gains), in the interface language. */
import type { TFunction } from "i18next";

export function formatScore(value: number | null, language: string): string {
  return value === null ? "—" : value.toLocaleString(language, { maximumFractionDigits: 1 });
}

export function formatRate(value: number | null, language: string): string {
  return value === null
    ? "—"
    : value.toLocaleString(language, { style: "percent", maximumFractionDigits: 1 });
}

/** A gain, or why it has none (pre = 100, or a test missing). */
export function formatGain(
  value: number | null,
  status: string | undefined,
  t: TFunction,
  language: string,
): string {
  if (status === "pre_perfect") return t("training.gainPrePerfect");
  if (status === "missing" || value === null) return t("training.gainMissing");
  return value.toLocaleString(language, { maximumFractionDigits: 2 });
}
