import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, jakartaDayAfter, jakartaDayStart } from "./datetime.ts";

describe("Jakarta dates and times", () => {
  it("shows UTC timestamps in WIB, in either language", () => {
    // 17:30 UTC is 00:30 the next day in Jakarta.
    expect(formatDateTime("2026-03-11T17:30:00.000Z", "id")).toMatch(/^12 Mar 2026.*00[.:]30 WIB$/);
    expect(formatDateTime("2026-03-11T17:30:00.000Z", "en")).toMatch(/^Mar 12, 2026.*00:30 WIB$/);
    expect(formatDate("2026-03-11T17:30:00.000Z", "id")).toBe("12 Mar 2026");
    expect(formatDateTime("bukan tanggal", "id")).toBe("bukan tanggal");
  });

  it("turns a calendar day into a Jakarta range, across month ends", () => {
    expect(jakartaDayStart("2026-02-28")).toBe("2026-02-28T00:00:00+07:00");
    expect(jakartaDayAfter("2026-02-28")).toBe("2026-03-01T00:00:00+07:00");
    expect(jakartaDayAfter("2026-12-31")).toBe("2027-01-01T00:00:00+07:00");
  });
});
