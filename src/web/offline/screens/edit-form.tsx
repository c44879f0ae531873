/**
 * Corrects a held household or member on the phone (household.update / person.update): each
 * changed field is sent with the value the worker saw, so the server can tell a conflict (the same
 * field changed there meanwhile) from a plain edit. The record is found with the shared picker
 * (a member by name or by their household's address, RW/RT or KK).
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalRecord } from "../local-store.ts";
import { offlineStore } from "../offline-controller.ts";
import { currentView, recordEdit } from "../outbox.ts";
import { field, OfflineForm, type OnSaved, TextField } from "./form-field.tsx";
import { RecordPicker } from "./record-picker.tsx";
import type { PickEntry } from "./record-search.ts";

export interface EditableField {
  name: string;
  label: string;
  pattern?: string;
  inputMode?: "numeric" | "text";
}

export function EditRecordForm({
  table,
  title,
  chooseLabel,
  records,
  entries,
  fields,
  onSaved,
}: {
  table: "households" | "persons";
  title: string;
  chooseLabel: string;
  records: readonly LocalRecord[];
  /** The picker's entries of the same records. */
  entries: readonly PickEntry[];
  fields: readonly EditableField[];
  onSaved: OnSaved;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState("");
  const [seen, setSeen] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    const store = offlineStore();
    const record = id ? records.find((r) => r.id === id) : undefined;
    if (!store || !record) {
      setSeen(null);
      return;
    }
    let live = true;
    void currentView(store, record).then((view) => live && setSeen(view));
    return () => {
      live = false;
    };
  }, [id, records]);
  return (
    <OfflineForm
      title={title}
      submitLabel={t("field.edit.save")}
      onSaved={onSaved}
      record={async (f, store) => {
        const values = Object.fromEntries(fields.map((x) => [x.name, field(f, x.name)]));
        const change = await recordEdit(store, table, id, values);
        setId("");
        return change ? t("field.edit.saved") : t("field.edit.unchanged");
      }}
    >
      <RecordPicker label={chooseLabel} name="recordId" required entries={entries} onChange={setId} />
      {seen
        ? fields.map((x) => (
            <TextField
              key={`${id}-${x.name}`}
              label={x.label}
              name={x.name}
              required
              defaultValue={String(seen[x.name] ?? "")}
              pattern={x.pattern}
              inputMode={x.inputMode}
            />
          ))
        : null}
    </OfflineForm>
  );
}
