/** The case plan: goals and actions, adding one, ticking one off. */
import { type FormEvent, useState } from "react";
import type { CaseDto } from "../../../core/api/cases.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCan } from "../auth/auth-context.tsx";
import { Can } from "../auth/can.tsx";
import { useAddPlanItem, usePlan, useUpdatePlanItem } from "./cases.queries.ts";

export function CasePlan({ kase }: { kase: CaseDto }) {
  const { t, language } = useLanguage();
  const query = usePlan(kase.id);
  const update = useUpdatePlanItem(kase.id);
  const canWrite = useCan("persons:write");
  return (
    <section className="card" id="rencana" aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="card-title">
        {t("cases.plan.title")}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("cases.plan.empty")}</p>
      ) : (
        <ul className="item-list">
          {query.data.items.map((item) => (
            <li key={item.id} className="item plan-item">
              <div className="item-main">
                <p className="item-title">
                  <span className="tag">
                    {t(item.kind === "goal" ? "cases.plan.goal" : "cases.plan.action")}
                  </span>{" "}
                  {item.text}
                </p>
                <p className="item-meta">
                  {item.dueOn && t("cases.plan.due", { date: formatDate(item.dueOn, language) })}
                  {item.doneAt && (
                    <span className="tag tag-ok">
                      {t("cases.plan.done", { date: formatDate(item.doneAt, language) })}
                    </span>
                  )}
                </p>
              </div>
              {canWrite && !item.doneAt && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ itemId: item.id, body: { done: true } })}
                >
                  {t("cases.plan.markDone")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError error={update.error} />
      <Can permission="persons:write">
        <PlanForm caseId={kase.id} />
      </Can>
    </section>
  );
}

function PlanForm({ caseId }: { caseId: string }) {
  const { t } = useLanguage();
  const add = useAddPlanItem(caseId);
  const [kind, setKind] = useState<"goal" | "action">("goal");
  const [text, setText] = useState("");
  const [dueOn, setDueOn] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { kind, text: text.trim(), ...(dueOn ? { dueOn } : {}) },
      {
        onSuccess: () => {
          setText("");
          setDueOn("");
        },
      },
    );
  };
  return (
    <details className="add-form">
      <summary>{t("cases.plan.add")}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="plan-kind">{t("cases.plan.kind")}</label>
          <select id="plan-kind" value={kind} onChange={(e) => setKind(e.target.value as "goal" | "action")}>
            <option value="goal">{t("cases.plan.goal")}</option>
            <option value="action">{t("cases.plan.action")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="plan-text">{t("cases.plan.text")}</label>
          <textarea
            id="plan-text"
            required
            maxLength={1000}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="plan-due">{t("cases.plan.dueOn")}</label>
          <input id="plan-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          {t("cases.plan.add")}
        </button>
        <FormError error={add.error} />
      </form>
    </details>
  );
}
