/**
 * The offline assessment: pick a held household, answer the held indicator set, and see the
 * verdict at once (computed on the phone by the server's engine); saving queues assessment.create,
 * which the server scores again when it arrives.
 */
import { useMemo, useState } from "react";
import { AssessmentVerdict, type Verdict } from "../../features/assessments/assessment-verdict.tsx";
import { type Answer, IndicatorAnswers } from "../../features/assessments/indicator-answers.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import type { LocalRecord } from "../local-store.ts";
import { recordChange } from "../outbox.ts";
import { EmptyScreen, field, OfflineForm, type OnSaved, Problem, TextField } from "./form-field.tsx";
import { type HeldIndicatorSet, localVerdict, toHeldSet } from "./local-assessment.ts";
import { RecordPicker } from "./record-picker.tsx";
import type { PickEntry } from "./record-search.ts";
import "../../features/assessments/assessments.css";

/** Today on the phone's calendar (YYYY-MM-DD). */
function today(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** The set new assessments use: the newest version of the default set, else the newest held. */
export function currentHeldSet(records: readonly LocalRecord[]): HeldIndicatorSet | null {
  const sets = records
    .map((r) => ({ set: toHeldSet(r.data), code: r.data.code }))
    .filter((s): s is { set: HeldIndicatorSet; code: unknown } => s.set !== null)
    .sort((a, b) => b.set.version - a.set.version);
  return (sets.find((s) => s.code === "ikm-peduli") ?? sets[0])?.set ?? null;
}

export function AssessmentForm({
  households,
  indicatorSets,
  onSaved,
}: {
  households: readonly PickEntry[];
  indicatorSets: readonly LocalRecord[];
  onSaved: OnSaved;
}) {
  const { t, language } = useLanguage();
  const set = useMemo(() => currentHeldSet(indicatorSets), [indicatorSets]);
  const [values, setValues] = useState<Record<string, Answer>>({});
  const [saved, setSaved] = useState<Verdict | null>(null);
  const [missing, setMissing] = useState("");
  const result = useMemo(() => (set ? localVerdict(set.definition, values) : null), [set, values]);

  if (!set) return <EmptyScreen title={t("field.assessment.title")} text={t("field.assessment.noSet")} />;

  const lang = language === "en" ? "en" : "id";
  const labelOf = (id: string) => {
    const indicator = set.definition.indicators.find((i) => i.id === id);
    return indicator?.label?.[lang] ?? id;
  };
  const remaining = result && !result.complete ? result.missing.length + result.invalid.length : 0;

  return (
    <>
      <OfflineForm
        title={t("field.assessment.title")}
        submitLabel={t("field.assessment.save")}
        onSaved={onSaved}
        intro={
          <>
            <p className="muted">{t("field.assessment.intro")}</p>
            <p className="muted">{t("assessments.setVersion", { name: set.name, version: set.version })}</p>
          </>
        }
        record={async (f, store) => {
          const scored = localVerdict(set.definition, values);
          if (!scored.complete) {
            setMissing(
              t("field.assessment.incomplete", {
                list: [...scored.missing, ...scored.invalid].map(labelOf).join(", "),
              }),
            );
            return null;
          }
          await recordChange(store, {
            kind: "assessment.create",
            payload: {
              householdId: field(f, "householdId"),
              assessedOn: field(f, "assessedOn"),
              indicatorSetId: set.id,
              values: scored.values,
            },
          });
          setSaved(scored.verdict);
          setValues({});
          setMissing("");
          return t("field.assessment.saved");
        }}
      >
        {households.length === 0 ? <p>{t("field.assessment.noHouseholds")}</p> : null}
        <RecordPicker
          label={t("field.assessment.household")}
          name="householdId"
          required
          entries={households}
        />
        <TextField
          label={t("assessments.assessedOn")}
          name="assessedOn"
          type="date"
          required
          defaultValue={today()}
          max={today()}
        />
        <div className="poverty-form">
          <IndicatorAnswers
            definition={set.definition}
            values={values}
            onChange={(column, value) => {
              setSaved(null);
              setValues((v) => ({ ...v, [column]: value }));
            }}
          />
        </div>
        {result?.complete ? (
          <AssessmentVerdict verdict={result.verdict} note={t("field.assessment.local")} />
        ) : (
          <p className="muted" aria-live="polite" data-testid="assessment-remaining">
            {t("field.assessment.remaining", { count: remaining })}
          </p>
        )}
        <Problem text={missing} />
      </OfflineForm>
      {saved ? (
        <AssessmentVerdict
          verdict={saved}
          title={t("field.assessment.savedVerdict")}
          note={t("field.assessment.local")}
        />
      ) : null}
    </>
  );
}
