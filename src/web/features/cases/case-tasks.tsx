/** Follow-up tasks: one task row (shared with "Tugas saya") and the case's own task list. */
import { Link } from "react-router";
import type { CaseDto, TaskDto } from "../../../core/api/cases.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCan } from "../auth/auth-context.tsx";
import { UrgencyBadge } from "./case-badges.tsx";
import { useCaseTasks, useCompleteTask } from "./cases.queries.ts";

/** One task: what, for which case, when due, its state, and "Selesai" while it is open. */
export function TaskItem({ task, showCase }: { task: TaskDto; showCase: boolean }) {
  const { t, language } = useLanguage();
  const complete = useCompleteTask();
  const canWrite = useCan("persons:write");
  const state =
    task.status === "open" && task.bucket
      ? { label: t(`cases.tasks.bucket.${task.bucket}`), className: `bucket-${task.bucket}` }
      : { label: t(`cases.tasks.status.${task.status}`), className: `status-${task.status}` };
  return (
    <li className={`item task-item ${state.className}`}>
      <div className="item-main">
        <p className="item-title">{task.title}</p>
        {showCase && (
          <p className="task-case">
            <Link
              to={`/kasus/${task.caseId}`}
              aria-label={t("cases.tasks.openCase", { number: task.caseNumber })}
            >
              {task.caseNumber}
            </Link>
            <span>{task.subjectLabel}</span>
            <UrgencyBadge urgency={task.urgency} />
          </p>
        )}
        <p className="item-meta">
          <span className={`task-state ${state.className}`}>{state.label}</span>
          <span>{t("cases.tasks.due", { date: formatDateTime(task.dueAt, language) })}</span>
        </p>
        <FormError error={complete.error} />
      </div>
      {canWrite && task.status === "open" && (
        <button
          type="button"
          className="button button-secondary"
          disabled={complete.isPending}
          onClick={() => complete.mutate(task.id)}
        >
          {t("cases.tasks.complete")}
        </button>
      )}
    </li>
  );
}

export function CaseTasks({ kase }: { kase: CaseDto }) {
  const { t } = useLanguage();
  const query = useCaseTasks(kase.id);
  return (
    <section className="card" id="tugas" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading" className="card-title">
        {t("cases.tasks.title")}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("cases.tasks.empty")}</p>
      ) : (
        <ul className="item-list">
          {query.data.items.map((task) => (
            <TaskItem key={task.id} task={task} showCase={false} />
          ))}
        </ul>
      )}
    </section>
  );
}
