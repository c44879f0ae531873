import type { FormEvent } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import {
  type CohortDetail,
  type Programme,
  type ProgrammeDetail,
  useTrainingChange,
} from "./training.queries.ts";

/** A new programme with the shipped basic curriculum and its question bank. */
export function CreateProgrammeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <p className="actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t("training.manage.newProgramme")}
        </button>
      </p>
    );
  }
  return <ProgrammeForm onSaved={(created) => navigate(`/pelatihan/program/${created.id}`)} />;
}

/**
 * The programme form: creates a programme, or edits `initial` (PUT, same rules on the server;
 * the curriculum is copied only when creating).
 */
export function ProgrammeForm({
  initial,
  onSaved,
}: {
  initial?: Programme;
  onSaved: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const change = useTrainingChange<Programme>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const saved = await change.mutateAsync({
      method: initial ? "PUT" : "POST",
      path: initial ? `/training/programmes/${initial.id}` : "/training/programmes",
      body: {
        name: f.get("name"),
        year: Number(f.get("year")),
        level: f.get("level"),
        organiser: f.get("organiser"),
        organiserCode: f.get("organiserCode"),
        quotas: { tksk: Number(f.get("tksk")), psm: Number(f.get("psm")) },
        minAttendanceRate: Number(f.get("attendance")) / 100,
        minPostScore: Number(f.get("post")),
        signatoryName: f.get("signatoryName"),
        signatoryTitle: f.get("signatoryTitle"),
        ...(initial ? {} : { curriculum: "dasar" }),
      },
    });
    onSaved(saved);
  }
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input name={name} required {...props} />
    </label>
  );
  return (
    <form className="card card-body form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h2 className="section-title">
        {initial ? t("training.fix.editProgramme") : t("training.manage.newProgramme")}
      </h2>
      {field("name", t("training.manage.programmeName"), { minLength: 3, defaultValue: initial?.name })}
      {field("year", t("training.manage.year"), {
        type: "number",
        defaultValue: initial?.year ?? new Date().getFullYear(),
      })}
      <label className="field">
        <span>{t("training.manage.level")}</span>
        <select name="level" defaultValue={initial?.level ?? "dasar"}>
          <option value="dasar">{t("training.level.dasar")}</option>
          <option value="lanjutan">{t("training.level.lanjutan")}</option>
        </select>
      </label>
      {field("organiser", t("training.manage.organiser"), {
        defaultValue: initial?.organiser ?? "Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      })}
      {field("organiserCode", t("training.manage.organiserCode"), {
        defaultValue: initial?.organiserCode ?? "SUDINSOS-JP",
        pattern: "[A-Z0-9\\-]{2,30}",
      })}
      {field("tksk", t("training.manage.quotaTksk"), {
        type: "number",
        min: 0,
        defaultValue: initial ? (initial.quotas.tksk ?? 0) : 8,
      })}
      {field("psm", t("training.manage.quotaPsm"), {
        type: "number",
        min: 0,
        defaultValue: initial ? (initial.quotas.psm ?? 0) : 44,
      })}
      {field("attendance", t("training.manage.minAttendance"), {
        type: "number",
        min: 0,
        max: 100,
        defaultValue: initial ? Math.round(initial.completionRule.minAttendanceRate * 100) : 80,
      })}
      {field("post", t("training.manage.minPost"), {
        type: "number",
        min: 0,
        max: 100,
        defaultValue: initial?.completionRule.minPostScore ?? 70,
      })}
      {field("signatoryName", t("training.manage.signatoryName"), {
        minLength: 3,
        defaultValue: initial?.signatory.name,
      })}
      {field("signatoryTitle", t("training.manage.signatoryTitle"), {
        minLength: 3,
        defaultValue: initial?.signatory.title ?? "Kepala Suku Dinas Sosial Kota Administrasi Jakarta Pusat",
      })}
      {!initial && <p className="hint">{t("training.manage.curriculumHint")}</p>}
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
      </div>
    </form>
  );
}

/** A new cohort of a programme. */
export function CreateCohortForm({ programme }: { programme: ProgrammeDetail }) {
  const navigate = useNavigate();
  return (
    <CohortForm
      programmeId={programme.id}
      onSaved={(created) => navigate(`/pelatihan/angkatan/${created.id}`)}
    />
  );
}

/** The cohort form: creates a cohort of `programmeId`, or edits `initial` (same rules on the server). */
export function CohortForm({
  programmeId,
  initial,
  onSaved,
}: {
  programmeId: string;
  initial?: CohortDetail;
  onSaved: (cohort: { id: string }) => void;
}) {
  const { t } = useTranslation();
  const change = useTrainingChange<{ id: string }>();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const saved = await change.mutateAsync({
      method: initial ? "PUT" : "POST",
      path: initial ? `/training/cohorts/${initial.id}` : "/training/cohorts",
      body: {
        ...(initial ? {} : { programmeId }),
        name: f.get("name"),
        eligibleRegionCode: f.get("region"),
        venue: f.get("venue"),
        startsOn: f.get("startsOn"),
        endsOn: f.get("endsOn"),
      },
    });
    onSaved(saved);
  }
  return (
    <form className="card card-body form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h2 className="section-title">
        {initial ? t("training.fix.editCohort") : t("training.manage.newCohort")}
      </h2>
      <label className="field">
        <span>{t("training.manage.cohortName")}</span>
        <input name="name" required minLength={3} defaultValue={initial?.name} />
      </label>
      <label className="field">
        <span>{t("training.manage.region")}</span>
        <input name="region" required defaultValue={initial?.eligibleRegionCode ?? "31.71"} />
      </label>
      <label className="field">
        <span>{t("training.manage.venue")}</span>
        <input name="venue" required minLength={3} defaultValue={initial?.venue} />
      </label>
      <label className="field">
        <span>{t("training.manage.startsOn")}</span>
        <input name="startsOn" type="date" required defaultValue={initial?.startsOn} />
      </label>
      <label className="field">
        <span>{t("training.manage.endsOn")}</span>
        <input name="endsOn" type="date" required defaultValue={initial?.endsOn} />
      </label>
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
      </div>
    </form>
  );
}

/** A new multiple-choice or true/false question for a module's bank. */
export function AddQuestionForm({ module: m }: { module: ProgrammeDetail["modules"][number] }) {
  const { t } = useTranslation();
  const change = useTrainingChange();
  const [kind, setKind] = useState<"mc" | "tf">("mc");
  const competency = m.objectives[0]?.competencyCode ?? "";
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const options =
      kind === "tf"
        ? [t("training.manage.true"), t("training.manage.false")]
        : [0, 1, 2, 3].map((i) => String(f.get(`option${i}`) ?? "").trim()).filter(Boolean);
    await change.mutateAsync({
      method: "POST",
      path: `/training/modules/${m.id}/questions`,
      body: {
        kind,
        text: f.get("text"),
        options,
        correctIndex: Number(f.get("correct")),
        competencyCode: competency,
      },
    });
    form.reset();
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)}>
      <h3>{t("training.manage.addQuestion")}</h3>
      <label className="field">
        <span>{t("training.manage.kind")}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as "mc" | "tf")}>
          <option value="mc">{t("training.manage.multipleChoice")}</option>
          <option value="tf">{t("training.manage.trueFalse")}</option>
        </select>
      </label>
      <label className="field">
        <span>{t("training.question")}</span>
        <textarea name="text" required minLength={5} />
      </label>
      {kind === "mc" &&
        [0, 1, 2, 3].map((i) => (
          <label key={i} className="field">
            <span>{t("training.manage.option", { n: i + 1 })}</span>
            <input name={`option${i}`} required={i < 2} />
          </label>
        ))}
      <label className="field">
        <span>{t("training.manage.correctOption")}</span>
        <select name="correct" defaultValue="0">
          {(kind === "tf"
            ? [t("training.manage.true"), t("training.manage.false")]
            : ["1", "2", "3", "4"]
          ).map((label, i) => (
            <option key={label} value={i}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {change.isError && <ErrorMessage error={change.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t("training.manage.save")}
        </button>
      </div>
    </form>
  );
}
