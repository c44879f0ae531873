/** Registers a new household on the phone (household.create). */
import { useTranslation } from "react-i18next";
import { recordChange } from "../outbox.ts";
import { field, OfflineForm, type OnSaved, TextField } from "./form-field.tsx";

export function HouseholdForm({ regionCode, onSaved }: { regionCode: string; onSaved: OnSaved }) {
  const { t } = useTranslation();
  return (
    <OfflineForm
      title={t("offline.household.title")}
      submitLabel={t("offline.household.save")}
      onSaved={onSaved}
      record={async (f, store) => {
        await recordChange(store, {
          kind: "household.create",
          payload: {
            regionCode: field(f, "regionCode"),
            rw: field(f, "rw"),
            rt: field(f, "rt"),
            address: field(f, "address"),
          },
        });
        return t("offline.household.saved");
      }}
    >
      <TextField
        label={t("offline.household.region")}
        name="regionCode"
        required
        defaultValue={regionCode}
        key={regionCode}
        inputMode="numeric"
      />
      <TextField label={t("offline.household.rw")} name="rw" required pattern="\d{1,3}" inputMode="numeric" />
      <TextField label={t("offline.household.rt")} name="rt" required pattern="\d{1,3}" inputMode="numeric" />
      <TextField label={t("offline.household.address")} name="address" required />
    </OfflineForm>
  );
}
