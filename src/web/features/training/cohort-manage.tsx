import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/error-message.tsx";
import {
  type CohortDetail,
  type Session,
  useEligibleWorkers,
  useProgramme,
  useTrainingChange,
} from "./training.queries.ts";

/** The trainer's tools on the cohort page: enrol participants, add a session, set up a test. */
export function CohortManage({ cohort }: { cohort: CohortDetail }) {
  return (
    <>
      <EnrolForm cohortId={cohort.id} />
      <SessionForm cohort={cohort} />
      <TestForm cohortId={cohort.id} />
    </>
  );
}

function EnrolForm({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const eligible = useEligibleWorkers(cohortId, open);
  const change = useTrainingChange<{ enrolled: number }>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const items = eligible.data?.items ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    await change.mutateAsync({
      method: "POST",
      path: `/training/cohorts/${cohortId}/enrolments`,
      body: { workerIds: [...chosen] },
    });
    setChosen(new Set());
  }
  return (
    <section className="card card-body">
      <h2 className="section-title">{t("training.manage.enrol")}</h2>
      {!open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("training.manage.showEligible")}
        </button>
      ) : items.length === 0 && eligible.isSuccess ? (
        <p className="muted">{t("training.manage.noneEligible")}</p>
      ) : (
        <form onSubmit={(e) => void submit(e).catch(() => undefined)} className="form-grid">
          <label>
            <input
              type="checkbox"
              checked={items.length > 0 && chosen.size === items.length}
              onChange={(e) => setChosen(new Set(e.target.checked ? items.map((w) => w.workerId) : []))}
            />{" "}
            {t("training.manage.selectAll", { count: items.length })}
          </label>
          <ul className="item-list">
            {items.map((w) => (
              <li key={w.workerId} className="item">
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(w.workerId)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(w.workerId);
                      else next.delete(w.workerId);
                      setChosen(next);
                    }}
                  />{" "}
                  {w.name} · {w.role.toUpperCase()} · {w.regionName ?? w.regionCode}
                </label>
              </li>
            ))}
          </ul>
          {change.isError && <ErrorMessage error={change.error} />}
          {change.data && (
            <p className="notice notice-success" role="status">
              {t("training.manage.enrolled", { count: change.data.enrolled })}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={chosen.size === 0 || change.isPending}>
              {t("training.manage.enrolChosen", { count: chosen.size })}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The session form: adds a session to the cohort, or edits `initial` (same rules on the server). */
export function SessionForm({
  cohort,
  initial,
  onSaved,
}: {
  cohort: CohortDetail;
  initial?: Session;
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const programme = useProgramme(cohort.programmeId);
  const change = useTrainingChange();
  const [modules, setModules] = useState<Set<string>>(new Set(initial?.moduleIds ?? []));
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await change.mutateAsync({
      method: initial ? "PUT" : "POST",
      path: initial ? `/training/sessions/${initial.id}` : `/training/cohorts/${cohort.id}/sessions`,
      body: {
        date: form.get("date"),
        startTime: form.get("startTime"),
        endTime: form.get("endTime"),
        venue: form.get("venue"),
        trainer: form.get("trainer"),
        title: form.get("title"),
        moduleIds: [...modules],
      },
    });
    onSaved?.();
  }
  return (
    <form className="card card-body form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h2 className="section-title">
        {initial ? t("training.fix.editSession") : t("training.manage.addSession")}
      </h2>
      <label className="field">
        <span>{t("training.manage.sessionTitle")}</span>
        <input name="title" required minLength={3} defaultValue={initial?.title} />
      </label>
      <label className="field">
        <span>{t("training.manage.date")}</span>
        <input name="date" type="date" required defaultValue={initial?.date ?? cohort.startsOn} />
      </label>
      <label className="field">
        <span>{t("training.manage.start")}</span>
        <input name="startTime" type="time" required defaultValue={initial?.startTime ?? "08:00"} />
      </label>
      <label className="field">
        <span>{t("training.manage.end")}</span>
        <input name="endTime" type="time" required defaultValue={initial?.endTime ?? "12:00"} />
      </label>
      <label className="field">
        <span>{t("training.manage.venue")}</span>
        <input name="venue" required minLength={3} defaultValue={initial?.venue ?? cohort.venue} />
      </label>
      <label className="field">
        <span>{t("training.manage.trainer")}</span>
        <input name="trainer" required minLength={3} defaultValue={initial?.trainer} />
      </label>
      <fieldset className="field">
        <legend>{t("training.module")}</legend>
        {programme.data?.modules.map((m) => (
          <label key={m.id}>
            <input
              type="checkbox"
              checked={modules.has(m.id)}
              onChange={(e) => {
                const next = new Set(modules);
                if (e.target.checked) next.add(m.id);
                else next.delete(m.id);
                setModules(next);
              }}
            />{" "}
            {m.code} {m.title}
          </label>
        ))}
      </fieldset>
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
      </div>
    </form>
  );
}

function TestForm({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const change = useTrainingChange();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await change.mutateAsync({
      method: "PUT",
      path: `/training/cohorts/${cohortId}/tests`,
      body: {
        kind: form.get("kind"),
        timeLimitMinutes: Number(form.get("minutes")),
        questionsPerModule: Number(form.get("perModule")),
        open: form.get("open") === "on",
      },
    });
  }
  return (
    <form className="card card-body form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h2 className="section-title">{t("training.manage.setUpTest")}</h2>
      <label className="field">
        <span>{t("training.manage.kind")}</span>
        <select name="kind" defaultValue="pre">
          <option value="pre">{t("training.test.pre")}</option>
          <option value="post">{t("training.test.post")}</option>
        </select>
      </label>
      <label className="field">
        <span>{t("training.manage.minutes")}</span>
        <input name="minutes" type="number" min={1} max={240} defaultValue={30} required />
      </label>
      <label className="field">
        <span>{t("training.manage.perModule")}</span>
        <input name="perModule" type="number" min={1} max={50} defaultValue={5} required />
      </label>
      <label>
        <input name="open" type="checkbox" defaultChecked /> {t("training.manage.open")}
      </label>
      {change.isError && <ErrorMessage error={change.error} />}
      {change.isSuccess && (
        <p className="notice notice-success" role="status">
          {t("training.manage.saved")}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
      </div>
    </form>
  );
}
