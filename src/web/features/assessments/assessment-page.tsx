/**
 * /keluarga/:id/penilaian — a TKSK or PSM records a household's answers on the visit date (one
 * field per indicator of the current set, phone-first). On saving, the score, the poor/not-poor
 * status and the deprivations in plain Indonesian show at once; earlier visits stay listed below.
 */
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import type { AssessmentDto } from "../../../core/api/assessments.schema.ts";
import type { IndicatorSetIndicator } from "../../../core/mpi/default-indicator-set.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import {
  decimal,
  type LoadedSet,
  percent,
  useAssessments,
  useCreateAssessment,
  useCurrentSet,
} from "./assessments.queries.ts";
import "./assessments.css";

type Answer = string | number | boolean | null;

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
  const { t, language } = useLanguage();
  const box = useRef<HTMLElement>(null);
  // The form is long on a phone: bring the verdict into view as soon as it arrives.
  useEffect(() => box.current?.scrollIntoView({ block: "start" }), []);
  return (
    <section
      ref={box}
      className={`card card-body poverty-result ${assessment.poor ? "is-poor" : "is-not-poor"}`}
      aria-live="polite"
      aria-labelledby="poverty-result-title"
    >
      <h2 id="poverty-result-title" className="card-title">
        {t("assessments.result")}
      </h2>
      <p className="poverty-status">{assessment.poor ? t("assessments.poor") : t("assessments.notPoor")}</p>
      <p>
        {t("assessments.score")}:{" "}
        <strong data-testid="poverty-score">{percent(assessment.score, language)}</strong> (
        {t("assessments.cutoff", { k: decimal(assessment.indicatorSet.k, language, 2) })})
      </p>
      <h3>{t("assessments.deprivedIn")}</h3>
      {assessment.deprived.length === 0 ? (
        <p>{t("assessments.noDeprivation")}</p>
      ) : (
        <ul className="poverty-deprived">
          {assessment.deprived.map((d) => (
            <li key={d.id}>{language === "en" ? d.text.en : d.text.id}</li>
          ))}
        </ul>
      )}
    </section>
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
  const { t, language } = useLanguage();
  const create = useCreateAssessment(householdId);
  const [date, setDate] = useState(today());
  const [values, setValues] = useState<Record<string, Answer>>({});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ assessedOn: date, indicatorSetId: set.id, values }, { onSuccess: onSaved });
  };
  const set1 = (column: string, value: Answer) => setValues((v) => ({ ...v, [column]: value }));
  const labels = set.definition.dimensionLabels ?? {};
  const dimensions = [...new Set(set.definition.indicators.map((i) => i.dimension))];
  return (
    <form className="card card-body poverty-form" onSubmit={onSubmit} noValidate>
      <p className="muted">{t("assessments.setVersion", { name: set.name, version: set.version })}</p>
      <label className="field">
        <span>{t("assessments.assessedOn")}</span>
        <input type="date" required value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
      </label>
      {dimensions.map((dimension) => (
        <fieldset key={dimension} className="poverty-dimension">
          <legend>{labels[dimension]?.[language === "en" ? "en" : "id"] ?? dimension}</legend>
          {set.definition.indicators
            .filter((i) => i.dimension === dimension)
            .map((indicator) => (
              <IndicatorField
                key={indicator.id}
                indicator={indicator}
                value={values[indicator.column] ?? null}
                onChange={(v) => set1(indicator.column, v)}
              />
            ))}
        </fieldset>
      ))}
      <FormError error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? t("assessments.saving") : t("assessments.save")}
      </button>
    </form>
  );
}

function IndicatorField({
  indicator,
  value,
  onChange,
}: {
  indicator: IndicatorSetIndicator;
  value: Answer;
  onChange: (value: Answer) => void;
}) {
  const { t, language } = useLanguage();
  const lang = language === "en" ? "en" : "id";
  const label = indicator.label?.[lang] ?? indicator.id;
  const input = indicator.input ?? { type: "number" as const };
  if (input.type === "boolean") {
    return (
      <fieldset className="field poverty-yes-no">
        <legend>{label}</legend>
        {[true, false].map((option) => (
          <label key={String(option)}>
            <input
              type="radio"
              name={indicator.column}
              checked={value === option}
              onChange={() => onChange(option)}
            />{" "}
            {option ? t("assessments.yes") : t("assessments.no")}
          </label>
        ))}
      </fieldset>
    );
  }
  if (input.type === "choice") {
    return (
      <label className="field">
        <span>{label}</span>
        <select
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value || null)}
        >
          <option value="">{t("assessments.choose")}</option>
          {input.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang] ?? o.label.id}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label className="field">
      <span>
        {label}
        {input.unit ? ` (${input.unit})` : ""}
      </span>
      <input
        type="number"
        inputMode="decimal"
        min={input.min}
        step="any"
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      />
    </label>
  );
}
