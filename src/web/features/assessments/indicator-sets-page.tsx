/**
 * /admin/indikator — indicator sets: every version with how many assessments used it, and a JSON
 * editor that checks a new definition with the engine's own validator as it is typed (the same
 * messages the API answers with). Saving under an existing code makes the next version.
 */
import { useMemo, useState } from "react";
import { validateIndicatorSet } from "../../../core/mpi/default-indicator-set.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCreateIndicatorSet, useIndicatorSet, useIndicatorSets } from "./assessments.queries.ts";
import "./assessments.css";

export function IndicatorSetsPage() {
  const { t, language } = useLanguage();
  const sets = useIndicatorSets();
  const [baseId, setBaseId] = useState<string | undefined>(undefined);
  const base = useIndicatorSet(baseId);
  const [code, setCode] = useState("ikm-peduli");
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const create = useCreateIndicatorSet();
  const check = useMemo(() => {
    if (text.trim() === "") return null;
    try {
      const definition: unknown = JSON.parse(text);
      return { definition, issues: validateIndicatorSet(definition), parseError: null };
    } catch (error) {
      return { definition: null, issues: [], parseError: (error as Error).message };
    }
  }, [text]);
  if (sets.isPending) return <LoadingState />;
  if (sets.isError) return <ErrorMessage error={sets.error} onRetry={() => void sets.refetch()} />;
  if (base.data && baseId && text === "") setText(JSON.stringify(base.data.definition, null, 2));
  const lang = language === "en" ? "en" : "id";
  const valid = check !== null && check.parseError === null && check.issues.length === 0;
  return (
    <section className="page poverty">
      <title>{`${t("assessments.sets")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("assessments.sets")}</h1>
        <p className="lead">{t("assessments.setsIntro")}</p>
      </header>
      <ul className="card card-body">
        {sets.data.items.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> · {s.code} v{s.version} · k = {s.k.toFixed(2)} ·{" "}
            {t("assessments.assessmentsCount", { count: s.assessments })}{" "}
            <button
              type="button"
              className="poverty-link-button"
              onClick={() => {
                setText("");
                setBaseId(s.id);
                setCode(s.code);
              }}
            >
              {t("assessments.useAsBase")}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="card card-body poverty-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          create.mutate({ code, name, definition: check.definition });
        }}
      >
        <label className="field">
          <span>{t("assessments.code")}</span>
          <input value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label className="field">
          <span>{t("assessments.setName")}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t("assessments.definition")}</span>
          <textarea
            className="poverty-json"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        {check?.parseError && (
          <p className="notice notice-error" role="alert">
            {t("assessments.jsonInvalid", { message: check.parseError })}
          </p>
        )}
        {check && check.issues.length > 0 && (
          <ul className="notice notice-error" role="alert">
            {check.issues.map((issue) => (
              <li key={`${issue.field}:${issue.message.id}`}>{issue.message[lang]}</li>
            ))}
          </ul>
        )}
        {valid && (
          <p className="notice">
            {t("assessments.valid", {
              count: (check.definition as { indicators: unknown[] }).indicators.length,
              k: (check.definition as { k: number }).k,
            })}
          </p>
        )}
        <FormError error={create.error} />
        {create.data && (
          <p className="notice">
            {t("assessments.savedSet", { code: create.data.code, version: create.data.version })}
          </p>
        )}
        <button
          type="submit"
          className="button"
          disabled={!valid || name.trim().length < 3 || create.isPending}
        >
          {t("assessments.saveSet")}
        </button>
      </form>
    </section>
  );
}
