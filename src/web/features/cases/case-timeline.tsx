/** The case's timeline, newest first (it is append-only: nothing is edited), and adding a note. */
import { type FormEvent, useState } from "react";
import type { CaseDto, CaseEventDto } from "../../../core/api/cases.schema.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { useCaseEvent, useTimeline } from "./cases.queries.ts";

export function CaseTimeline({ kase }: { kase: CaseDto }) {
  const { t } = useLanguage();
  const query = useTimeline(kase.id);
  return (
    <section className="card" id="riwayat" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="card-title">
        {t("cases.timeline.title")}
      </h2>
      <Can permission="persons:write">
        <NoteForm caseId={kase.id} />
      </Can>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="muted">{t("cases.timeline.empty")}</p>
      ) : (
        <ol className="timeline">
          {query.data.map((event) => (
            <TimelineEvent key={event.id} event={event} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEvent({ event }: { event: CaseEventDto }) {
  const { t, language } = useLanguage();
  return (
    <li className={`timeline-event event-${event.type}`}>
      <p className="timeline-head">
        <span className="timeline-type">{t(`cases.timeline.types.${event.type}`)}</span>
        {event.fromStage && event.toStage && (
          <span className="timeline-move">
            {t("cases.timeline.stageMove", {
              from: t(`cases.stage.${event.fromStage}`),
              to: t(`cases.stage.${event.toStage}`),
            })}
          </span>
        )}
      </p>
      {event.type === "assigned" && <Assignment data={event.data} />}
      {event.note && <p className="timeline-note">{event.note}</p>}
      <p className="item-meta">
        <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
        {event.byName && <span>{t("cases.timeline.by", { name: event.byName })}</span>}
      </p>
    </li>
  );
}

/** "Petugas: Ani → Budi" from the names the server joins to an assignment's worker ids. */
function Assignment({ data }: { data: CaseEventDto["data"] }) {
  const { t } = useLanguage();
  const name = (key: "fromName" | "toName") =>
    typeof data?.[key] === "string" ? (data[key] as string) : null;
  const from = name("fromName");
  const to = name("toName");
  if (!to) return null;
  return (
    <p className="timeline-note">
      {from ? t("cases.timeline.transferred", { from, to }) : t("cases.timeline.assignedTo", { name: to })}
    </p>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useLanguage();
  const add = useCaseEvent(caseId);
  const [note, setNote] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    add.mutate({ action: "note", note: note.trim() }, { onSuccess: () => setNote("") });
  };
  return (
    <details className="add-form">
      <summary>{t("cases.timeline.addNote")}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="timeline-note">{t("cases.timeline.noteLabel")}</label>
          <textarea
            id="timeline-note"
            required
            maxLength={2000}
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={add.isPending}>
          {t("cases.timeline.save")}
        </button>
        <FormError error={add.error} />
      </form>
    </details>
  );
}
