/**
 * /keluarga/:id/anggota/baru and /penduduk/:id/ubah — add a member to a household or change a
 * person: every attribute of the KK, with "NIK belum ada" for people without one. Checked with
 * the import's row rules (same bilingual reasons); the API's field errors are shown too.
 */
import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { uuidv7 } from "uuidv7";
import type { Bilingual } from "../../../core/errors/language.ts";
import {
  DISABILITY_TYPES,
  EDUCATION_LEVELS,
  HEALTH_INSURANCE,
  MARITAL_STATUSES,
  OCCUPATIONS,
  RELATIONS,
  SEXES,
} from "../../../core/person/person-enums.ts";
import { ApiError } from "../../api/client.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { FieldMessageList } from "./household-form-page.tsx";
import {
  type PersonDetail,
  useCreatePerson,
  useHousehold,
  usePerson,
  useUpdatePerson,
} from "./registry.queries.ts";
import { todayIso } from "./registry-format.ts";
import {
  checkPersonForm,
  type FieldMessages,
  fieldMessages,
  type PersonFormValues,
} from "./registry-forms.ts";

const EMPTY: PersonFormValues = {
  nik: "",
  noNik: false,
  name: "",
  sex: "",
  birthPlace: "",
  birthDate: "",
  relation: "",
  maritalStatus: "",
  education: "",
  occupation: "",
  monthlyIncome: "",
  disability: "",
  chronicIllness: "",
  healthInsurance: "",
  phone: "",
};

export function NewPersonPage() {
  const { id = "" } = useParams();
  const household = useHousehold(id);
  if (household.isPending) return <LoadingState />;
  if (household.isError)
    return <ErrorMessage error={household.error} onRetry={() => void household.refetch()} />;
  return (
    <PersonForm
      householdId={household.data.id}
      householdLabel={household.data.address}
      initial={{ ...EMPTY, relation: household.data.members.length === 0 ? "kepala_keluarga" : "" }}
    />
  );
}

export function EditPersonPage() {
  const { id = "" } = useParams();
  const query = usePerson(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <PersonForm
      person={p}
      householdId={p.householdId}
      initial={{
        nik: p.nik ?? "",
        noNik: p.nikStatus === "belum_ada",
        name: p.name,
        sex: p.sex,
        birthPlace: p.birthPlace ?? "",
        birthDate: p.birthDate ?? "",
        relation: p.relation,
        maritalStatus: p.maritalStatus ?? "",
        education: p.education ?? "",
        occupation: p.occupation ?? "",
        monthlyIncome: p.monthlyIncome === null ? "" : String(p.monthlyIncome),
        disability: p.disability ?? "",
        chronicIllness: p.chronicIllness ?? "",
        healthInsurance: p.healthInsurance ?? "",
        phone: p.phone ?? "",
      }}
    />
  );
}

function PersonForm({
  person,
  householdId,
  householdLabel,
  initial,
}: {
  person?: PersonDetail;
  householdId: string | null;
  householdLabel?: string;
  initial: PersonFormValues;
}) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? "");
  const mutation = person ? update : create;
  const [id, setId] = useState(() => uuidv7());
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [savedName, setSavedName] = useState<string | null>(null);
  const apiErrors = mutation.error instanceof ApiError ? mutation.error.errors : [];
  const title = person
    ? t("registry.personForm.editTitle", { name: person.name })
    : t("registry.personForm.newTitle");
  const back = householdId ? `/keluarga/${householdId}` : person ? `/penduduk/${person.id}` : "/keluarga";

  const set = (key: keyof PersonFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const messages = (field: keyof PersonFormValues) => fieldMessages(field, errors, apiErrors);

  const save = (another: boolean) => {
    const checked = checkPersonForm(values, language);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (person) {
      update.mutate(checked.body, { onSuccess: () => void navigate(back) });
      return;
    }
    create.mutate(
      { id, householdId, ...checked.body },
      {
        onSuccess: (saved) => {
          if (!another) return void navigate(back);
          setSavedName(saved.name);
          setValues({ ...EMPTY });
          setId(uuidv7());
          create.reset();
          window.scrollTo({ top: 0 });
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  const text = (field: keyof PersonFormValues, label: string, props: Record<string, unknown> = {}) => {
    const list = messages(field);
    return (
      <div className="field">
        <label htmlFor={`p-${field}`}>{label}</label>
        <input
          id={`p-${field}`}
          value={String(values[field])}
          onChange={(e) => set(field)(e.target.value)}
          aria-invalid={list.length > 0}
          aria-describedby={list.length > 0 ? `p-${field}-error` : undefined}
          {...props}
        />
        <FieldMessageList id={`p-${field}-error`} messages={list} />
      </div>
    );
  };
  const choice = (
    field: keyof PersonFormValues,
    label: string,
    e: { codes: readonly string[]; labels: Record<string, Bilingual> },
    blank: string,
  ) => {
    const list = messages(field);
    return (
      <div className="field">
        <label htmlFor={`p-${field}`}>{label}</label>
        <select
          id={`p-${field}`}
          value={String(values[field])}
          onChange={(event) => set(field)(event.target.value)}
          aria-invalid={list.length > 0}
        >
          <option value="">{blank}</option>
          {e.codes.map((code) => (
            <option key={code} value={code}>
              {e.labels[code]?.[language] ?? code}
            </option>
          ))}
        </select>
        <FieldMessageList id={`p-${field}-error`} messages={list} />
      </div>
    );
  };
  const choose = t("registry.personForm.choose");
  const unknown = t("registry.personForm.unknown");

  return (
    <section className="page registry-screen">
      <title>{`${title} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[
          { label: t("registry.list.title"), to: "/keluarga" },
          ...(householdId
            ? [{ label: householdLabel ?? t("registry.household.title"), to: `/keluarga/${householdId}` }]
            : []),
          { label: title },
        ]}
      />
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      {savedName && (
        <p className="notice notice-success" role="status">
          {`${savedName}: ${t("registry.events.saved")}`}
        </p>
      )}
      <form className="card card-body registry-form" onSubmit={submit} noValidate>
        <p className="section-title">{t("registry.personForm.identity")}</p>
        {!values.noNik &&
          text("nik", t("registry.personForm.nik"), { inputMode: "numeric", autoComplete: "off" })}
        <label className="registry-check">
          <input
            type="checkbox"
            checked={values.noNik}
            onChange={(e) => setValues((v) => ({ ...v, noNik: e.target.checked }))}
            aria-describedby="p-nonik-hint"
          />
          {t("registry.personForm.noNik")}
        </label>
        <p id="p-nonik-hint" className="hint">
          {t("registry.personForm.noNikHint")}
        </p>
        {text("name", t("registry.personForm.name"), { autoComplete: "off", maxLength: 200 })}
        {choice("sex", t("registry.personForm.sex"), SEXES, choose)}
        {text("birthPlace", t("registry.personForm.birthPlace"))}
        {text("birthDate", t("registry.personForm.birthDate"), { type: "date", max: todayIso() })}
        {choice("relation", t("registry.personForm.relation"), RELATIONS, choose)}
        <p className="section-title">{t("registry.personForm.details")}</p>
        {choice("maritalStatus", t("registry.personForm.maritalStatus"), MARITAL_STATUSES, unknown)}
        {choice("education", t("registry.personForm.education"), EDUCATION_LEVELS, unknown)}
        {choice("occupation", t("registry.personForm.occupation"), OCCUPATIONS, unknown)}
        {text("monthlyIncome", t("registry.personForm.income"), { inputMode: "numeric" })}
        {choice("disability", t("registry.personForm.disability"), DISABILITY_TYPES, unknown)}
        {text("chronicIllness", t("registry.personForm.chronicIllness"))}
        {choice("healthInsurance", t("registry.personForm.insurance"), HEALTH_INSURANCE, unknown)}
        {text("phone", t("registry.personForm.phone"), { type: "tel", autoComplete: "off" })}
        {Object.keys(errors).length > 0 && (
          <p className="notice notice-error" role="alert">
            {t("registry.householdForm.fixErrors")}
          </p>
        )}
        <FormError error={mutation.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {t("registry.personForm.save")}
          </button>
          {!person && (
            <button
              type="button"
              className="button button-secondary"
              disabled={mutation.isPending}
              onClick={() => save(true)}
            >
              {t("registry.personForm.saveAndAdd")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
