import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/api.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { type MyTraining, useMyTraining } from "./training.queries.ts";
import { formatScore } from "./training-format.ts";

type MyCohort = MyTraining["cohorts"][number];

/** The participant's view on a phone: sessions with attendance, tests, evaluation, certificate. */
export function MyTrainings() {
  const { t, i18n } = useTranslation();
  const query = useMyTraining();
  if (!query.data || query.data.cohorts.length === 0) return null;
  return (
    <section className="card card-body" aria-labelledby="mine-title">
      <h2 id="mine-title" className="section-title">
        {t("training.mine")}
      </h2>
      {query.data.cohorts.map((c) => (
        <article key={c.cohortId} className="training-mine">
          <h3>
            {c.name} — {c.programmeName}
          </h3>
          <ul className="item-list">
            {c.sessions.map((s) => (
              <li key={s.id} className="item">
                <div className="item-main">
                  <p className="item-title">{s.title}</p>
                  <p className="item-meta">
                    {s.date} {s.startTime}–{s.endTime} WIB · {s.venue}
                  </p>
                </div>
                <span className={`tag ${s.status ? "tag-ok" : ""}`}>
                  {s.status ? t(`training.status.${s.status}`) : t("training.notMarked")}
                </span>
              </li>
            ))}
          </ul>
          <p className="actions">
            <Link className="button button-secondary" to="/pelatihan/presensi">
              {t("training.scanToCheckIn")}
            </Link>
          </p>
          <ul className="item-list">
            {c.tests.map((test) => (
              <li key={test.id} className="item">
                <div className="item-main">
                  <p className="item-title">{t(`training.test.${test.kind}`)}</p>
                  <p className="item-meta">
                    {test.submitted
                      ? t("training.scoreIs", { score: formatScore(test.score, i18n.language) })
                      : t("training.timeLimit", { minutes: test.timeLimitMinutes })}
                  </p>
                </div>
                {!test.submitted && test.open && (
                  <Link className="button" to={`/pelatihan/tes/${test.id}`}>
                    {t("training.takeTest")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
          {c.certificate && (
            <p>
              <a className="button" href={`/api/v1/certificates/${c.certificate.id}/pdf`}>
                {t("training.downloadCertificate", { number: c.certificate.number })}
              </a>
              {c.certificate.revokedAt && <span className="tag tag-danger">{t("training.revoked")}</span>}
            </p>
          )}
          {!c.evaluated && <EvaluationForm cohort={c} onDone={() => void query.refetch()} />}
        </article>
      ))}
    </section>
  );
}

const ITEMS = ["content", "trainer", "venue", "usefulness"] as const;

function EvaluationForm({ cohort, onDone }: { cohort: MyCohort; onDone: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, number>>({});
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const complete = ITEMS.every((k) => values[k]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.send("POST", `/training/cohorts/${cohort.cohortId}/evaluation`, { ...values, comment });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="form-grid" onSubmit={submit}>
      <h4>{t("training.evaluation.title")}</h4>
      <p className="hint">{t("training.evaluation.anonymous")}</p>
      {ITEMS.map((key) => (
        <fieldset key={key} className="likert">
          <legend>{t(`training.evaluation.${key}`)}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={`${cohort.cohortId}-${key}`}
                checked={values[key] === n}
                onChange={() => setValues({ ...values, [key]: n })}
              />
              {n}
            </label>
          ))}
        </fieldset>
      ))}
      <label className="field">
        <span>{t("training.evaluation.comment")}</span>
        <textarea value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={!complete || busy}>
          {t("training.evaluation.send")}
        </button>
      </div>
    </form>
  );
}
