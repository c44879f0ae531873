/**
 * Which stage actions the case page offers a role, read from the core rule table (the same
 * functions the server checks), so the page never offers what the server would refuse.
 */
import type { Role } from "../../../core/access/permissions.ts";
import { OPEN_STAGES, type OpenStage, type Stage } from "../../../core/cases/case-enums.ts";
import {
  decideClose,
  decideMove,
  decideRejectClosure,
  decideReopen,
} from "../../../core/cases/stage-machine.ts";

export interface OfferedActions {
  /** Open stages the case may move to now. */
  moveTo: OpenStage[];
  /** "request" for field workers, "close" for a direct close, "approve" for a pending request. */
  close: "request" | "close" | "approve" | null;
  rejectClosure: boolean;
  reopen: boolean;
}

export function offeredActions(
  role: Role,
  kase: { stage: Stage; closureRequest: unknown | null },
): OfferedActions {
  const pending = kase.closureRequest !== null;
  const moveTo = OPEN_STAGES.filter((to) => decideMove(role, kase.stage, to).ok);
  const close = decideClose(role, kase.stage, pending);
  return {
    moveTo,
    close: !close.ok
      ? null
      : close.action === "request_closure"
        ? "request"
        : close.action === "approve_closure"
          ? "approve"
          : "close",
    rejectClosure: decideRejectClosure(role, kase.stage, pending).ok,
    reopen: decideReopen(role, kase.stage).ok,
  };
}

/** True when the role can take at least one action. */
export function anyAction(actions: OfferedActions): boolean {
  return actions.moveTo.length > 0 || actions.close !== null || actions.rejectClosure || actions.reopen;
}
