import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAuth } from "../auth/auth-context.tsx";
import { ModuleEditForm, ProgrammeCorrections } from "./corrections.tsx";
import { AddQuestionForm, CreateCohortForm } from "./programme-manage.tsx";
import {
  type ProgrammeDetail,
  useProgramme,
  useQuestions,
  useSetQuestionActive,
} from "./training.queries.ts";
import { canManageTraining } from "./training-visibility.ts";

/** /pelatihan/program/:id — the curriculum: modules, objectives with competencies, question banks. */
export function ProgrammePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const query = useProgramme(id);
  const { session } = useAuth();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <section className="page">
      <title>{`${p.name} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          {p.year} · {t(`training.level.${p.level}`)}
        </p>
        <h1>{p.name}</h1>
        <p className="lead">
          {t("training.rule", {
            attendance: Math.round(p.completionRule.minAttendanceRate * 100),
            post: p.completionRule.minPostScore,
          })}
        </p>
      </header>
      {canManageTraining(session?.user.role) && (
        <>
          <ProgrammeCorrections programme={p} />
          {!p.archivedAt && <CreateCohortForm programme={p} />}
        </>
      )}
      {p.modules.map((m) => (
        <ModuleCard key={m.id} module={m} />
      ))}
    </section>
  );
}

function ModuleCard({ module: m }: { module: ProgrammeDetail["modules"][number] }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [open, setOpen] = useState(false);
  const questions = useQuestions(m.id, open);
  const toggle = useSetQuestionActive(m.id);
  return (
    <section className="card card-body">
      <h2 className="section-title">
        {m.code} {m.title}
      </h2>
      <p className="muted">{t("training.moduleMeta", { hours: m.hours, questions: m.questionCount })}</p>
      <ul>
        {m.objectives.map((o) => (
          <li key={o.text}>
            {o.text} <span className="tag">{o.competencyCode}</span>
          </li>
        ))}
      </ul>
      {canManageTraining(session?.user.role) && (
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => setOpen(!open)}>
            {open ? t("training.hideBank") : t("training.showBank")}
          </button>
          <ModuleEditForm module={m} />
        </p>
      )}
      {open && questions.isError && <ErrorMessage error={questions.error} />}
      {open && <AddQuestionForm module={m} />}
      {open && questions.data && (
        <ol>
          {questions.data.items.map((q) => (
            <li key={q.id} className={q.active ? "" : "muted"}>
              <p>{q.text}</p>
              <ul>
                {q.options.map((o, i) => (
                  <li key={o}>
                    {o} {i === q.correctIndex && <span className="tag tag-ok">{t("training.correct")}</span>}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="button button-secondary"
                disabled={toggle.isPending}
                onClick={() => toggle.mutate({ id: q.id, active: !q.active })}
              >
                {q.active ? t("training.retire") : t("training.restore")}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
