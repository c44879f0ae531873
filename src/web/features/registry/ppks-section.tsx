/**
 * PPKS classifications, on the household page (the household's own and its members') and on the
 * person page (theirs): the list with a status change per entry, and the form to add one (whole
 * household or a member, category from the catalogue, date found, source, status, note).
 */
import { type FormEvent, useState } from "react";
import { PPKS_SOURCE_CODES, PPKS_STATUSES } from "../../../core/api/registry.schema.ts";
import { FormError } from "../../components/field-errors.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import {
  type PpksClassification,
  useAddHouseholdPpks,
  useAddPpks,
  usePpksCategories,
  useUpdatePpks,
} from "./registry.queries.ts";
import { todayIso } from "./registry-format.ts";

type PpksStatus = (typeof PPKS_STATUSES)[number];
type PpksSource = (typeof PPKS_SOURCE_CODES)[number];

/** Whom the classifications may name; a new one is added only to the living. */
export interface PpksPerson {
  id: string;
  name: string;
  dead?: boolean;
}

/** The value of the "whole household" choice in the target list. */
const WHOLE_HOUSEHOLD = "keluarga";

export interface PpksSectionProps {
  classifications: PpksClassification[];
  /** Names of the persons the classifications may name. */
  persons: PpksPerson[];
  /** On the household page: the household, so it can be classified itself and changes go through it. */
  householdId?: string;
}

export function PpksSection({ classifications, persons, householdId }: PpksSectionProps) {
  const { t } = useLanguage();
  const names = new Map(persons.map((m) => [m.id, m.name]));
  const living = persons.filter((m) => !m.dead);
  const canAdd = householdId !== undefined || living.length > 0;
  return (
    <section className="card" aria-labelledby="ppks-title">
      <h2 id="ppks-title" className="card-title">
        {t("registry.ppks.title")}
        <span className="count">{classifications.length}</span>
      </h2>
      {classifications.length === 0 ? (
        <p className="card-body hint">{t("registry.ppks.none")}</p>
      ) : (
        <ul className="item-list">
          {classifications.map((c) => (
            <li key={c.id} className="item">
              <Classification
                classification={c}
                householdId={householdId}
                target={
                  c.personId
                    ? (names.get(c.personId) ?? undefined)
                    : householdId
                      ? t("registry.ppks.wholeHousehold")
                      : undefined
                }
              />
            </li>
          ))}
        </ul>
      )}
      <Can permission={householdId ? "households:write" : "persons:write"}>
        {canAdd && <AddPpksForm persons={living} householdId={householdId} />}
      </Can>
    </section>
  );
}

function Classification({
  classification: c,
  target,
  householdId,
}: {
  classification: PpksClassification;
  /** Whom it is about, when the list mixes several (household page). */
  target: string | undefined;
  householdId: string | undefined;
}) {
  const { t, language } = useLanguage();
  const update = useUpdatePpks(householdId);
  const category = `${c.categoryCode} ${c.categoryName ?? ""}`.trim();
  return (
    <div className="registry-ppks-item">
      <div>
        <p className="item-title">{category}</p>
        <p className="item-meta">
          {target ? `${target} · ` : ""}
          {formatDate(c.foundOn, language)} ·{" "}
          {t(`registry.ppks.sources.${c.source as PpksSource}`, { defaultValue: c.source })}
        </p>
        {c.note && <p className="item-meta">{c.note}</p>}
      </div>
      <div className="field registry-status">
        <label htmlFor={`ppks-status-${c.id}`} className="visually-hidden">
          {t("registry.ppks.changeStatus", { category })}
        </label>
        <select
          id={`ppks-status-${c.id}`}
          value={c.status}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: c.id, body: { status: e.target.value as PpksStatus } })}
        >
          {PPKS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`registry.ppks.statuses.${s}`)}
            </option>
          ))}
        </select>
        <FormError error={update.error} />
      </div>
    </div>
  );
}

function AddPpksForm({ persons, householdId }: { persons: PpksPerson[]; householdId: string | undefined }) {
  const { t } = useLanguage();
  const categories = usePpksCategories();
  const addToPerson = useAddPpks();
  const addToHousehold = useAddHouseholdPpks();
  const error = addToHousehold.error ?? addToPerson.error;
  const pending = addToHousehold.isPending || addToPerson.isPending;
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(householdId ? WHOLE_HOUSEHOLD : (persons[0]?.id ?? ""));
  const [categoryCode, setCategoryCode] = useState("");
  const [foundOn, setFoundOn] = useState(todayIso());
  const [source, setSource] = useState<PpksSource>("temuan_lapangan");
  const [status, setStatus] = useState<PpksStatus>("aktif");
  const [note, setNote] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { categoryCode, foundOn, source, status, note: note.trim() === "" ? null : note.trim() };
    const done = {
      onSuccess: () => {
        setOpen(false);
        setCategoryCode("");
        setNote("");
      },
    };
    if (householdId && target === WHOLE_HOUSEHOLD) addToHousehold.mutate({ householdId, body }, done);
    else addToPerson.mutate({ personId: target, body }, done);
  };

  if (!open)
    return (
      <p className="card-body">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t("registry.ppks.add")}
        </button>
      </p>
    );
  return (
    <form className="card-body registry-form" onSubmit={submit} aria-label={t("registry.ppks.add")}>
      <p className="section-title">{t("registry.ppks.add")}</p>
      <div className="field">
        <label htmlFor="ppks-person">{t("registry.ppks.person")}</label>
        <select id="ppks-person" value={target} onChange={(e) => setTarget(e.target.value)} required>
          {householdId && <option value={WHOLE_HOUSEHOLD}>{t("registry.ppks.wholeHousehold")}</option>}
          {persons.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ppks-category">{t("registry.ppks.category")}</label>
        <select
          id="ppks-category"
          value={categoryCode}
          onChange={(e) => setCategoryCode(e.target.value)}
          required
        >
          <option value="">{t("registry.ppks.chooseCategory")}</option>
          {(categories.data?.items ?? [])
            .filter((c) => c.active)
            .map((c) => (
              <option key={c.code} value={c.code}>
                {`${c.code} ${c.name}`}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ppks-found">{t("registry.ppks.foundOn")}</label>
        <input
          id="ppks-found"
          type="date"
          max={todayIso()}
          required
          value={foundOn}
          onChange={(e) => setFoundOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="ppks-source">{t("registry.ppks.source")}</label>
        <select id="ppks-source" value={source} onChange={(e) => setSource(e.target.value as PpksSource)}>
          {PPKS_SOURCE_CODES.map((s) => (
            <option key={s} value={s}>
              {t(`registry.ppks.sources.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ppks-status">{t("registry.ppks.status")}</label>
        <select id="ppks-status" value={status} onChange={(e) => setStatus(e.target.value as PpksStatus)}>
          {PPKS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`registry.ppks.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ppks-note">{t("registry.ppks.note")}</label>
        <textarea
          id="ppks-note"
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {t("registry.ppks.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t("registry.events.cancel")}
        </button>
      </div>
    </form>
  );
}
