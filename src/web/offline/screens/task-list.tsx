/** The worker's open tasks held on the phone; "Selesai" queues task.complete. */
import { useState } from "react";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import type { LocalRecord } from "../local-store.ts";
import { offlineStore } from "../offline-controller.ts";
import { recordChange } from "../outbox.ts";
import type { OnSaved } from "./form-field.tsx";

export function TaskList({
  tasks,
  cases,
  completed,
  onSaved,
}: {
  tasks: readonly LocalRecord[];
  cases: readonly LocalRecord[];
  /** Tasks already marked done on the phone and waiting to be sent. */
  completed: ReadonlySet<string>;
  onSaved: OnSaved;
}) {
  const { t, language } = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const now = new Date().toISOString();
  const caseNumber = (id: unknown) => {
    const c = cases.find((x) => x.id === id);
    return String(c?.data.caseNumber ?? c?.data.description ?? "");
  };
  async function complete(task: LocalRecord) {
    const store = offlineStore();
    if (!store) return;
    setBusy(task.id);
    try {
      await recordChange(store, { kind: "task.complete", recordId: task.id, payload: { status: "done" } });
      await onSaved(t("field.tasks.saved"));
    } finally {
      setBusy(null);
    }
  }
  return (
    <section className="offline-form" aria-labelledby="field-tasks-title">
      <h2 id="field-tasks-title">{t("field.tasks.title")}</h2>
      {tasks.length === 0 ? (
        <p>{t("field.tasks.none")}</p>
      ) : (
        <ul className="offline-list">
          {tasks.map((task) => {
            const title = String(task.data.title ?? task.data.kind ?? task.id);
            const due = typeof task.data.dueAt === "string" ? task.data.dueAt : null;
            const done = completed.has(task.id);
            return (
              <li
                key={task.id}
                className="offline-item"
                data-task={task.id}
                data-case={String(task.data.caseId ?? "")}
              >
                <div>
                  <strong>{title}</strong>
                  <br />
                  <small>
                    {t("field.tasks.case", { number: caseNumber(task.data.caseId) })} ·{" "}
                    {due
                      ? t("field.tasks.due", { date: formatDateTime(due, language) })
                      : t("field.tasks.noDue")}
                    {due && due < now ? <span className="tag tag-warn">{t("field.tasks.late")}</span> : null}
                  </small>
                </div>
                {done ? (
                  <span className="offline-done">{t("field.tasks.waiting")}</span>
                ) : (
                  <button
                    type="button"
                    className="button"
                    aria-label={t("field.tasks.doneLabel", { title })}
                    disabled={busy !== null}
                    onClick={() => void complete(task)}
                  >
                    {t("field.tasks.done")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
