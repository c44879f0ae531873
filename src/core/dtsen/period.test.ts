import { describe, expect, it } from "vitest";
import { parsePeriod, periodOf, previousPeriod } from "./period.ts";

describe("DTSEN periods", () => {
  it("reads YYYY-Qn in any case, with spaces around", () => {
    expect(parsePeriod("2025-Q1")).toBe("2025-Q1");
    expect(parsePeriod(" 2026-q4 ")).toBe("2026-Q4");
  });

  it("refuses other forms", () => {
    for (const raw of ["2025-Q5", "2025-Q0", "2025Q1", "25-Q1", "2025-1", "1999-Q1", ""]) {
      expect(parsePeriod(raw), raw).toBeNull();
    }
  });

  it("finds the quarter of a date and the quarter before", () => {
    expect(periodOf("2025-03-31")).toBe("2025-Q1");
    expect(periodOf("2025-04-01")).toBe("2025-Q2");
    expect(periodOf("2025-12-01")).toBe("2025-Q4");
    expect(previousPeriod("2025-Q1")).toBe("2024-Q4");
    expect(previousPeriod("2025-Q3")).toBe("2025-Q2");
  });
});
