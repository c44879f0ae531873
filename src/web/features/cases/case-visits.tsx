/**
 * Home visits of a case and the form to record one on a phone: when (Jakarta time), who was met,
 * notes, an optional GPS position and photos checked here exactly as the server checks them.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { uuidv7 } from "uuidv7";
import type { CaseDto, VisitDto } from "../../../core/api/cases.schema.ts";
import { MAX_PHOTO_BYTES } from "../../../core/cases/upload-rules.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { caseKeys, useRecordVisit, useVisits } from "./cases.queries.ts";
import { photoProblem, uploadVisitPhoto } from "./visit-photos.ts";

const WIB_MS = 7 * 60 * 60 * 1000;

/** "2026-03-01T10:15" for a datetime-local input: now, on the Jakarta clock. */
export function jakartaNowLocal(now = new Date()): string {
  return new Date(now.getTime() + WIB_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Jakarta time, as an ISO instant with its offset. */
export function jakartaLocalToIso(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}

export function CaseVisits({ kase }: { kase: CaseDto }) {
  const { t } = useLanguage();
  const query = useVisits(kase.id);
  return (
    <section className="card" id="kunjungan" aria-labelledby="visits-heading">
      <h2 id="visits-heading" className="card-title">
        {t("cases.visits.title")}
      </h2>
      {kase.stage !== "selesai" && (
        <Can permission="persons:write">
          <VisitForm caseId={kase.id} />
        </Can>
      )}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("cases.visits.empty")}</p>
      ) : (
        <ul className="item-list">
          {query.data.items.map((visit) => (
            <VisitItem key={visit.id} visit={visit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function VisitItem({ visit }: { visit: VisitDto }) {
  const { t, language } = useLanguage();
  return (
    <li className="item visit-item">
      <div className="item-main">
        <p className="item-title">
          <time dateTime={visit.visitedAt}>{formatDateTime(visit.visitedAt, language)}</time>
        </p>
        <p>
          <strong>{t("cases.visits.met")}:</strong> {visit.met}
        </p>
        {visit.notes && <p className="visit-notes">{visit.notes}</p>}
        <p className="item-meta">
          {visit.workerName && <span>{t("cases.visits.by", { name: visit.workerName })}</span>}
          {visit.latitude !== null && visit.longitude !== null && (
            <a
              href={`https://www.openstreetmap.org/?mlat=${visit.latitude}&mlon=${visit.longitude}#map=18/${visit.latitude}/${visit.longitude}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t("cases.visits.mapLink")}
            </a>
          )}
        </p>
        {visit.photos.length > 0 && (
          <ul className="visit-photos">
            {visit.photos.map((photo, i) => (
              <li key={photo.id}>
                <a href={photo.url} target="_blank" rel="noopener">
                  <img src={photo.url} alt={t("cases.visits.photoAlt", { n: i + 1 })} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

type Gps =
  | { state: "none" }
  | { state: "locating" }
  | { state: "ok"; lat: number; lon: number }
  | { state: "error"; reason: string };

function VisitForm({ caseId }: { caseId: string }) {
  const { t, language } = useLanguage();
  const client = useQueryClient();
  const record = useRecordVisit(caseId);
  const [visitedAt, setVisitedAt] = useState(() => jakartaNowLocal());
  const [met, setMet] = useState("");
  const [notes, setNotes] = useState("");
  const [gps, setGps] = useState<Gps>({ state: "none" });
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoErrors, setPhotoErrors] = useState<string[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState(false);
  // One id per visit being written, so that a retry after a lost answer records it once.
  const [visitId, setVisitId] = useState(() => uuidv7());

  const locate = () => {
    if (!("geolocation" in navigator)) {
      setGps({ state: "error", reason: "—" });
      return;
    }
    setGps({ state: "locating" });
    navigator.geolocation.getCurrentPosition(
      (pos) => setGps({ state: "ok", lat: pos.coords.latitude, lon: pos.coords.longitude }),
      (err) => setGps({ state: "error", reason: err.message }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const choosePhotos = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    const problems = await Promise.all(chosen.map((f) => photoProblem(f, language)));
    setPhotos(chosen.filter((_, i) => problems[i] === null));
    setPhotoErrors(problems.filter((p): p is string => p !== null));
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    setUploadError(null);
    const visit = await record
      .mutateAsync({
        id: visitId,
        visitedAt: jakartaLocalToIso(visitedAt),
        met: met.trim(),
        notes: notes.trim(),
        ...(gps.state === "ok" ? { latitude: gps.lat, longitude: gps.lon } : {}),
      })
      .catch(() => null);
    if (!visit) return;
    setUploading(true);
    try {
      for (const photo of photos) await uploadVisitPhoto(caseId, visit.id, photo, language);
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(false);
      void client.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    }
    form.reset();
    setMet("");
    setNotes("");
    setPhotos([]);
    setPhotoErrors([]);
    setGps({ state: "none" });
    setVisitedAt(jakartaNowLocal());
    setVisitId(uuidv7());
    setSaved(true);
  };

  const busy = record.isPending || uploading;
  return (
    <details className="add-form" open>
      <summary>{t("cases.visits.record")}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="visit-at">{t("cases.visits.visitedAt")}</label>
          <input
            id="visit-at"
            type="datetime-local"
            required
            value={visitedAt}
            onChange={(e) => setVisitedAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="visit-met">{t("cases.visits.met")}</label>
          <input
            id="visit-met"
            required
            maxLength={500}
            value={met}
            onChange={(e) => setMet(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="visit-notes">{t("cases.visits.notes")}</label>
          <textarea
            id="visit-notes"
            rows={4}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        <div className="field">
          <span className="field-label">{t("cases.visits.location")}</span>
          <div className="gps">
            {gps.state === "ok" ? (
              <>
                <span>{t("cases.visits.located", { lat: gps.lat.toFixed(5), lon: gps.lon.toFixed(5) })}</span>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setGps({ state: "none" })}
                >
                  {t("cases.visits.clearGps")}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button-secondary"
                disabled={gps.state === "locating"}
                onClick={locate}
              >
                {gps.state === "locating" ? t("cases.visits.locating") : t("cases.visits.useGps")}
              </button>
            )}
          </div>
          {gps.state === "error" && (
            <p className="hint" role="status">
              {t("cases.visits.gpsUnavailable", { reason: gps.reason })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="visit-photos">
            {t("cases.visits.photos", { limitMb: MAX_PHOTO_BYTES / 1024 / 1024 })}
          </label>
          <input
            id="visit-photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={(e) => void choosePhotos(e.target.files)}
          />
          {photos.length > 0 && (
            <p className="hint">{t("cases.visits.photoCount", { count: photos.length })}</p>
          )}
          {photoErrors.length > 0 && (
            <div className="notice notice-error" role="alert">
              {photoErrors.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
        </div>
        <button type="submit" className="button button-block" disabled={busy}>
          {t("cases.visits.save")}
        </button>
        <FormError error={record.error ?? uploadError} />
        {saved && (
          <p className="notice notice-success" role="status">
            {t("cases.visits.saved")}
          </p>
        )}
      </form>
    </details>
  );
}
