/**
 * /keluarga/impor — the person import: choose a CSV or XLSX file, check it first (dry run: the
 * error report with row, column, value and reason in the interface language, downloadable as
 * CSV), then import it (all or nothing unless "lewati baris tidak valid"), with upload progress
 * and the summary {read, inserted, updated, rejected, households}.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { PPKS_SOURCE_CODES } from "../../../core/api/registry.schema.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { type ImportResult, problemsCsv, type UploadProgress, uploadPersonImport } from "./import-upload.ts";
import { registryKeys } from "./registry.queries.ts";

type Phase = { kind: "idle" } | UploadProgress;

export function ImportPage() {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [ppksSource, setPpksSource] = useState("dtks");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [result, setResult] = useState<{ dryRun: boolean; result: ImportResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingFile, setMissingFile] = useState(false);
  const busy = phase.kind !== "idle";

  const run = async (dryRun: boolean) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    setError(null);
    setResult(null);
    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const answer = await uploadPersonImport(file, { dryRun, skipInvalid, ppksSource }, setPhase);
      setResult({ dryRun, result: answer });
      if (answer.written) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: registryKeys.households }),
          queryClient.invalidateQueries({ queryKey: registryKeys.persons }),
          queryClient.invalidateQueries({ queryKey: registryKeys.duplicates }),
        ]);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setPhase({ kind: "idle" });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  const download = () => {
    if (!result) return;
    const blob = new Blob([problemsCsv(result.result.problems, language)], {
      type: "text/csv;charset=utf-8",
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = `${file?.name.replace(/\.[^.]+$/, "") ?? "impor"}-kesalahan.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const progress = progressOf(phase, t);
  return (
    <section className="page registry-screen">
      <title>{`${t("registry.import.title")} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[{ label: t("registry.list.title"), to: "/keluarga" }, { label: t("registry.import.title") }]}
      />
      <header className="page-header">
        <h1>{t("registry.import.title")}</h1>
        <p className="lead">{t("registry.import.intro")}</p>
      </header>

      <form className="card card-body registry-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="import-file">{t("registry.import.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setError(null);
            }}
          />
          {missingFile && (
            <p className="notice notice-error" role="alert">
              {t("registry.import.chooseFirst")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="import-ppks-source">{t("registry.import.ppksSource")}</label>
          <select id="import-ppks-source" value={ppksSource} onChange={(e) => setPpksSource(e.target.value)}>
            {PPKS_SOURCE_CODES.map((s) => (
              <option key={s} value={s}>
                {t(`registry.ppks.sources.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="registry-check">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t("registry.import.skipInvalid")}
        </label>
        <p className="hint">{t("registry.import.skipInvalidHint")}</p>
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run(true)}>
            {t("registry.import.dryRun")}
          </button>
          <button type="submit" className="button button-secondary" disabled={busy}>
            {t("registry.import.run")}
          </button>
        </div>
        {busy && (
          <div className="registry-progress" role="status" aria-live="polite">
            <progress max={100} value={progress.percent ?? undefined} />
            <p>{progress.text}</p>
          </div>
        )}
        <FormError error={error} />
      </form>

      {result && <ImportOutcome dryRun={result.dryRun} result={result.result} onDownload={download} />}

      <details className="card registry-help">
        <summary>{t("registry.import.help")}</summary>
        <div className="card-body">
          <p>{t("registry.import.helpIntro")}</p>
          <p>{t("registry.import.helpOptional")}</p>
          <p>{t("registry.import.helpMatching")}</p>
        </div>
      </details>
    </section>
  );
}

/**
 * The progress bar's value and text: the upload's sent fraction, then the server's job: rows
 * validated out of the file's rows, then rows written out of the accepted ones.
 */
function progressOf(
  phase: Phase,
  t: ReturnType<typeof useLanguage>["t"],
): { percent: number | null; text: string } {
  const percent = (done: number, total: number) =>
    total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  if (phase.kind === "uploading" && phase.fraction < 1) {
    const sent = Math.round(phase.fraction * 100);
    return { percent: sent, text: t("registry.import.uploading", { percent: sent }) };
  }
  if (phase.kind !== "job") return { percent: null, text: t("registry.import.processing") };
  const { job } = phase;
  const total = job.totalRows;
  if (job.phase === "writing") {
    const accepted = Math.max(0, (total ?? job.read) - job.rejected);
    return {
      percent: percent(job.written, accepted),
      text: t("registry.import.writing", { written: job.written, total: accepted }),
    };
  }
  if (job.phase === "validating" || job.read > 0) {
    return total === null
      ? { percent: null, text: t("registry.import.validatingCount", { read: job.read }) }
      : {
          percent: percent(job.read, total),
          text: t("registry.import.validating", { read: job.read, total }),
        };
  }
  return { percent: null, text: t("registry.import.processing") };
}

function ImportOutcome({
  dryRun,
  result,
  onDownload,
}: {
  dryRun: boolean;
  result: ImportResult;
  onDownload: () => void;
}) {
  const { t, language } = useLanguage();
  const { summary, problems } = result;
  const message = dryRun
    ? problems.length === 0
      ? t("registry.import.dryRunOk")
      : t("registry.import.dryRunProblems")
    : result.written
      ? t("registry.import.written")
      : t("registry.import.refused");
  const good = (dryRun && problems.length === 0) || result.written;
  return (
    <section className="card" aria-labelledby="import-outcome">
      <h2 id="import-outcome" className="card-title">
        {t("registry.import.summary")}
      </h2>
      <div className="card-body">
        <p className={`notice ${good ? "notice-success" : "notice-error"}`} role="status">
          {message}
        </p>
        <dl className="stats registry-summary">
          {(["read", "inserted", "updated", "rejected", "households"] as const).map((key) => (
            <div key={key} className="stat">
              <dt>{t(`registry.import.${key}`)}</dt>
              <dd>{formatCount(summary[key], language)}</dd>
            </div>
          ))}
        </dl>
        {result.unknownColumns.length > 0 && (
          <p className="hint">
            {t("registry.import.unknownColumns", { columns: result.unknownColumns.join(", ") })}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <>
          <h3 className="card-body section-title">{t("registry.import.problems")}</h3>
          <div className="registry-table-scroll">
            <table className="registry-table">
              <thead>
                <tr>
                  <th scope="col">{t("registry.import.row")}</th>
                  <th scope="col">{t("registry.import.column")}</th>
                  <th scope="col">{t("registry.import.value")}</th>
                  <th scope="col">{t("registry.import.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p) => (
                  <tr key={`${p.row}:${p.column}:${p.code}`}>
                    <td className="num">{p.row}</td>
                    <td>
                      <code>{p.column}</code>
                    </td>
                    <td className="registry-value">{p.value}</td>
                    <td>{language === "en" ? p.message.en : p.message.id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="card-body">
            <button type="button" className="button button-secondary" onClick={onDownload}>
              {t("registry.import.downloadReport")}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
