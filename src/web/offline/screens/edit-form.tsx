/**
 * Corrects a held household or member on the phone (household.update / person.update): each
 * changed field is sent with the value the worker saw, so the server can tell a conflict (the same
 * field changed there meanwhile) from a plain edit.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalRecord } from "../local-store.ts";
import { offlineStore } from "../offline-controller.ts";
import { currentView, recordEdit } from "../outbox.ts";
import { field, OfflineForm, type OnSaved, type Option, SelectField, TextField } from "./form-field.tsx";

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
  options,
  fields,
  parent,
  onSaved,
}: {
  table: "households" | "persons";
  title: string;
  chooseLabel: string;
  records: readonly LocalRecord[];
  options: readonly Option[];
  fields: readonly EditableField[];
  /** Choose the parent first (a member's household): a kelurahan's members are too many for one list. */
  parent?: { label: string; key: string; options: readonly Option[] };
  onSaved: OnSaved;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState("");
  const [parentId, setParentId] = useState("");
  const shown = parent
    ? options.filter((o) => records.find((r) => r.id === o.value)?.data[parent.key] === parentId)
    : options;
  const [seen, setSeen] = useState<Record<string, unknown> | null>(null);
  useEffect(() => {
    const store = offlineStore();
    const record = records.find((r) => r.id === id);
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
      {parent ? (
        <SelectField
          label={parent.label}
          name="parentId"
          value={parentId}
          onChange={(e) => {
            setParentId(e.target.value);
            setId("");
          }}
          options={parent.options}
        />
      ) : null}
      <SelectField
        label={chooseLabel}
        name="recordId"
        required
        value={id}
        onChange={(e) => setId(e.target.value)}
        options={shown}
      />
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
