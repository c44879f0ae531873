import { describe, expect, it } from "vitest";
import { interpolate, languageFromHeader } from "./language.ts";

describe("languageFromHeader", () => {
  it("defaults to Indonesian", () => {
    expect(languageFromHeader(undefined)).toBe("id");
    expect(languageFromHeader("")).toBe("id");
    expect(languageFromHeader("fr-FR, de;q=0.8")).toBe("id");
  });

  it("chooses English only when preferred", () => {
    expect(languageFromHeader("en")).toBe("en");
    expect(languageFromHeader("en-US,en;q=0.9")).toBe("en");
    expect(languageFromHeader("id-ID,id;q=0.9,en;q=0.8")).toBe("id");
    expect(languageFromHeader("id;q=0.5, en;q=0.9")).toBe("en");
    expect(languageFromHeader("en;q=0")).toBe("id");
  });
});

describe("interpolate", () => {
  it("fills known placeholders and keeps unknown ones", () => {
    expect(interpolate("Baris {row}: {reason} {other}", { row: 3, reason: "salah" })).toBe(
      "Baris 3: salah {other}",
    );
  });
});
