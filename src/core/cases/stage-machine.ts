/**
 * Who may move a case, and where: the stage machine and THE rule table per role. The server
 * checks it before every stage change, docs/cases.md prints it, and the unit tests walk it.
 * Pure: no I/O.
 *
 * Open stages run laporan → asesmen → rencana → intervensi → pemantauan. Closing (→ selesai)
 * needs a `sudin` approval: a field worker requests closure with a reason, a sudin approves it (or
 * rejects it, and the case stays open). A sudin's own closure is its own approval. A closed case
 * can be reopened; it returns to `asesmen`.
 */
import type { Role } from "../access/permissions.ts";
import { OPEN_STAGES, type OpenStage, type Stage } from "./case-enums.ts";

/** What a role may do to a case's stage. */
export type CaseAction =
  /** One stage forward among the open stages. */
  | "advance"
  /** Any earlier open stage (back to assessment after a failed intervention, …). */
  | "revert"
  /** Any open stage, skipping ahead too (a darurat case straight to intervensi). */
  | "jump"
  | "request_closure"
  | "approve_closure"
  | "reject_closure"
  /** Close at once: only roles that may approve closures. */
  | "close"
  | "reopen"
  /** Assign or transfer the case to a worker in scope. */
  | "assign";

/**
 * THE table. pimpinan, pelatih and admin hold no case actions (they do not work individual cases;
 * pimpinan sees the reports only).
 */
export const CASE_RULES: Readonly<Record<Role, readonly CaseAction[]>> = {
  sudin: [
    "advance",
    "revert",
    "jump",
    "request_closure",
    "approve_closure",
    "reject_closure",
    "close",
    "reopen",
    "assign",
  ],
  tksk: ["advance", "revert", "jump", "request_closure", "reopen", "assign"],
  psm: ["advance", "revert", "request_closure"],
  admin: [],
  pimpinan: [],
  pelatih: [],
};

/** The stage a reopened case returns to. */
export const REOPEN_STAGE: OpenStage = "asesmen";

export function roleMay(role: Role, action: CaseAction): boolean {
  return CASE_RULES[role].includes(action);
}

/** The kind of move from one open stage to another, or null when it is no move at all. */
export function moveKind(from: OpenStage, to: OpenStage): "advance" | "revert" | "jump" | null {
  const a = OPEN_STAGES.indexOf(from);
  const b = OPEN_STAGES.indexOf(to);
  if (a === b) return null;
  if (b === a + 1) return "advance";
  return b < a ? "revert" : "jump";
}

export type StageDecision =
  | { ok: true; action: CaseAction }
  | {
      ok: false;
      reason:
        | "same_stage"
        | "case_closed"
        | "case_open"
        | "not_allowed"
        | "closure_not_requested"
        | "closure_pending";
    };

/**
 * May `role` move a case now at `from` to open stage `to`? (Closing and reopening have their own
 * functions: a stage change never reaches `selesai` directly.)
 */
export function decideMove(role: Role, from: Stage, to: OpenStage): StageDecision {
  if (from === "selesai") return { ok: false, reason: "case_closed" };
  const kind = moveKind(from, to);
  if (kind === null) return { ok: false, reason: "same_stage" };
  return roleMay(role, kind) ? { ok: true, action: kind } : { ok: false, reason: "not_allowed" };
}

/** The closing step a role takes on an open case: a direct close (sudin) or a request (others). */
export function decideClose(role: Role, stage: Stage, closureRequested: boolean): StageDecision {
  if (stage === "selesai") return { ok: false, reason: "case_closed" };
  if (roleMay(role, "close")) return { ok: true, action: closureRequested ? "approve_closure" : "close" };
  if (!roleMay(role, "request_closure")) return { ok: false, reason: "not_allowed" };
  if (closureRequested) return { ok: false, reason: "closure_pending" };
  return { ok: true, action: "request_closure" };
}

export function decideRejectClosure(role: Role, stage: Stage, closureRequested: boolean): StageDecision {
  if (stage === "selesai") return { ok: false, reason: "case_closed" };
  if (!roleMay(role, "reject_closure")) return { ok: false, reason: "not_allowed" };
  if (!closureRequested) return { ok: false, reason: "closure_not_requested" };
  return { ok: true, action: "reject_closure" };
}

export function decideReopen(role: Role, stage: Stage): StageDecision {
  if (stage !== "selesai") return { ok: false, reason: "case_open" };
  return roleMay(role, "reopen") ? { ok: true, action: "reopen" } : { ok: false, reason: "not_allowed" };
}
