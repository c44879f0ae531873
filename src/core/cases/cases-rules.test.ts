import { describe, expect, it } from "vitest";
import { ROLES } from "../access/permissions.ts";
import { OPEN_STAGES } from "./case-enums.ts";
import { median, medianHours } from "./report-stats.ts";
import {
  CASE_RULES,
  decideClose,
  decideMove,
  decideRejectClosure,
  decideReopen,
  moveKind,
} from "./stage-machine.ts";
import { dueBucket, endOfJakartaDay, firstVisitDue, jakartaDate, referralCheckDue } from "./task-rules.ts";
import { MAX_PHOTO_BYTES, sniffImageType } from "./upload-rules.ts";

describe("stage machine", () => {
  it("classifies moves between open stages", () => {
    expect(moveKind("laporan", "asesmen")).toBe("advance");
    expect(moveKind("laporan", "intervensi")).toBe("jump");
    expect(moveKind("pemantauan", "asesmen")).toBe("revert");
    expect(moveKind("rencana", "rencana")).toBeNull();
  });

  it("lets a PSM advance and step back but not skip ahead", () => {
    expect(decideMove("psm", "laporan", "asesmen")).toEqual({ ok: true, action: "advance" });
    expect(decideMove("psm", "rencana", "asesmen")).toEqual({ ok: true, action: "revert" });
    expect(decideMove("psm", "laporan", "intervensi")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decideMove("tksk", "laporan", "intervensi")).toEqual({ ok: true, action: "jump" });
  });

  it("refuses every move to roles without case work, and any move of a closed case", () => {
    for (const role of ["admin", "pimpinan", "pelatih"] as const) {
      expect(CASE_RULES[role]).toEqual([]);
      expect(decideMove(role, "laporan", "asesmen").ok).toBe(false);
    }
    expect(decideMove("sudin", "selesai", "asesmen")).toEqual({ ok: false, reason: "case_closed" });
    expect(decideMove("sudin", "asesmen", "asesmen")).toEqual({ ok: false, reason: "same_stage" });
  });

  it("needs a sudin to close: others request, sudin approves or closes directly", () => {
    expect(decideClose("psm", "pemantauan", false)).toEqual({ ok: true, action: "request_closure" });
    expect(decideClose("psm", "pemantauan", true)).toEqual({ ok: false, reason: "closure_pending" });
    expect(decideClose("tksk", "intervensi", false)).toEqual({ ok: true, action: "request_closure" });
    expect(decideClose("sudin", "pemantauan", true)).toEqual({ ok: true, action: "approve_closure" });
    expect(decideClose("sudin", "laporan", false)).toEqual({ ok: true, action: "close" });
    expect(decideClose("pimpinan", "laporan", false)).toEqual({ ok: false, reason: "not_allowed" });
    expect(decideClose("sudin", "selesai", false)).toEqual({ ok: false, reason: "case_closed" });
    expect(decideRejectClosure("sudin", "pemantauan", true)).toEqual({ ok: true, action: "reject_closure" });
    expect(decideRejectClosure("tksk", "pemantauan", true)).toEqual({ ok: false, reason: "not_allowed" });
    expect(decideRejectClosure("sudin", "pemantauan", false)).toEqual({
      ok: false,
      reason: "closure_not_requested",
    });
  });

  it("reopens closed cases for sudin and TKSK only", () => {
    expect(decideReopen("sudin", "selesai")).toEqual({ ok: true, action: "reopen" });
    expect(decideReopen("tksk", "selesai")).toEqual({ ok: true, action: "reopen" });
    expect(decideReopen("psm", "selesai")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decideReopen("sudin", "asesmen")).toEqual({ ok: false, reason: "case_open" });
  });

  it("has a rule row for every role, and sudin may do every move", () => {
    for (const role of ROLES) expect(CASE_RULES[role]).toBeDefined();
    for (const from of OPEN_STAGES)
      for (const to of OPEN_STAGES) if (from !== to) expect(decideMove("sudin", from, to).ok).toBe(true);
  });
});

describe("task rules", () => {
  it("sets the first visit 1, 3 or 7 days after the report", () => {
    const at = "2026-03-01T02:00:00.000Z";
    expect(firstVisitDue("darurat", at)).toBe("2026-03-02T02:00:00.000Z");
    expect(firstVisitDue("tinggi", at)).toBe("2026-03-04T02:00:00.000Z");
    expect(firstVisitDue("biasa", at)).toBe("2026-03-08T02:00:00.000Z");
    expect(referralCheckDue(at)).toBe("2026-03-31T02:00:00.000Z");
  });

  it("buckets tasks by Jakarta day", () => {
    const now = new Date("2026-03-01T10:00:00.000Z"); // 17:00 WIB
    expect(dueBucket("2026-03-01T09:59:59.000Z", now)).toBe("overdue");
    expect(dueBucket("2026-03-01T16:00:00.000Z", now)).toBe("today"); // 23:00 WIB
    expect(dueBucket("2026-03-01T17:00:00.000Z", now)).toBe("upcoming"); // 00:00 WIB next day
    expect(jakartaDate("2026-03-01T17:30:00.000Z")).toBe("2026-03-02");
    expect(endOfJakartaDay(now)).toBe("2026-03-01T17:00:00.000Z");
  });
});

describe("report medians", () => {
  it("takes the middle value or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("ignores pairs without an end", () => {
    expect(
      medianHours([
        { from: "2026-01-01T00:00:00Z", to: "2026-01-01T10:00:00Z" },
        { from: "2026-01-01T00:00:00Z", to: null },
        { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" },
      ]),
    ).toBe(17);
    expect(medianHours([{ from: "2026-01-01T00:00:00Z", to: null }])).toBeNull();
  });
});

describe("photo types", () => {
  it("recognises JPEG, PNG and WebP by their first bytes only", () => {
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      "image/png",
    );
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(new TextEncoder().encode("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(MAX_PHOTO_BYTES).toBe(5 * 1024 * 1024);
  });
});
