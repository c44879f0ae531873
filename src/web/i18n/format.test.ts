import { describe, expect, it } from "vitest";
import { formatCount, localeOf } from "./format.ts";

describe("formatCount", () => {
  it("groups thousands the Indonesian way", () => {
    expect(formatCount(1234567, "id")).toBe("1.234.567");
    expect(formatCount(0, "id")).toBe("0");
  });

  it("groups thousands the English way", () => {
    expect(formatCount(1234567, "en")).toBe("1,234,567");
  });

  it("shows whole numbers only", () => {
    expect(formatCount(1234.6, "id")).toBe("1.235");
  });

  it("names the locale of each language", () => {
    expect(localeOf("id")).toBe("id-ID");
    expect(localeOf("en")).toBe("en-US");
  });
});
