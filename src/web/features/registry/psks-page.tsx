/**
 * /wilayah/:code/psks — the social-welfare resources (PSKS) serving a region: LKS, Karang Taruna,
 * TKSK, PSM, helping businesses, … Lists them page by page, registers one in the region, and lets
 * a worker with households:write edit or delete one (delete asks to confirm; one named by case
 * referrals is refused by the server with a message).
 */
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { useRegion } from "../regions/regions.queries.ts";
import {
  PSKS_PAGE_SIZE,
  type Psks,
  type PsksInput,
  useCreatePsks,
  useDeletePsks,
  usePsksKinds,
  usePsksList,
  useUpdatePsks,
} from "./psks.queries.ts";

export function PsksPage() {
  const { t } = useLanguage();
  const { code = "" } = useParams();
  const region = useRegion(code);
  const [page, setPage] = useState(1);
  const list = usePsksList(code, page);
  const [adding, setAdding] = useState(false);
  const regionName = region.data?.region.name ?? formatRegionCode(code);
  return (
    <section className="page registry-screen">
      <title>{`${t("registry.psks.title")} ${regionName} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[
          { label: t("regions.allRegions"), to: "/wilayah" },
          { label: regionName, to: `/wilayah/${code}` },
          { label: t("registry.psks.title") },
        ]}
      />
      <header className="page-header">
        <p className="eyebrow">{formatRegionCode(code)}</p>
        <h1>{t("registry.psks.heading", { region: regionName })}</h1>
        <p className="hint">{t("registry.psks.intro")}</p>
      </header>
      <Can permission="households:write">
        {adding ? (
          <section className="card" aria-label={t("registry.psks.add")}>
            <PsksForm regionCode={code} onDone={() => setAdding(false)} />
          </section>
        ) : (
          <p className="registry-links">
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t("registry.psks.add")}
            </button>
          </p>
        )}
      </Can>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section className="card" aria-labelledby="psks-list">
          <h2 id="psks-list" className="card-title">
            {t("registry.psks.title")}
            <span className="count">{list.data.total}</span>
          </h2>
          {list.data.items.length === 0 ? (
            <p className="card-body hint">{t("registry.psks.none")}</p>
          ) : (
            <ul className="item-list">
              {list.data.items.map((o) => (
                <li key={o.id} className="item">
                  <Organisation organisation={o} own={o.regionCode.startsWith(code)} />
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} pageSize={PSKS_PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </section>
      )}
    </section>
  );
}

/** One organisation; `own` when it is registered for this region (or one within it): only those are edited here. */
function Organisation({ organisation: o, own }: { organisation: Psks; own: boolean }) {
  const { t } = useLanguage();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeletePsks();
  if (editing)
    return <PsksForm regionCode={o.regionCode} organisation={o} onDone={() => setEditing(false)} />;
  const contact = [o.contactName, o.phone].filter(Boolean).join(" · ");
  return (
    <article aria-label={o.name} className="registry-psks-item">
      <p className="item-title">{o.name}</p>
      <p className="item-meta">
        {o.kindName ?? o.kindCode} · {formatRegionCode(o.regionCode)}
        {!own && <span className="tag">{t("registry.psks.fromAbove")}</span>}
      </p>
      {o.address && <p className="item-meta">{o.address}</p>}
      {contact && <p className="item-meta">{contact}</p>}
      {o.note && <p className="item-meta">{o.note}</p>}
      {own && (
        <Can permission="households:write">
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t("registry.psks.edit")}
            </button>
            {confirming ? (
              <>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(o.id, { onSuccess: () => setConfirming(false) })}
                >
                  {t("registry.psks.confirmDelete", { name: o.name })}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t("registry.events.cancel")}
                </button>
              </>
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
                {t("registry.psks.delete")}
              </button>
            )}
          </div>
          <FormError error={remove.error} />
        </Can>
      )}
    </article>
  );
}

/** Registers an organisation in `regionCode`, or edits `organisation` (sends only what changed). */
function PsksForm({
  regionCode,
  organisation,
  onDone,
}: {
  regionCode: string;
  organisation?: Psks;
  onDone: () => void;
}) {
  const { t } = useLanguage();
  const kinds = usePsksKinds();
  const create = useCreatePsks();
  const update = useUpdatePsks();
  const prefix = organisation ? `psks-${organisation.id}` : "psks-new";
  const [values, setValues] = useState({
    kindCode: organisation?.kindCode ?? "",
    name: organisation?.name ?? "",
    address: organisation?.address ?? "",
    contactName: organisation?.contactName ?? "",
    phone: organisation?.phone ?? "",
    note: organisation?.note ?? "",
  });
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const optional = (value: string) => (value.trim() === "" ? null : value.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: PsksInput = {
      kindCode: values.kindCode,
      name: values.name.trim(),
      regionCode,
      address: optional(values.address),
      contactName: optional(values.contactName),
      phone: optional(values.phone),
      note: optional(values.note),
    };
    if (organisation) update.mutate({ id: organisation.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  const field = (key: "name" | "address" | "contactName" | "phone", required = false) => (
    <div className="field">
      <label htmlFor={`${prefix}-${key}`}>{t(`registry.psks.fields.${key}`)}</label>
      <input
        id={`${prefix}-${key}`}
        type={key === "phone" ? "tel" : "text"}
        required={required}
        value={values[key]}
        onChange={set(key)}
      />
    </div>
  );
  const label = organisation
    ? t("registry.psks.editOf", { name: organisation.name })
    : t("registry.psks.add");
  return (
    <form className="card-body registry-form" onSubmit={submit} aria-label={label}>
      <p className="section-title">{label}</p>
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>{t("registry.psks.fields.kind")}</label>
        <select id={`${prefix}-kind`} value={values.kindCode} onChange={set("kindCode")} required>
          <option value="">{t("registry.psks.chooseKind")}</option>
          {(kinds.data?.items ?? [])
            .filter((k) => k.active || k.code === values.kindCode)
            .map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
        </select>
      </div>
      {field("name", true)}
      {field("address")}
      {field("contactName")}
      {field("phone")}
      <div className="field">
        <label htmlFor={`${prefix}-note`}>{t("registry.psks.fields.note")}</label>
        <textarea
          id={`${prefix}-note`}
          rows={2}
          maxLength={1000}
          value={values.note}
          onChange={set("note")}
        />
      </div>
      <FormError error={create.error ?? update.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending || update.isPending}>
          {t("registry.psks.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("registry.events.cancel")}
        </button>
      </div>
    </form>
  );
}
