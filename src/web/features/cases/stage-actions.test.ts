import { describe, expect, it } from "vitest";
import { anyAction, offeredActions } from "./stage-actions.ts";

const request = { reason: "tertangani", at: "2026-03-01T00:00:00Z", byName: "PSM" };

describe("stage actions offered on the case page", () => {
  it("lets a PSM move one stage on or back and request closure, never skip ahead", () => {
    expect(offeredActions("psm", { stage: "rencana", closureRequest: null })).toEqual({
      moveTo: ["laporan", "asesmen", "intervensi"],
      close: "request",
      rejectClosure: false,
      reopen: false,
    });
  });

  it("gives a PSM nothing more to do on closing while a request is pending", () => {
    expect(offeredActions("psm", { stage: "pemantauan", closureRequest: request }).close).toBeNull();
  });

  it("lets the sudin approve or reject a pending closure, and close directly otherwise", () => {
    const pending = offeredActions("sudin", { stage: "pemantauan", closureRequest: request });
    expect(pending.close).toBe("approve");
    expect(pending.rejectClosure).toBe(true);
    expect(offeredActions("sudin", { stage: "laporan", closureRequest: null }).close).toBe("close");
  });

  it("offers reopening a closed case to sudin and TKSK only", () => {
    expect(offeredActions("tksk", { stage: "selesai", closureRequest: null })).toEqual({
      moveTo: [],
      close: null,
      rejectClosure: false,
      reopen: true,
    });
    expect(anyAction(offeredActions("psm", { stage: "selesai", closureRequest: null }))).toBe(false);
  });

  it("offers nothing to roles that do not work cases", () => {
    expect(anyAction(offeredActions("pimpinan", { stage: "asesmen", closureRequest: null }))).toBe(false);
  });
});
