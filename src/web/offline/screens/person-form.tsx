/** Adds a member to a held household (person.create). */
import { useTranslation } from "react-i18next";
import { recordChange } from "../outbox.ts";
import { field, OfflineForm, type OnSaved, type Option, SelectField, TextField } from "./form-field.tsx";
import { RecordPicker } from "./record-picker.tsx";
import type { PickEntry } from "./record-search.ts";

const RELATIONS: readonly Option[] = [
  { value: "kepala_keluarga", label: "Kepala keluarga" },
  { value: "istri", label: "Istri" },
  { value: "suami", label: "Suami" },
  { value: "anak", label: "Anak" },
  { value: "lainnya", label: "Lainnya" },
];

export function PersonForm({ households, onSaved }: { households: readonly PickEntry[]; onSaved: OnSaved }) {
  const { t } = useTranslation();
  return (
    <OfflineForm
      title={t("offline.person.title")}
      submitLabel={t("offline.person.save")}
      onSaved={onSaved}
      record={async (f, store) => {
        await recordChange(store, {
          kind: "person.create",
          payload: {
            householdId: field(f, "householdId"),
            name: field(f, "name"),
            sex: field(f, "sex"),
            relation: field(f, "relation"),
          },
        });
        return t("offline.person.saved");
      }}
    >
      <RecordPicker label={t("offline.person.household")} name="householdId" required entries={households} />
      <TextField label={t("offline.person.name")} name="name" required autoComplete="off" />
      <SelectField
        label={t("offline.person.sex")}
        name="sex"
        choose={false}
        defaultValue="P"
        options={[
          { value: "P", label: t("offline.person.female") },
          { value: "L", label: t("offline.person.male") },
        ]}
      />
      <SelectField
        label={t("offline.person.relation")}
        name="relation"
        choose={false}
        defaultValue="kepala_keluarga"
        options={RELATIONS}
      />
    </OfflineForm>
  );
}
