/**
 * Correcting training records on the programme and cohort pages (pelatih, sudin): edit with the
 * create forms, delete what holds no records, cancel or archive what does and restore it again (the
 * server says why a delete or a restore is refused), withdraw participants before certificates are
 * issued.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { SessionForm } from "./cohort-manage.tsx";
import { CohortForm, ProgrammeForm } from "./programme-manage.tsx";
import {
  type CohortDetail,
  type ProgrammeDetail,
  type Session,
  useTrainingChange,
} from "./training.queries.ts";

/** What a correction bar offers: edit in place, retire (archive or cancel) and delete. */
interface CorrectionActions {
  /** The label of the button that opens the edit form. */
  editLabel: string;
  /** Archive or cancel, or restore once the record is retired. */
  retire: { label: string; confirm: string; path: string };
  /** Delete; `goTo` is where to go once deleted (stay on the page when absent). */
  remove: { confirm: string; path: string; goTo?: string };
  /** Links shown before the buttons. */
  links?: ReactNode;
  /** The edit form, given how to close itself once saved. */
  form: (close: () => void) => ReactNode;
}

/**
 * The buttons shared by programme, cohort and session corrections, each asking for confirmation
 * first, with the server's answer when it refuses (e.g. why a delete is not possible).
 */
function CorrectionBar({ editLabel, retire, remove, links, form }: CorrectionActions) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = useTrainingChange();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <p className="actions">
        {links}
        <button type="button" className="button button-secondary" onClick={() => setEditing(!editing)}>
          {editing ? t("training.fix.cancelEdit") : editLabel}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={change.isPending}
          onClick={() => {
            if (!window.confirm(retire.confirm)) return;
            change.mutate({ method: "POST", path: retire.path, body: {} });
          }}
        >
          {retire.label}
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={change.isPending}
          onClick={() => {
            if (!window.confirm(remove.confirm)) return;
            change
              .mutateAsync({ method: "DELETE", path: remove.path })
              .then(() => {
                if (remove.goTo) navigate(remove.goTo);
              })
              .catch(() => undefined);
          }}
        >
          {t("training.fix.delete")}
        </button>
      </p>
      {change.isError && <ErrorMessage error={change.error} />}
      {editing && form(() => setEditing(false))}
    </>
  );
}

/** Edit, archive or delete a programme. */
export function ProgrammeCorrections({ programme }: { programme: ProgrammeDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {programme.archivedAt && (
        <p className="notice" role="status">
          {t("training.fix.archived", {
            at: new Date(programme.archivedAt).toLocaleDateString(i18n.language),
          })}
        </p>
      )}
      <CorrectionBar
        editLabel={t("training.fix.editProgramme")}
        retire={
          programme.archivedAt
            ? {
                label: t("training.fix.restore"),
                confirm: t("training.fix.confirmRestore", { what: programme.name }),
                path: `/training/programmes/${programme.id}/restore`,
              }
            : {
                label: t("training.fix.archive"),
                confirm: t("training.fix.confirmArchive"),
                path: `/training/programmes/${programme.id}/archive`,
              }
        }
        remove={{
          confirm: t("training.fix.confirmDelete", { what: programme.name }),
          path: `/training/programmes/${programme.id}`,
          goTo: "/pelatihan",
        }}
        form={(close) => <ProgrammeForm initial={programme} onSaved={close} />}
      />
    </>
  );
}

/** Edit a module's code, title and lesson hours. */
export function ModuleEditForm({ module: m }: { module: ProgrammeDetail["modules"][number] }) {
  const { t } = useTranslation();
  const change = useTrainingChange();
  const [open, setOpen] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    await change.mutateAsync({
      method: "PUT",
      path: `/training/modules/${m.id}`,
      body: { code: f.get("code"), title: f.get("title"), hours: Number(f.get("hours")) },
    });
    setOpen(false);
  }
  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t("training.fix.editModule")}
      </button>
    );
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <label className="field">
        <span>{t("training.fix.moduleCode")}</span>
        <input name="code" required pattern="[A-Z0-9\-]{1,10}" defaultValue={m.code} />
      </label>
      <label className="field">
        <span>{t("training.fix.moduleTitle")}</span>
        <input name="title" required minLength={3} defaultValue={m.title} />
      </label>
      <label className="field">
        <span>{t("training.fix.hours")}</span>
        <input name="hours" type="number" min={0} max={200} step="0.5" required defaultValue={m.hours} />
      </label>
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("training.fix.cancelEdit")}
        </button>
      </div>
    </form>
  );
}

/** Edit, cancel or delete a cohort; the link to its invitations. */
export function CohortCorrections({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card card-body">
      {cohort.cancelledAt && (
        <p className="notice" role="status">
          {t("training.fix.cancelled")}
        </p>
      )}
      <CorrectionBar
        editLabel={t("training.fix.editCohort")}
        links={
          <Link className="button button-secondary" to={`/pelatihan/angkatan/${cohort.id}/undangan`}>
            {t("training.fix.invitations")}
          </Link>
        }
        retire={
          cohort.cancelledAt
            ? {
                label: t("training.fix.restore"),
                confirm: t("training.fix.confirmRestore", { what: cohort.name }),
                path: `/training/cohorts/${cohort.id}/restore`,
              }
            : {
                label: t("training.fix.cancel"),
                confirm: t("training.fix.confirmCancel", { what: cohort.name }),
                path: `/training/cohorts/${cohort.id}/cancel`,
              }
        }
        remove={{
          confirm: t("training.fix.confirmDelete", { what: cohort.name }),
          path: `/training/cohorts/${cohort.id}`,
          goTo: `/pelatihan/program/${cohort.programmeId}`,
        }}
        form={(close) => <CohortForm programmeId={cohort.programmeId} initial={cohort} onSaved={close} />}
      />
    </section>
  );
}

/** Edit, cancel or delete one session (shown in the cohort's session list). */
export function SessionCorrections({ cohort, session }: { cohort: CohortDetail; session: Session }) {
  const { t } = useTranslation();
  return (
    <div className="session-corrections">
      <CorrectionBar
        editLabel={t("training.fix.edit")}
        retire={
          session.cancelledAt
            ? {
                label: t("training.fix.restore"),
                confirm: t("training.fix.confirmRestore", { what: session.title }),
                path: `/training/sessions/${session.id}/restore`,
              }
            : {
                label: t("training.fix.cancel"),
                confirm: t("training.fix.confirmCancel", { what: session.title }),
                path: `/training/sessions/${session.id}/cancel`,
              }
        }
        remove={{
          confirm: t("training.fix.confirmDelete", { what: session.title }),
          path: `/training/sessions/${session.id}`,
        }}
        form={(close) => <SessionForm cohort={cohort} initial={session} onSaved={close} />}
      />
    </div>
  );
}

/** Withdraw one participant, with a reason (kept in the audit trail and the cohort's history). */
export function WithdrawButton({ enrolmentId, name }: { enrolmentId: string; name: string }) {
  const { t } = useTranslation();
  const change = useTrainingChange();
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        title={t("training.fix.withdrawTitle", { name })}
        disabled={change.isPending}
        onClick={() => {
          const reason = window.prompt(
            `${t("training.fix.withdrawTitle", { name })}\n${t("training.fix.reasonPrompt")}`,
          );
          if (!reason || reason.trim().length < 3) return;
          change.mutate({
            method: "POST",
            path: `/training/enrolments/${enrolmentId}/withdraw`,
            body: { reason },
          });
        }}
      >
        {t("training.fix.withdraw")}
      </button>
      {change.isError && <ErrorMessage error={change.error} />}
    </>
  );
}

/** The participants withdrawn from the cohort, kept in its history. */
export function WithdrawnList({ cohort }: { cohort: CohortDetail }) {
  const { t, i18n } = useTranslation();
  if (cohort.withdrawn.length === 0) return null;
  return (
    <section className="card card-body">
      <h2 className="section-title">{t("training.fix.withdrawnTitle")}</h2>
      <p className="hint">{t("training.fix.withdrawnHint")}</p>
      <ul className="item-list">
        {cohort.withdrawn.map((w) => (
          <li key={w.enrolmentId} className="item">
            <div className="item-main">
              <p className="item-title">
                {w.name} · {w.role.toUpperCase()} · {w.regionName}
              </p>
              <p className="item-meta">
                {t("training.fix.withdrawnAt", { at: new Date(w.withdrawnAt).toLocaleString(i18n.language) })}
                {w.reason ? ` — ${w.reason}` : ""}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
