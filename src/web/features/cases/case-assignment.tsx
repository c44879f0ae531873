/**
 * Who holds the case: the assignment history (from/to in Jakarta time) for everyone who may read
 * the case, and the assign/transfer form for the roles the core rule table allows ("assign"), with
 * the workers whose region covers the case. The server checks the role and the worker again.
 */
import { type FormEvent, useState } from "react";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { roleMay } from "../../../core/cases/stage-machine.ts";
import { FormError } from "../../components/field-errors.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useAssignableWorkers, useCaseAssignments, useUpdateCase } from "./cases.queries.ts";

export function CaseAssignment({ kase }: { kase: CaseDto }) {
  const { t, language } = useLanguage();
  const { session } = useAuth();
  const canAssign = !!session && roleMay(session.user.role, "assign") && kase.stage !== "selesai";
  const history = useCaseAssignments(kase.id);
  const workers = useAssignableWorkers(kase.regionCode, canAssign);
  const update = useUpdateCase(kase.id);
  const [workerId, setWorkerId] = useState("");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!workerId) return;
    setSaved(false);
    update.mutate(
      { assigneeId: workerId, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setWorkerId("");
          setNote("");
          setSaved(true);
        },
      },
    );
  };
  const choices = (workers.data ?? []).filter((w) => w.id !== kase.assigneeId);

  return (
    <section className="card case-assignment" id="petugas" aria-labelledby="assignment-heading">
      <h2 id="assignment-heading" className="card-title">
        {t("cases.assignment.title")}
      </h2>
      {canAssign && (
        <form className="inline-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor="assign-worker">
              {t(kase.assigneeId ? "cases.assignment.transferTo" : "cases.assignment.assignTo")}
            </label>
            <select
              id="assign-worker"
              required
              value={workerId}
              disabled={workers.isPending}
              onChange={(e) => {
                setWorkerId(e.target.value);
                setSaved(false);
              }}
            >
              <option value="">{t("cases.assignment.choose")}</option>
              {choices.map((w) => (
                <option key={w.id} value={w.id}>
                  {t("cases.assignment.option", {
                    name: w.name,
                    role: t(`cases.assignment.role.${w.role}`),
                    region: w.regionName ?? w.regionCode,
                  })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="assign-note">{t("cases.assignment.note")}</label>
            <input id="assign-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={update.isPending || !workerId}>
            {t(kase.assigneeId ? "cases.assignment.transfer" : "cases.assignment.assign")}
          </button>
          <FormError error={update.error ?? workers.error} />
          {saved && (
            <p className="notice notice-success" role="status">
              {t("cases.assignment.saved", { name: kase.assigneeName ?? "—" })}
            </p>
          )}
        </form>
      )}
      <h3>{t("cases.assignment.history")}</h3>
      {history.isError && <FormError error={history.error} />}
      {history.data && history.data.items.length === 0 && (
        <p className="muted">{t("cases.assignment.empty")}</p>
      )}
      {history.data && history.data.items.length > 0 && (
        <ol className="assignment-history">
          {history.data.items.map((a) => (
            <li key={a.id} className="assignment-item">
              <span className="assignment-worker">{a.workerName ?? "—"}</span>{" "}
              <span className="item-meta">
                {a.toAt
                  ? t("cases.assignment.period", {
                      from: formatDateTime(a.fromAt, language),
                      to: formatDateTime(a.toAt, language),
                    })
                  : t("cases.assignment.since", { from: formatDateTime(a.fromAt, language) })}
                {a.assignedByName && ` · ${t("cases.assignment.by", { name: a.assignedByName })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
