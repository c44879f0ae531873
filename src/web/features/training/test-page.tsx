import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import type { Attempt } from "./training.queries.ts";
import { formatScore } from "./training-format.ts";

/**
 * /pelatihan/tes/:id — taking a test on a phone. Opening the page starts the attempt or resumes
 * it; every choice is saved to the server at once, so a dropped connection or a reload loses
 * nothing. The countdown shows the server's deadline; after it the server refuses answers and the
 * attempt closes at the limit.
 */
export function TestPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    api.send<Attempt>("POST", `/training/tests/${id}/attempt`).then(setAttempt, setError);
  }, [id]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (error !== null && attempt === null) return <ErrorMessage error={error} />;
  if (!attempt) return <LoadingState />;
  const left = Math.max(0, Math.floor((Date.parse(attempt.deadlineAt) - now) / 1000));
  const done = attempt.submittedAt !== null;

  async function choose(position: number, selected: number) {
    if (!attempt) return;
    setSaving(position);
    setError(null);
    try {
      await api.send("PUT", `/training/attempts/${attempt.id}/answers/${position}`, { selected });
      setAttempt({
        ...attempt,
        items: attempt.items.map((item) => (item.position === position ? { ...item, selected } : item)),
      });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  }

  async function submit() {
    if (!attempt) return;
    setError(null);
    try {
      setAttempt(await api.send<Attempt>("POST", `/training/attempts/${attempt.id}/submit`));
    } catch (e) {
      setError(e);
    }
  }

  const answered = attempt.items.filter((i) => i.selected !== null).length;
  return (
    <section className="page">
      <title>{`${t(`training.test.${attempt.kind}`)} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t(`training.test.${attempt.kind}`)}</h1>
        {done ? (
          <p className="notice notice-success" role="status">
            {t("training.scoreIs", { score: formatScore(attempt.score, i18n.language) })}
            {attempt.closedAtLimit ? ` ${t("training.closedAtLimit")}` : ""}{" "}
            <Link to="/pelatihan">{t("training.backToTrainings")}</Link>
          </p>
        ) : (
          <p className="lead training-timer" aria-live="off">
            {t("training.timeLeft", {
              minutes: Math.floor(left / 60),
              seconds: String(left % 60).padStart(2, "0"),
            })}{" "}
            · {t("training.answered", { answered, total: attempt.items.length })}
          </p>
        )}
      </header>
      {error !== null && <ErrorMessage error={error} />}
      {!done && (
        <>
          <ol className="training-questions">
            {attempt.items.map((item) => (
              <li key={item.position} className="card card-body">
                <fieldset disabled={saving === item.position || left === 0}>
                  <legend>{item.text}</legend>
                  {item.options.map((option, index) => (
                    <label key={option} className="training-option">
                      <input
                        type="radio"
                        name={`q${item.position}`}
                        checked={item.selected === index}
                        onChange={() => void choose(item.position, index)}
                      />
                      {option}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          <p className="actions">
            <button type="button" className="button button-block" onClick={() => void submit()}>
              {t("training.submitTest")}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
