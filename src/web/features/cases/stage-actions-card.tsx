/**
 * The stage actions of a case for the logged-in role, as the core rule table allows them: move to
 * another open stage, request closure (field workers) or close/approve and reject (sudin), reopen.
 */
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { CLOSURE_REASONS, type ClosureReason, type OpenStage } from "../../../core/cases/case-enums.ts";
import { FormError } from "../../components/field-errors.tsx";
import { useAuth } from "../auth/auth-context.tsx";
import { useCaseEvent, useUpdateCase } from "./cases.queries.ts";
import { anyAction, offeredActions } from "./stage-actions.ts";

export function StageActions({ kase }: { kase: CaseDto }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const move = useUpdateCase(kase.id);
  const event = useCaseEvent(kase.id);
  const [stage, setStage] = useState<OpenStage | "">("");
  // Approving a request starts from the reason the field worker gave.
  const [reason, setReason] = useState<ClosureReason | "">(kase.closureRequest?.reason ?? "");
  const [note, setNote] = useState("");
  if (!session) return null;
  const offered = offeredActions(session.user.role, kase);
  if (!anyAction(offered))
    return (
      <p className="hint" id="tindakan">
        {t("cases.actions.none")}
      </p>
    );
  const busy = move.isPending || event.isPending;
  const error = move.error ?? event.error;
  const noteBody = note.trim() ? { note: note.trim() } : {};
  const done = () => {
    setStage("");
    setReason("");
    setNote("");
  };

  const submitMove = (e: FormEvent) => {
    e.preventDefault();
    if (!stage) return;
    event.reset();
    move.mutate({ stage, ...noteBody }, { onSuccess: done });
  };
  const submitClose = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return;
    move.reset();
    event.mutate({ action: "close", reason, ...noteBody }, { onSuccess: done });
  };
  const act = (action: "reject_closure" | "reopen") => {
    move.reset();
    event.mutate({ action, ...noteBody }, { onSuccess: done });
  };

  return (
    <section className="card stage-actions" id="tindakan" aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="card-title">
        {t("cases.actions.title")}
      </h2>
      <div className="field">
        <label htmlFor="action-note">{t("cases.actions.note")}</label>
        <input id="action-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </div>
      {offered.moveTo.length > 0 && (
        <form className="inline-form" onSubmit={submitMove}>
          <div className="field">
            <label htmlFor="action-stage">{t("cases.actions.moveTo")}</label>
            <select
              id="action-stage"
              required
              value={stage}
              onChange={(e) => setStage(e.target.value as OpenStage | "")}
            >
              <option value="">{t("cases.actions.choose")}</option>
              {offered.moveTo.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.stage.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy || !stage}>
            {t("cases.actions.move")}
          </button>
        </form>
      )}
      {offered.close && (
        <form className="inline-form" onSubmit={submitClose}>
          <div className="field">
            <label htmlFor="action-reason">{t("cases.actions.reason")}</label>
            <select
              id="action-reason"
              required
              value={reason}
              onChange={(e) => setReason(e.target.value as ClosureReason | "")}
            >
              <option value="">{t("cases.actions.chooseReason")}</option>
              {CLOSURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`cases.reason.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy || !reason}>
            {t(
              offered.close === "request"
                ? "cases.actions.requestClosure"
                : offered.close === "approve"
                  ? "cases.actions.approve"
                  : "cases.actions.close",
            )}
          </button>
        </form>
      )}
      {(offered.rejectClosure || offered.reopen) && (
        <div className="actions">
          {offered.rejectClosure && (
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => act("reject_closure")}
            >
              {t("cases.actions.reject")}
            </button>
          )}
          {offered.reopen && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => act("reopen")}
            >
              {t("cases.actions.reopen")}
            </button>
          )}
        </div>
      )}
      <FormError error={error} />
    </section>
  );
}
