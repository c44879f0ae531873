/**
 * The answers of an indicator set, one field per indicator grouped by dimension (phone-first):
 * shared by the online assessment page and the offline field app so both ask the same way.
 */
import type {
  IndicatorSetDefinition,
  IndicatorSetIndicator,
} from "../../../core/mpi/default-indicator-set.ts";
import { useLanguage } from "../../i18n/i18n.ts";

/** One answer as the form holds it (null: not answered yet). */
export type Answer = string | number | boolean | null;

/** Every indicator of `definition`, grouped in a fieldset per dimension. */
export function IndicatorAnswers({
  definition,
  values,
  onChange,
}: {
  definition: IndicatorSetDefinition;
  values: Readonly<Record<string, Answer>>;
  onChange: (column: string, value: Answer) => void;
}) {
  const { language } = useLanguage();
  const labels = definition.dimensionLabels ?? {};
  const dimensions = [...new Set(definition.indicators.map((i) => i.dimension))];
  return (
    <>
      {dimensions.map((dimension) => (
        <fieldset key={dimension} className="poverty-dimension">
          <legend>{labels[dimension]?.[language === "en" ? "en" : "id"] ?? dimension}</legend>
          {definition.indicators
            .filter((i) => i.dimension === dimension)
            .map((indicator) => (
              <IndicatorField
                key={indicator.id}
                indicator={indicator}
                value={values[indicator.column] ?? null}
                onChange={(v) => onChange(indicator.column, v)}
              />
            ))}
        </fieldset>
      ))}
    </>
  );
}

/** One indicator's field: yes/no radios, a choice list, or a number. */
export function IndicatorField({
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
