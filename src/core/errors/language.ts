/** Peduli speaks Bahasa Indonesia first and English second. */
export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages. */
export type Bilingual = Record<Language, string>;

/**
 * Picks the language from an Accept-Language header: English only when the client prefers it
 * over Indonesian; Indonesian otherwise (also when the header is missing or names neither).
 */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return "id";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => (r.lang === "id" || r.lang === "en") && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === "en" ? "en" : "id";
}

/** Replaces `{name}` placeholders with values. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
