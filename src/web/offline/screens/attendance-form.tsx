/**
 * Training attendance on the phone: choose a held session, set each participant's status
 * (hadir, terlambat, izin, sakit, alpa) and save; one attendance.mark change per participant.
 */
import { useState } from "react";
import { ATTENDANCE_STATUSES } from "../../../core/training/attendance.ts";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import type { LocalRecord } from "../local-store.ts";
import { recordChange } from "../outbox.ts";
import { EmptyScreen, OfflineForm, type OnSaved, Problem, SelectField } from "./form-field.tsx";

const str = (r: LocalRecord, ...keys: string[]) => {
  for (const k of keys) if (typeof r.data[k] === "string" && r.data[k]) return r.data[k] as string;
  return "";
};

/** A participant's name (an own enrolment's `name` is its cohort's). */
const nameOf = (e: LocalRecord) => str(e, "participantName", "workerName");

/**
 * The participants whose attendance the worker records in a session's cohort: a trainer's
 * participants, not the worker's own enrolment (the server lets only those who run a training mark it).
 */
export function participantsOf(session: LocalRecord | undefined, enrolments: readonly LocalRecord[]) {
  if (!session) return [];
  const cohort = str(session, "cohortId");
  return enrolments
    .filter((e) => e.data.own !== true)
    .filter((e) => !cohort || !str(e, "cohortId") || str(e, "cohortId") === cohort)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

export function AttendanceForm({
  sessions,
  enrolments,
  onSaved,
}: {
  sessions: readonly LocalRecord[];
  enrolments: readonly LocalRecord[];
  onSaved: OnSaved;
}) {
  const { t, language } = useLanguage();
  // A session's day ("28 Nov 2026"), read as a Jakarta calendar day.
  const day = (s: LocalRecord) =>
    str(s, "date") ? formatDate(`${str(s, "date")}T12:00:00+07:00`, language) : "";
  const [sessionId, setSessionId] = useState("");
  const [problem, setProblem] = useState("");
  // Only the sessions with participants to record: a participant's own sessions have none.
  const led = sessions.filter((s) => participantsOf(s, enrolments).length > 0);
  const session = led.find((s) => s.id === sessionId);
  const participants = participantsOf(session, enrolments);
  const title = t("field.attendance.title");
  if (led.length === 0) return <EmptyScreen title={title} text={t("field.attendance.none")} />;
  return (
    <OfflineForm
      title={title}
      submitLabel={t("field.attendance.save")}
      onSaved={onSaved}
      record={async (f, store) => {
        const marks = participants
          .map((p) => ({ enrolmentId: p.id, status: String(f.get(`status-${p.id}`) ?? "") }))
          .filter((m) => m.status !== "");
        if (!session || marks.length === 0) {
          setProblem(t("field.attendance.nothing"));
          return null;
        }
        for (const mark of marks)
          await recordChange(store, {
            kind: "attendance.mark",
            payload: { sessionId: session.id, enrolmentId: mark.enrolmentId, status: mark.status },
          });
        setProblem("");
        return t("field.attendance.saved", { count: marks.length });
      }}
    >
      <SelectField
        label={t("field.attendance.session")}
        name="sessionId"
        required
        value={sessionId}
        onChange={(e) => setSessionId(e.target.value)}
        options={led.map((s) => ({
          value: s.id,
          label: [day(s), str(s, "startTime"), str(s, "title")].filter(Boolean).join(" · "),
        }))}
      />
      {session ? (
        <p className="muted" data-testid="session-detail">
          {[day(session), `${str(session, "startTime")}–${str(session, "endTime")}`, str(session, "title")]
            .filter(Boolean)
            .join(" · ")}
          <br />
          {[str(session, "cohortName"), str(session, "venue")].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      {session ? (
        <fieldset className="offline-fieldset">
          <legend>{t("field.attendance.participants")}</legend>
          {participants.length === 0 ? <p>{t("field.attendance.noParticipants")}</p> : null}
          {participants.map((p) => {
            const name = nameOf(p) || p.id;
            return (
              <SelectField
                key={p.id}
                label={t("field.attendance.statusOf", { name })}
                name={`status-${p.id}`}
                choose={false}
                defaultValue=""
                options={[
                  { value: "", label: t("field.attendance.notMarked") },
                  ...ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`field.attendance.status.${s}`) })),
                ]}
              />
            );
          })}
        </fieldset>
      ) : null}
      <Problem text={problem} />
    </OfflineForm>
  );
}
