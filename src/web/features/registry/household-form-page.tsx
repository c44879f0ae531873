/**
 * /keluarga/baru and /keluarga/:id/ubah — register or change a household: KK number, kelurahan,
 * RW, RT, address and optional coordinates from the phone's GPS. Checked with the import's row
 * rules before sending; the API's own field errors are shown too. A new household gets its id
 * on the phone (UUIDv7), so sending twice never registers it twice.
 */
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { uuidv7 } from "uuidv7";
import { ApiError } from "../../api/client.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useRegionOptions } from "../cases/region-options.tsx";
import {
  type HouseholdDetail,
  useCreateHousehold,
  useHousehold,
  useUpdateHousehold,
} from "./registry.queries.ts";
import {
  checkHouseholdForm,
  type FieldMessages,
  fieldMessages,
  type HouseholdFormValues,
} from "./registry-forms.ts";

export function NewHouseholdPage() {
  const { session } = useAuth();
  const own = session?.user.regionCode ?? "";
  return (
    <HouseholdForm
      initial={{
        kkNumber: "",
        regionCode: own.length === 10 ? own : "",
        rw: "",
        rt: "",
        address: "",
        latitude: "",
        longitude: "",
      }}
    />
  );
}

export function EditHouseholdPage() {
  const { id = "" } = useParams();
  const query = useHousehold(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const h = query.data;
  return (
    <HouseholdForm
      household={h}
      initial={{
        kkNumber: h.kkNumber ?? "",
        regionCode: h.regionCode,
        rw: h.rw,
        rt: h.rt,
        address: h.address,
        latitude: h.latitude === null ? "" : String(h.latitude),
        longitude: h.longitude === null ? "" : String(h.longitude),
      }}
    />
  );
}

function HouseholdForm({
  household,
  initial,
}: {
  household?: HouseholdDetail;
  initial: HouseholdFormValues;
}) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const regions = useRegionOptions();
  const create = useCreateHousehold();
  const update = useUpdateHousehold(household?.id ?? "");
  const mutation = household ? update : create;
  const [id] = useState(() => uuidv7());
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const apiErrors = mutation.error instanceof ApiError ? mutation.error.errors : [];
  const title = household ? t("registry.householdForm.editTitle") : t("registry.householdForm.newTitle");

  const set = (key: keyof HouseholdFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const locate = () => {
    setLocationError(null);
    if (!("geolocation" in navigator)) {
      setLocationError(t("registry.householdForm.noGeolocation"));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setValues((v) => ({
          ...v,
          latitude: position.coords.latitude.toFixed(6),
          longitude: position.coords.longitude.toFixed(6),
        }));
      },
      (error) => {
        setLocating(false);
        setLocationError(t("registry.householdForm.locationFailed", { reason: error.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkHouseholdForm(values, language);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const onSuccess = (saved: HouseholdDetail) => void navigate(`/keluarga/${saved.id}`);
    if (household) update.mutate(checked.body, { onSuccess });
    else create.mutate({ id, ...checked.body }, { onSuccess });
  };

  const messages = (field: keyof HouseholdFormValues) => fieldMessages(field, errors, apiErrors);
  const input = (field: keyof HouseholdFormValues, label: string, props: Record<string, unknown> = {}) => {
    const list = messages(field);
    return (
      <div className="field">
        <label htmlFor={`hh-${field}`}>{label}</label>
        <input
          id={`hh-${field}`}
          value={values[field]}
          onChange={(e) => set(field)(e.target.value)}
          aria-invalid={list.length > 0}
          aria-describedby={list.length > 0 ? `hh-${field}-error` : undefined}
          {...props}
        />
        <FieldMessageList id={`hh-${field}-error`} messages={list} />
      </div>
    );
  };

  const kelurahanErrors = messages("regionCode");
  return (
    <section className="page registry-screen">
      <title>{`${title} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[
          { label: t("registry.list.title"), to: "/keluarga" },
          ...(household ? [{ label: household.address, to: `/keluarga/${household.id}` }] : []),
          { label: title },
        ]}
      />
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <form className="card card-body registry-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="hh-kkNumber">{t("registry.householdForm.kk")}</label>
          <input
            id="hh-kkNumber"
            inputMode="numeric"
            autoComplete="off"
            value={values.kkNumber}
            onChange={(e) => set("kkNumber")(e.target.value)}
            aria-invalid={messages("kkNumber").length > 0}
            aria-describedby="hh-kk-hint hh-kkNumber-error"
          />
          <p id="hh-kk-hint" className="hint">
            {t("registry.householdForm.kkHint")}
          </p>
          <FieldMessageList id="hh-kkNumber-error" messages={messages("kkNumber")} />
        </div>
        <div className="field">
          <label htmlFor="hh-regionCode">{t("registry.householdForm.kelurahan")}</label>
          <select
            id="hh-regionCode"
            value={values.regionCode}
            onChange={(e) => set("regionCode")(e.target.value)}
            aria-invalid={kelurahanErrors.length > 0}
          >
            <option value="">{t("registry.householdForm.chooseKelurahan")}</option>
            {(regions.data ?? [])
              .filter((r) => r.level === "kelurahan")
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
          </select>
          <FieldMessageList id="hh-regionCode-error" messages={kelurahanErrors} />
        </div>
        <div className="registry-pair">
          {input("rw", t("registry.householdForm.rw"), { inputMode: "numeric", maxLength: 3 })}
          {input("rt", t("registry.householdForm.rt"), { inputMode: "numeric", maxLength: 3 })}
        </div>
        {input("address", t("registry.householdForm.address"), { autoComplete: "street-address" })}
        <fieldset className="registry-fieldset">
          <legend>{t("registry.householdForm.coordinates")}</legend>
          <div className="registry-pair">
            {input("latitude", t("registry.householdForm.latitude"), { inputMode: "decimal" })}
            {input("longitude", t("registry.householdForm.longitude"), { inputMode: "decimal" })}
          </div>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={locate} disabled={locating}>
              {locating ? t("registry.householdForm.locating") : t("registry.householdForm.useLocation")}
            </button>
            {(values.latitude || values.longitude) && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setValues((v) => ({ ...v, latitude: "", longitude: "" }))}
              >
                {t("registry.householdForm.clearLocation")}
              </button>
            )}
          </div>
          {locationError && (
            <p className="notice notice-error" role="alert">
              {locationError}
            </p>
          )}
        </fieldset>
        {Object.keys(errors).length > 0 && (
          <p className="notice notice-error" role="alert">
            {t("registry.householdForm.fixErrors")}
          </p>
        )}
        <FormError error={mutation.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t("registry.householdForm.save")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The reasons a field was refused, read out with it (aria-describedby). */
export function FieldMessageList({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="registry-field-errors">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
