/**
 * Records a visit on a held case (visit.create) with photos taken on the spot: each photo is
 * checked as the server will check it (image, at most 5 MB) and kept encrypted with the change;
 * it is uploaded once the server has the visit.
 */
import { useState } from "react";
import { photoProblem } from "../../features/cases/visit-photos.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { recordChange } from "../outbox.ts";
import {
  field,
  OfflineForm,
  type OnSaved,
  type Option,
  Problem,
  SelectField,
  TextAreaField,
  TextField,
} from "./form-field.tsx";

export function VisitForm({ cases, onSaved }: { cases: readonly Option[]; onSaved: OnSaved }) {
  const { t, language } = useLanguage();
  const [photos, setPhotos] = useState<File[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  async function onPhotos(files: FileList | null) {
    const chosen = [...(files ?? [])];
    const found = await Promise.all(chosen.map((f) => photoProblem(f, language)));
    setProblems(found.filter((p): p is string => p !== null));
    setPhotos(chosen.filter((_, i) => found[i] === null));
  }

  return (
    <OfflineForm
      title={t("offline.visit.title")}
      submitLabel={t("offline.visit.save")}
      onSaved={onSaved}
      intro={cases.length === 0 ? <p className="muted">{t("field.visit.noCases")}</p> : null}
      record={async (f, store) => {
        if (problems.length > 0) return null;
        const change = await recordChange(store, {
          kind: "visit.create",
          payload: {
            caseId: field(f, "caseId"),
            met: field(f, "met"),
            notes: field(f, "notes"),
            visitedAt: new Date().toISOString(),
          },
        });
        for (const photo of photos)
          await store.addAttachment(change.changeId, {
            name: photo.name,
            type: photo.type,
            bytes: await photo.arrayBuffer(),
          });
        setPhotos([]);
        return t("offline.visit.saved");
      }}
    >
      <SelectField label={t("offline.visit.case")} name="caseId" required options={cases} />
      <TextField label={t("offline.visit.met")} name="met" required />
      <TextAreaField label={t("offline.visit.notes")} name="notes" />
      <div className="offline-photos">
        <span id="visit-photos-hint">{t("field.visit.photos")}</span>
        {/* The browser's own file button speaks the browser's language: ours speaks the worker's. */}
        <label className="button button-secondary offline-photo-button">
          {t("field.visit.takePhoto")}
          <input
            className="visually-hidden"
            name="photos"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-describedby="visit-photos-hint"
            onChange={(e) => void onPhotos(e.currentTarget.files)}
          />
        </label>
      </div>
      {problems.map((p) => (
        <Problem key={p} text={p} />
      ))}
      {photos.length > 0 ? (
        <p className="muted" data-testid="photos-ready">
          {t("field.visit.photosChosen", { count: photos.length })} {t("field.visit.photosLater")}
        </p>
      ) : null}
    </OfflineForm>
  );
}
