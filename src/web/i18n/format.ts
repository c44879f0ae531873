/** Number formatting in the interface language (1.234 in Indonesian, 1,234 in English). */
import type { Language } from "../../core/errors/language.ts";

const LOCALE: Record<Language, string> = { id: "id-ID", en: "en-US" };
const formatters = new Map<Language, Intl.NumberFormat>();

/** The BCP 47 locale used for a language's numbers and dates. */
export function localeOf(language: Language): string {
  return LOCALE[language];
}

/** A whole number, grouped the way readers of `language` expect. */
export function formatCount(value: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 0 });
    formatters.set(language, formatter);
  }
  return formatter.format(value);
}
