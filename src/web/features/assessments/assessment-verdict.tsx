/**
 * The verdict of one assessment: poor or not (c_i against k), the score, and the deprivations in
 * plain words. Shared by the online page (the server's answer) and the offline field app (the
 * same engine run on the phone).
 */
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useLanguage } from "../../i18n/i18n.ts";
import { decimal, percent } from "./assessments.queries.ts";

export interface Verdict {
  poor: boolean;
  /** Deprivation score c_i (0..1). */
  score: number;
  /** Poverty cut-off k of the set. */
  k: number;
  /** The deprived indicators, each with its sentence in both languages. */
  deprived: readonly { id: string; text: { id: string; en: string } }[];
}

export function AssessmentVerdict({
  verdict,
  title,
  note,
  scrollIntoView = false,
}: {
  verdict: Verdict;
  title?: string;
  /** A line under the title (for instance: computed on this phone). */
  note?: ReactNode;
  /** Bring the box into view when it appears (the form is long on a phone). */
  scrollIntoView?: boolean;
}) {
  const { t, language } = useLanguage();
  const box = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (scrollIntoView) box.current?.scrollIntoView({ block: "start" });
  }, [scrollIntoView]);
  return (
    <section
      ref={box}
      className={`card card-body poverty-result ${verdict.poor ? "is-poor" : "is-not-poor"}`}
      aria-live="polite"
      aria-labelledby={titleId}
      data-testid="poverty-verdict"
    >
      <h2 id={titleId} className="card-title">
        {title ?? t("assessments.result")}
      </h2>
      {note ? <p className="muted">{note}</p> : null}
      <p className="poverty-status" data-testid="poverty-status">
        {verdict.poor ? t("assessments.poor") : t("assessments.notPoor")}
      </p>
      <p>
        {t("assessments.score")}:{" "}
        <strong data-testid="poverty-score">{percent(verdict.score, language)}</strong> (
        {t("assessments.cutoff", { k: decimal(verdict.k, language, 2) })})
      </p>
      <h3>{t("assessments.deprivedIn")}</h3>
      {verdict.deprived.length === 0 ? (
        <p>{t("assessments.noDeprivation")}</p>
      ) : (
        <ul className="poverty-deprived">
          {verdict.deprived.map((d) => (
            <li key={d.id}>{language === "en" ? d.text.en : d.text.id}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
