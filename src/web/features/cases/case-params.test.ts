import { describe, expect, it } from "vitest";
import { filtersFrom } from "./case-list-page.tsx";
import { jakartaLocalToIso, jakartaNowLocal } from "./case-visits.tsx";
import { caseListSearch, reportSearch } from "./cases.queries.ts";
import { subjectFromParams } from "./new-case-page.tsx";

describe("case list filters in the address bar", () => {
  it("reads known values and drops unknown stages and urgencies", () => {
    const filters = filtersFrom(
      new URLSearchParams("region=317101&urgency=darurat&stage=bogus&overdue=true&page=3&q=banjir"),
    );
    expect(filters).toEqual({
      region: "317101",
      category: undefined,
      urgency: "darurat",
      stage: undefined,
      q: "banjir",
      overdue: true,
      page: 3,
    });
  });

  it("asks the API only for the filters that are set, with paging", () => {
    expect(caseListSearch({ region: "3171011005", overdue: true, page: 2, pageSize: 20 })).toBe(
      "region=3171011005&overdue=true&page=2&pageSize=20",
    );
    expect(caseListSearch({ overdue: false })).toBe("page=1&pageSize=20");
    expect(reportSearch({ region: "317101", from: "2026-01-01" })).toBe("region=317101&from=2026-01-01");
  });
});

describe("new case links", () => {
  it("prefills an area case from a kelurahan page, dotted code or not", () => {
    expect(subjectFromParams(new URLSearchParams("regionCode=31.71.01.1005&rw=7"))).toMatchObject({
      subjectType: "area",
      regionCode: "3171011005",
      rw: "7",
    });
  });

  it("prefers a person, then a household, from the registry", () => {
    const id = "0190f0a0-0000-7000-8000-000000000001";
    expect(subjectFromParams(new URLSearchParams(`householdId=${id}`)).subjectType).toBe("household");
    expect(subjectFromParams(new URLSearchParams(`personId=${id}&householdId=${id}`)).subjectType).toBe(
      "person",
    );
  });
});

describe("visit times", () => {
  it("shows now on the Jakarta clock and reads the input back as Jakarta time", () => {
    expect(jakartaNowLocal(new Date("2026-03-01T20:30:00Z"))).toBe("2026-03-02T03:30");
    expect(jakartaLocalToIso("2026-03-02T03:30")).toBe("2026-03-02T03:30:00+07:00");
    expect(new Date(jakartaLocalToIso("2026-03-02T03:30")).toISOString()).toBe("2026-03-01T20:30:00.000Z");
  });
});
