/** Opens a case for a held household (case.create); the PPKS list comes from the held categories. */
import { useTranslation } from "react-i18next";
import type { LocalRecord } from "../local-store.ts";
import { recordChange } from "../outbox.ts";
import { field, OfflineForm, type OnSaved, SelectField, TextAreaField, TextField } from "./form-field.tsx";
import { RecordPicker } from "./record-picker.tsx";
import type { PickEntry } from "./record-search.ts";

export function CaseForm({
  households,
  categories,
  onSaved,
}: {
  households: readonly PickEntry[];
  categories: readonly LocalRecord[];
  onSaved: OnSaved;
}) {
  const { t } = useTranslation();
  const categoryOptions = categories
    .map((c) => ({
      value: String(c.data.code ?? c.id),
      label: `${c.data.code ?? c.id} ${c.data.name ?? ""}`,
    }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return (
    <OfflineForm
      title={t("offline.caseForm.title")}
      submitLabel={t("offline.caseForm.save")}
      onSaved={onSaved}
      record={async (f, store) => {
        await recordChange(store, {
          kind: "case.create",
          payload: {
            subjectType: "household",
            householdId: field(f, "householdId"),
            category: field(f, "category"),
            description: field(f, "description"),
            source: "temuan_lapangan",
            urgency: "biasa",
          },
        });
        return t("offline.caseForm.saved");
      }}
    >
      <RecordPicker
        label={t("offline.caseForm.household")}
        name="householdId"
        required
        entries={households}
      />
      {categoryOptions.length > 0 ? (
        <SelectField
          label={t("offline.caseForm.category")}
          name="category"
          required
          choose={false}
          defaultValue={categoryOptions[0]?.value}
          options={categoryOptions}
        />
      ) : (
        <TextField label={t("offline.caseForm.category")} name="category" required defaultValue="01" />
      )}
      <TextAreaField label={t("offline.caseForm.description")} name="description" required />
    </OfflineForm>
  );
}
