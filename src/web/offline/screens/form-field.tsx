/**
 * The pieces every offline form shares: a titled form that records one change and reports it, a
 * labelled field, and a select of held records. One place, so each screen is only its fields.
 */
import {
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { LocalStore } from "../local-store.ts";
import { offlineStore } from "../offline-controller.ts";

/** A trimmed text value of a submitted form. */
export const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** Tells the page a change was recorded: shows `text`, refreshes the held data, syncs if online. */
export type OnSaved = (text: string) => Promise<void>;

/**
 * A form titled `title` (its accessible name) whose submit runs `record` on the open store; the
 * returned text is shown as the confirmation. A failure is shown in the form, nothing is lost.
 */
export function OfflineForm({
  title,
  submitLabel,
  record,
  onSaved,
  children,
  intro,
}: {
  title: string;
  submitLabel: string;
  record: (form: FormData, store: LocalStore, element: HTMLFormElement) => Promise<string | null>;
  onSaved: OnSaved;
  children: ReactNode;
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const store = offlineStore();
    if (!store || busy) return;
    // The event's target is gone after the first await: keep the form.
    const element = e.currentTarget;
    setBusy(true);
    setError("");
    setDone("");
    try {
      const text = await record(new FormData(element), store, element);
      if (text === null) return;
      element.reset();
      setDone(text);
      await onSaved(text);
    } catch (failure) {
      setError(t("field.saveFailed", { error: (failure as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="offline-form" aria-label={title}>
      <h2>{title}</h2>
      {intro}
      {children}
      <Problem text={error} />
      <button type="submit" className="button button-block" disabled={busy}>
        {submitLabel}
      </button>
      {/* The page announces the save; this repeats it where the worker's eyes are. */}
      {done ? <p className="offline-saved">{done}</p> : null}
    </form>
  );
}

/** A problem the worker must see (announced at once). */
export function Problem({ text }: { text: string | null | undefined }) {
  return text ? (
    <p className="offline-error" role="alert">
      {text}
    </p>
  ) : null;
}

/** A screen with nothing to work on yet: its title and why. */
export function EmptyScreen({ title, text }: { title: string; text: string }) {
  return (
    <section className="offline-form" aria-label={title}>
      <h2>{title}</h2>
      <p>{text}</p>
    </section>
  );
}

/** A labelled input. */
export function TextField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label>
      {label}
      <input {...input} />
    </label>
  );
}

/** A labelled text area. */
export function TextAreaField({
  label,
  name,
  required,
}: {
  label: string;
  name: string;
  required?: boolean;
}) {
  return (
    <label>
      {label}
      <textarea name={name} required={required} />
    </label>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; with `choose`, it starts on a disabled "choose" entry. */
export function SelectField({
  label,
  options,
  choose = true,
  ...select
}: {
  label: string;
  options: readonly Option[];
  choose?: boolean;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select {...(choose && select.value === undefined ? { defaultValue: "" } : {})} {...select}>
        {choose ? (
          <option value="" disabled>
            {t("offline.choose")}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
