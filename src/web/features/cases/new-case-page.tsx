/**
 * /kasus/baru — open a case about a person, a household or an area. Other pages link here with
 * the subject filled in: `?regionCode=` (a kelurahan page), `?householdId=` or `?personId=`
 * (the registry), optionally `&rw=…&rt=…`.
 */
import { type FormEvent, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { uuidv7 } from "uuidv7";
import {
  CASE_SOURCES,
  type CaseSource,
  SUBJECT_TYPES,
  type SubjectType,
  URGENCIES,
  type Urgency,
} from "../../../core/cases/case-enums.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCategories, useCreateCase } from "./cases.queries.ts";
import { useRegionOptions } from "./region-options.tsx";

/** The subject a link asked for: the first of personId, householdId, regionCode that is given. */
export function subjectFromParams(params: URLSearchParams): {
  subjectType: SubjectType;
  personId: string;
  householdId: string;
  regionCode: string;
  rw: string;
  rt: string;
} {
  const personId = params.get("personId") ?? "";
  const householdId = params.get("householdId") ?? "";
  const regionCode = (params.get("regionCode") ?? "").replace(/\./g, "");
  const subjectType: SubjectType = personId ? "person" : householdId ? "household" : "area";
  return {
    subjectType,
    personId,
    householdId,
    regionCode,
    rw: params.get("rw") ?? "",
    rt: params.get("rt") ?? "",
  };
}

export function NewCasePage() {
  const { t } = useLanguage();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const initial = subjectFromParams(params);
  const fromRegistry = Boolean(initial.personId || initial.householdId);
  const categories = useCategories();
  const regions = useRegionOptions();
  const create = useCreateCase();
  const [id] = useState(() => uuidv7());
  const [subjectType, setSubjectType] = useState<SubjectType>(initial.subjectType);
  const [personId, setPersonId] = useState(initial.personId);
  const [householdId, setHouseholdId] = useState(initial.householdId);
  const [regionCode, setRegionCode] = useState(initial.regionCode);
  const [rw, setRw] = useState(initial.rw);
  const [rt, setRt] = useState(initial.rt);
  const [category, setCategory] = useState("");
  const [description, setDescription] = useState("");
  const [source, setSource] = useState<CaseSource>("temuan_lapangan");
  const [urgency, setUrgency] = useState<Urgency>("biasa");

  const kind = subjectType === "area" ? "area" : "ppks";
  const categoryChoices = (categories.data?.items ?? []).filter((c) => c.kind === kind);
  const kelurahan = (regions.data ?? []).filter((r) => r.level === "kelurahan");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const subject =
      subjectType === "person"
        ? { personId: personId.trim() }
        : subjectType === "household"
          ? { householdId: householdId.trim() }
          : { regionCode, ...(rw.trim() ? { rw: rw.trim() } : {}), ...(rt.trim() ? { rt: rt.trim() } : {}) };
    create.mutate(
      { id, subjectType, ...subject, category, description: description.trim(), source, urgency },
      { onSuccess: (created) => void navigate(`/kasus/${created.id}`) },
    );
  };

  return (
    <section className="page cases-screen new-case-page">
      <title>{`${t("cases.create.title")} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[{ label: t("cases.detail.backToList"), to: "/kasus" }, { label: t("cases.create.title") }]}
      />
      <header className="page-header">
        <h1>{t("cases.create.title")}</h1>
      </header>
      <form className="card form-card" onSubmit={submit}>
        <fieldset className="choice-group" disabled={fromRegistry}>
          <legend>{t("cases.create.subjectType")}</legend>
          {SUBJECT_TYPES.map((type) => (
            <label key={type} className="check">
              <input
                type="radio"
                name="subjectType"
                value={type}
                checked={subjectType === type}
                onChange={() => {
                  setSubjectType(type);
                  setCategory("");
                }}
              />
              {t(`cases.subjectType.${type}`)}
            </label>
          ))}
        </fieldset>
        {fromRegistry && <p className="hint">{t("cases.create.fromRegistry")}</p>}

        {subjectType === "person" && (
          <div className="field">
            <label htmlFor="case-person">{t("cases.create.personId")}</label>
            <input
              id="case-person"
              required
              readOnly={Boolean(initial.personId)}
              value={personId}
              onChange={(e) => setPersonId(e.target.value)}
            />
          </div>
        )}
        {subjectType === "household" && (
          <div className="field">
            <label htmlFor="case-household">{t("cases.create.householdId")}</label>
            <input
              id="case-household"
              required
              readOnly={Boolean(initial.householdId)}
              value={householdId}
              onChange={(e) => setHouseholdId(e.target.value)}
            />
          </div>
        )}
        {subjectType === "area" && (
          <>
            <div className="field">
              <label htmlFor="case-kelurahan">{t("cases.create.kelurahan")}</label>
              <select
                id="case-kelurahan"
                required
                value={regionCode}
                onChange={(e) => setRegionCode(e.target.value)}
              >
                <option value="">
                  {regions.isPending ? t("common.loading") : t("cases.create.chooseKelurahan")}
                </option>
                {kelurahan.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor="case-rw">{t("cases.create.rw")}</label>
                <input
                  id="case-rw"
                  inputMode="numeric"
                  pattern="\d{1,3}"
                  maxLength={3}
                  value={rw}
                  onChange={(e) => setRw(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="case-rt">{t("cases.create.rt")}</label>
                <input
                  id="case-rt"
                  inputMode="numeric"
                  pattern="\d{1,3}"
                  maxLength={3}
                  value={rt}
                  onChange={(e) => setRt(e.target.value)}
                />
              </div>
            </div>
          </>
        )}

        <div className="field">
          <label htmlFor="case-category">{t("cases.create.category")}</label>
          <select id="case-category" required value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t("cases.create.chooseCategory")}</option>
            {categoryChoices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-description">{t("cases.create.description")}</label>
          <textarea
            id="case-description"
            required
            rows={5}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="case-source">{t("cases.create.source")}</label>
          <select id="case-source" value={source} onChange={(e) => setSource(e.target.value as CaseSource)}>
            {CASE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="choice-group">
          <legend>{t("cases.create.urgency")}</legend>
          {URGENCIES.map((u) => (
            <label key={u} className={`check urgency-choice urgency-${u}`}>
              <input
                type="radio"
                name="urgency"
                value={u}
                checked={urgency === u}
                onChange={() => setUrgency(u)}
              />
              {t(`cases.urgency.${u}`)}
            </label>
          ))}
          <p className="hint">{t("cases.create.urgencyHint")}</p>
        </fieldset>
        <FormError error={create.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t("cases.create.submit")}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void navigate(-1)}>
            {t("cases.create.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
