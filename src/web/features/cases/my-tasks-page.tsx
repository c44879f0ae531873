/** /tugas — "Tugas saya" on a phone: overdue first, then today, then upcoming, each completable. */
import { useState } from "react";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { TaskItem } from "./case-tasks.tsx";
import { type TaskBucket, useMyTasks } from "./cases.queries.ts";

const BUCKETS: readonly TaskBucket[] = ["overdue", "today", "upcoming"];
const FIRST_PAGE = 20;

export function MyTasksPage() {
  const { t } = useLanguage();
  return (
    <section className="page cases-screen tasks-page">
      <title>{`${t("cases.myTasks.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("cases.myTasks.title")}</h1>
        <p className="lead">{t("cases.myTasks.intro")}</p>
      </header>
      {BUCKETS.map((bucket) => (
        <TaskBucketSection key={bucket} bucket={bucket} />
      ))}
    </section>
  );
}

function TaskBucketSection({ bucket }: { bucket: TaskBucket }) {
  const { t } = useLanguage();
  const [size, setSize] = useState(FIRST_PAGE);
  const query = useMyTasks(bucket, size);
  const label = t(`cases.tasks.bucket.${bucket}`);
  return (
    <section className={`card task-bucket bucket-${bucket}`} aria-labelledby={`bucket-${bucket}`}>
      <h2 id={`bucket-${bucket}`} className="card-title">
        {label} {query.data && <span className="count">{query.data.total}</span>}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("cases.myTasks.emptyBucket", { bucket: label.toLowerCase() })}</p>
      ) : (
        <>
          <ul className="item-list">
            {query.data.items.map((task) => (
              <TaskItem key={task.id} task={task} showCase />
            ))}
          </ul>
          {query.data.total > query.data.items.length && (
            <button
              type="button"
              className="button button-secondary button-block"
              onClick={() => setSize((s) => Math.min(500, s + FIRST_PAGE * 2))}
            >
              {t("cases.myTasks.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
