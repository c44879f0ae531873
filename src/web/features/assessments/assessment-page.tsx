/**
 * /keluarga/:id/penilaian — a TKSK or PSM records a household's answers on the visit date (one
 * field per indicator of the current set, phone-first). On saving, the score, the poor/not-poor
 * status and the deprivations in plain Indonesian show at once; earlier visits stay listed below.
 */
import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router";
import type { AssessmentDto } from "../../../core/api/assessments.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { AssessmentVerdict } from "./assessment-verdict.tsx";
import {
  type LoadedSet,
  percent,
  useAssessments,
  useCreateAssessment,
  useCurrentSet,
} from "./assessments.queries.ts";
import { type Answer, IndicatorAnswers } from "./indicator-answers.tsx";
import "./assessments.css";

function today(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export function AssessmentPage() {
  const { id = "" } = useParams();
  const { t } = useLanguage();
  const { sets, set } = useCurrentSet();
  const history = useAssessments(id);
  const [result, setResult] = useState<AssessmentDto | null>(null);
  if (sets.isPending || set.isPending || history.isPending) return <LoadingState />;
  const error = sets.error ?? set.error ?? history.error;
  if (error || !set.data || !history.data)
    return <ErrorMessage error={error} onRetry={() => void history.refetch()} />;
  return (
    <section className="page poverty">
      <title>{`${t("assessments.formTitle")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/keluarga/${id}`}>{t("nav.registry", { defaultValue: "Keluarga" })}</Link>
        </p>
        <h1>{t("assessments.formTitle")}</h1>
        <p className="lead">{t("assessments.formIntro")}</p>
      </header>
      {result && <AssessmentResult assessment={result} />}
      <Can permission="households:write">
        <AssessmentForm householdId={id} set={set.data} onSaved={setResult} />
      </Can>
      <section className="card card-body">
        <h2 className="card-title">{t("assessments.history")}</h2>
        {history.data.items.length === 0 ? (
          <p>{t("assessments.noHistory")}</p>
        ) : (
          <ul className="poverty-history">
            {history.data.items.map((a) => (
              <li key={a.id}>
                <strong>{a.assessedOn}</strong> · {a.poor ? t("assessments.poor") : t("assessments.notPoor")}{" "}
                · {t("assessments.score")} {percent(a.score, "id")}
                {a.latestInPeriod && <span className="tag">{`${a.period} ${t("assessments.latest")}`}</span>}
                <br />
                <small>
                  {t("assessments.setVersion", {
                    name: a.indicatorSet.name,
                    version: a.indicatorSet.version,
                  })}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function AssessmentResult({ assessment }: { assessment: AssessmentDto }) {
  return (
    <AssessmentVerdict
      verdict={{
        poor: assessment.poor,
        score: assessment.score,
        k: assessment.indicatorSet.k,
        deprived: assessment.deprived,
      }}
      scrollIntoView
    />
  );
}

function AssessmentForm({
  householdId,
  set,
  onSaved,
}: {
  householdId: string;
  set: LoadedSet;
  onSaved: (a: AssessmentDto) => void;
}) {
  const { t } = useLanguage();
  const create = useCreateAssessment(householdId);
  const [date, setDate] = useState(today());
  const [values, setValues] = useState<Record<string, Answer>>({});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ assessedOn: date, indicatorSetId: set.id, values }, { onSuccess: onSaved });
  };
  const set1 = (column: string, value: Answer) => setValues((v) => ({ ...v, [column]: value }));
  return (
    <form className="card card-body poverty-form" onSubmit={onSubmit} noValidate>
      <p className="muted">{t("assessments.setVersion", { name: set.name, version: set.version })}</p>
      <label className="field">
        <span>{t("assessments.assessedOn")}</span>
        <input type="date" required value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
      </label>
      <IndicatorAnswers definition={set.definition} values={values} onChange={set1} />
      <FormError error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t("assessments.saving") : t("assessments.save")}
      </button>
    </form>
  );
}
