/**
 * What the worker must look at, never dropped silently: refused changes with the server's reason
 * (edit the fields and send again, or discard after confirming), conflicting ones with both values
 * per field (choose which stays), and visit photos whose upload failed (try again now, or discard
 * after confirming; otherwise they are tried again at every sync).
 */
import { useState } from "react";
import type { SyncConflictDto } from "../../../core/api/sync.schema.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import type { OutboxEntry } from "../local-store.ts";
import { offlineStore, syncNow } from "../offline-controller.ts";
import { dismissChange, retryChange } from "../outbox.ts";
import { ConflictChoice, useFieldName } from "./conflict-choice.tsx";
import type { FailedPhoto } from "./held-data.ts";

/** The payload fields a worker can correct by hand (plain text and numbers). */
export function editableFields(payload: Record<string, unknown>): string[] {
  return Object.keys(payload).filter(
    (k) => !k.endsWith("Id") && (typeof payload[k] === "string" || typeof payload[k] === "number"),
  );
}

export function AttentionList({
  entries,
  photos = [],
  online,
  onChanged,
}: {
  entries: readonly OutboxEntry[];
  /** Photos whose upload failed. */
  photos?: readonly FailedPhoto[];
  online: boolean;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  if (entries.length === 0 && photos.length === 0) return null;
  return (
    <section className="offline-attention" aria-labelledby="attention-title" data-testid="attention">
      <h2 id="attention-title">{t("offline.attention.title")}</h2>
      <p>{t("field.attention.intro")}</p>
      <ul className="offline-list">
        {entries.map((e) => (
          <li key={e.change.changeId} className="offline-item offline-item-block">
            {e.state === "conflict" ? (
              <ConflictEntry entry={e} online={online} onChanged={onChanged} />
            ) : (
              <RejectedEntry entry={e} onChanged={onChanged} />
            )}
          </li>
        ))}
        {photos.map((p) => (
          <li key={p.id} className="offline-item offline-item-block" data-testid="failed-photo">
            <FailedPhotoEntry photo={p} online={online} onChanged={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FailedPhotoEntry({
  photo,
  online,
  onChanged,
}: {
  photo: FailedPhoto;
  online: boolean;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const [busy, setBusy] = useState(false);
  const store = offlineStore();
  async function retry() {
    setBusy(true);
    try {
      await syncNow();
    } finally {
      setBusy(false);
      onChanged();
    }
  }
  async function discard() {
    if (!store || !window.confirm(t("field.photos.discardConfirm", { name: photo.name }))) return;
    await store.removeAttachments([photo.id]);
    onChanged();
  }
  return (
    <>
      <strong>
        {t("field.photos.failed")} — <span className="offline-file">{photo.name}</span>
      </strong>
      <p>
        {photo.caseLabel
          ? t("field.photos.visitOfCase", { case: photo.caseLabel })
          : t("field.photos.visit", { id: photo.visitId.slice(0, 8) })}
      </p>
      <p>{t("field.photos.error", { error: photo.error ?? "", count: photo.attempts })}</p>
      <p className="muted">{t("field.photos.later")}</p>
      <div className="offline-actions">
        <button type="button" className="button" disabled={!online || busy} onClick={() => void retry()}>
          {busy ? t("field.photos.retrying") : t("field.photos.retry")}
        </button>
        <button type="button" className="button button-danger" onClick={() => void discard()}>
          {t("field.photos.discard")}
        </button>
      </div>
      {!online ? <p className="muted">{t("field.photos.needSignal")}</p> : null}
    </>
  );
}

function useKindName() {
  const { t } = useLanguage();
  const kinds = t("field.kinds", { returnObjects: true }) as Record<string, string>;
  return (kind: string) => kinds[kind.replace(".", "_")] ?? kind;
}

function RejectedEntry({ entry, onChanged }: { entry: OutboxEntry; onChanged: () => void }) {
  const { t } = useLanguage();
  const kindName = useKindName();
  const fieldName = useFieldName();
  const [editing, setEditing] = useState(false);
  const payload = entry.change.payload;
  const fields = editableFields(payload);
  const store = offlineStore();

  async function retry(form: HTMLFormElement) {
    if (!store) return;
    const data = new FormData(form);
    const next: Record<string, unknown> = { ...payload };
    for (const f of fields) {
      const raw = String(data.get(f) ?? "").trim();
      next[f] = typeof payload[f] === "number" ? Number(raw) : raw;
    }
    await retryChange(store, entry.change.changeId, next);
    setEditing(false);
    onChanged();
  }
  async function discard() {
    if (!store || !window.confirm(t("field.attention.discardConfirm", { kind: kindName(entry.change.kind) })))
      return;
    await dismissChange(store, entry.change.changeId);
    onChanged();
  }
  return (
    <>
      <strong>
        {kindName(entry.change.kind)} — {t("field.attention.rejected")}
      </strong>
      <p>{t("field.attention.reason", { reason: entry.result?.message ?? entry.result?.code ?? "" })}</p>
      {editing ? (
        <form
          className="offline-form"
          aria-label={t("field.attention.edit")}
          onSubmit={(ev) => {
            ev.preventDefault();
            void retry(ev.currentTarget);
          }}
        >
          {fields.map((f) => (
            <label key={f}>
              {fieldName(f)}
              <input
                name={f}
                defaultValue={String(payload[f] ?? "")}
                inputMode={typeof payload[f] === "number" ? "decimal" : undefined}
              />
            </label>
          ))}
          <button type="submit" className="button">
            {t("field.attention.retry")}
          </button>
        </form>
      ) : null}
      <div className="offline-actions">
        {fields.length > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {editing ? t("field.attention.closeEdit") : t("field.attention.edit")}
          </button>
        ) : null}
        {!editing ? (
          <button
            type="button"
            className="button"
            onClick={() => store && void retryChange(store, entry.change.changeId).then(onChanged)}
          >
            {t("offline.attention.retry")}
          </button>
        ) : null}
        <button type="button" className="button button-danger" onClick={() => void discard()}>
          {t("field.attention.discard")}
        </button>
      </div>
    </>
  );
}

function ConflictEntry({
  entry,
  online,
  onChanged,
}: {
  entry: OutboxEntry;
  online: boolean;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const kindName = useKindName();
  const store = offlineStore();
  const [conflicts, setConflicts] = useState<SyncConflictDto[]>(entry.result?.conflicts ?? []);
  const open = conflicts.filter((c) => !c.resolution);

  async function resolved(id: string, keep: "server" | "client") {
    const next = conflicts.map((c) => (c.id === id ? { ...c, resolution: keep } : c));
    setConflicts(next);
    // Every field chosen: the change is dealt with and leaves the phone's list.
    if (store && next.every((c) => c.resolution)) {
      await dismissChange(store, entry.change.changeId);
      onChanged();
    }
  }
  return (
    <>
      <strong>
        {kindName(entry.change.kind)} — {t("field.attention.conflict")}
      </strong>
      <p>{t("field.attention.conflictIntro")}</p>
      {conflicts.length === 0 ? <p>{t("field.attention.noConflictDetail")}</p> : null}
      {conflicts.map((c) => (
        <ConflictChoice
          key={c.id}
          conflict={c}
          online={online}
          onResolved={(keep) => void resolved(c.id, keep)}
        />
      ))}
      {/* The server keeps the conflict for a supervisor: closing here loses nothing. */}
      <div className="offline-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => store && void dismissChange(store, entry.change.changeId).then(onChanged)}
        >
          {open.length === 0 ? t("field.attention.seen") : t("offline.attention.dismiss")}
        </button>
      </div>
    </>
  );
}
