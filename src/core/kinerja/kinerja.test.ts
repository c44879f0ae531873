import { describe, expect, it } from "vitest";
import { daysBetween, firstHolder, followUpsOnTime, holderAt, median } from "./kinerja.ts";
import { addMonths, isDate, monthRange, quarterRange, rangeInstants, wibDate } from "./period.ts";
import { targetProgress } from "./targets.ts";

describe("holderAt", () => {
  const intervals = [
    { workerId: "a", from: "2024-05-01T00:00:00.000Z", to: "2024-05-10T08:00:00.000Z" },
    { workerId: "b", from: "2024-05-10T08:00:00.000Z", to: null },
  ];
  it("credits whoever held the record at the instant", () => {
    expect(holderAt(intervals, "2024-05-05T00:00:00.000Z")).toBe("a");
    expect(holderAt(intervals, "2024-05-20T00:00:00.000Z")).toBe("b");
  });
  it("credits the new holder at the instant of the transfer", () => {
    expect(holderAt(intervals, "2024-05-10T08:00:00.000Z")).toBe("b");
  });
  it("credits nobody before the first assignment", () => {
    expect(holderAt(intervals, "2024-04-30T00:00:00.000Z")).toBeNull();
  });
  it("names the first holder", () => {
    expect(firstHolder([...intervals].reverse())).toBe("a");
    expect(firstHolder([])).toBeNull();
  });
});

describe("median and days", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("counts fractional days and never negative ones", () => {
    expect(daysBetween("2024-05-01T00:00:00Z", "2024-05-02T12:00:00Z")).toBe(1.5);
    expect(daysBetween("2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z")).toBe(0);
  });
});

describe("followUpsOnTime", () => {
  const period = { from: "2024-05-01T00:00:00Z", to: "2024-06-01T00:00:00Z" };
  const now = "2024-05-20T00:00:00Z";
  it("counts tasks due in the period and already past due; done by the due instant is on time", () => {
    const result = followUpsOnTime(
      [
        { dueAt: "2024-05-02T00:00:00Z", doneAt: "2024-05-01T10:00:00Z", status: "done" },
        { dueAt: "2024-05-03T00:00:00Z", doneAt: "2024-05-04T00:00:00Z", status: "done" },
        { dueAt: "2024-05-05T00:00:00Z", doneAt: null, status: "open" },
        { dueAt: "2024-05-06T00:00:00Z", doneAt: null, status: "cancelled" },
        { dueAt: "2024-05-25T00:00:00Z", doneAt: null, status: "open" },
        { dueAt: "2024-04-25T00:00:00Z", doneAt: "2024-04-24T00:00:00Z", status: "done" },
      ],
      period,
      now,
    );
    expect(result).toEqual({ due: 3, onTime: 1, rate: 33.3 });
  });
  it("has no rate when nothing was due", () => {
    expect(followUpsOnTime([], period, now)).toEqual({ due: 0, onTime: 0, rate: null });
  });
});

describe("periods", () => {
  it("builds month and quarter ranges with the right last day", () => {
    expect(monthRange("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(quarterRange("2024-Q2")).toEqual({ from: "2024-04-01", to: "2024-06-30" });
  });
  it("turns days into WIB instants and instants into WIB days", () => {
    expect(rangeInstants({ from: "2024-05-01", to: "2024-05-31" })).toEqual({
      from: "2024-04-30T17:00:00.000Z",
      to: "2024-05-31T17:00:00.000Z",
    });
    expect(wibDate("2024-05-31T16:30:00.000Z")).toBe("2024-05-31");
    expect(wibDate("2024-05-31T17:30:00.000Z")).toBe("2024-06-01");
  });
  it("checks dates and shifts by months", () => {
    expect(isDate("2024-02-30")).toBe(false);
    expect(isDate("2024-02-29")).toBe(true);
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
  });
});

describe("targetProgress", () => {
  it("is far behind below half the pace expected by today, after the first days", () => {
    expect(targetProgress(30, 4, 15, 30).status).toBe("far_behind");
    expect(targetProgress(30, 4, 5, 30).status).toBe("behind");
    expect(targetProgress(30, 12, 15, 30).status).toBe("behind");
    expect(targetProgress(30, 15, 15, 30)).toMatchObject({
      status: "on_track",
      expectedByNow: 15,
      percent: 50,
    });
    expect(targetProgress(30, 31, 15, 30).status).toBe("done");
  });
});
