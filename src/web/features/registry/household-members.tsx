/**
 * The members of a household: masked NIK with "Lihat NIK" (which loads the person's own, audited,
 * detail view), sex, age, relation, disability and insurance, and per member the events: move to
 * another household, record a death, add the NIK of someone registered without one.
 */
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import type { PersonDto } from "../../../core/api/registry.schema.ts";
import { parseNik } from "../../../core/identity/nik.ts";
import { DISABILITY_TYPES, HEALTH_INSURANCE, RELATIONS, SEXES } from "../../../core/person/person-enums.ts";
import { FormError } from "../../components/field-errors.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Can } from "../auth/can.tsx";
import { type HouseholdDetail, useHouseholds, usePerson, useUpdatePerson } from "./registry.queries.ts";
import { ageOn, enumLabel, maskedNumber, todayIso } from "./registry-format.ts";

type Action = "move" | "death" | "nik";

export function HouseholdMembers({ household }: { household: HouseholdDetail }) {
  const { t } = useLanguage();
  return (
    <section className="card" aria-labelledby="household-members">
      <h2 id="household-members" className="card-title">
        {t("registry.household.members")}
        <span className="count">{household.members.length}</span>
      </h2>
      {household.members.length === 0 ? (
        <p className="card-body hint">{t("registry.household.noMembers")}</p>
      ) : (
        <ul className="item-list">
          {household.members.map((m) => (
            <li key={m.id} className="item">
              <Member person={m} householdId={household.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Member({ person, householdId }: { person: PersonDto; householdId: string }) {
  const { t, language } = useLanguage();
  const [action, setAction] = useState<Action | null>(null);
  const age = ageOn(person.birthDate);
  const none = t("registry.member.none");
  return (
    <article className="registry-member" aria-label={person.name}>
      <p className="item-title">
        <Link to={`/penduduk/${person.id}`}>{person.name}</Link>{" "}
        <span className="tag">{enumLabel(RELATIONS, person.relation, language)}</span>
        {person.diedAt && (
          <span className="tag tag-warn">
            {t("registry.member.died", { date: formatDate(person.diedAt, language) })}
          </span>
        )}
      </p>
      <dl className="registry-member-facts">
        <div>
          <dt>{t("registry.member.nik")}</dt>
          <dd>
            <NikCell person={person} />
          </dd>
        </div>
        <div>
          <dt>{t("registry.member.sex")}</dt>
          <dd>{enumLabel(SEXES, person.sex, language)}</dd>
        </div>
        <div>
          <dt>{t("registry.member.age")}</dt>
          <dd>{age === null ? none : t("registry.member.ageYears", { count: age })}</dd>
        </div>
        <div>
          <dt>{t("registry.member.disability")}</dt>
          <dd>{enumLabel(DISABILITY_TYPES, person.disability, language) ?? none}</dd>
        </div>
        <div>
          <dt>{t("registry.member.insurance")}</dt>
          <dd>{enumLabel(HEALTH_INSURANCE, person.healthInsurance, language) ?? none}</dd>
        </div>
      </dl>
      <Can permission="persons:write">
        <div className="registry-member-actions">
          <Link className="button button-secondary registry-small" to={`/penduduk/${person.id}/ubah`}>
            {t("registry.member.edit")}
          </Link>
          {person.nikStatus === "belum_ada" && (
            <button
              type="button"
              className="button button-secondary registry-small"
              onClick={() => setAction("nik")}
            >
              {t("registry.member.addNik")}
            </button>
          )}
          <button
            type="button"
            className="button button-secondary registry-small"
            onClick={() => setAction("move")}
          >
            {t("registry.member.move")}
          </button>
          {!person.diedAt && (
            <button
              type="button"
              className="button button-secondary registry-small"
              onClick={() => setAction("death")}
            >
              {t("registry.member.death")}
            </button>
          )}
        </div>
        {action && (
          <EventForm
            action={action}
            person={person}
            householdId={householdId}
            onDone={() => setAction(null)}
          />
        )}
      </Can>
    </article>
  );
}

/** The masked NIK, and on request the whole one from GET /persons/{id} (audited server-side). */
function NikCell({ person }: { person: PersonDto }) {
  const { t } = useLanguage();
  const [shown, setShown] = useState(false);
  const detail = usePerson(person.id, shown);
  if (person.nik === null) return <span className="tag tag-warn">{t("registry.list.noNik")}</span>;
  const whole = shown && detail.data ? detail.data.nik : null;
  return (
    <>
      <span className="registry-number">{whole ?? maskedNumber(person.nik)}</span>{" "}
      <button
        type="button"
        className="registry-link-button"
        aria-expanded={shown}
        aria-label={`${shown ? t("registry.member.hideNik") : t("registry.member.showNik")} ${person.name}`}
        onClick={() => setShown((v) => !v)}
      >
        {shown ? t("registry.member.hideNik") : t("registry.member.showNik")}
      </button>
    </>
  );
}

function EventForm({
  action,
  person,
  householdId,
  onDone,
}: {
  action: Action;
  person: PersonDto;
  householdId: string;
  onDone: () => void;
}) {
  const { t } = useLanguage();
  const update = useUpdatePerson(person.id);
  const [localError, setLocalError] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  const [nik, setNik] = useState("");
  const [kk, setKk] = useState("");
  const [target, setTarget] = useState("");
  const { language } = useLanguage();
  const kkDigits = kk.replace(/[\s.-]/g, "");
  const search = useHouseholds(`q=${kkDigits}&limit=10&offset=0`, /^\d{16}$/.test(kkDigits));
  const candidates = (search.data?.items ?? []).filter((h) => h.id !== householdId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    if (action === "nik") {
      const parsed = parseNik(nik);
      if (!parsed.ok) {
        setLocalError(parsed.reasons.map((r) => r[language]).join(" "));
        return;
      }
      update.mutate({ nik: parsed.nik }, { onSuccess: onDone });
    } else if (action === "death") {
      update.mutate({ diedAt: date }, { onSuccess: onDone });
    } else if (target) {
      update.mutate({ householdId: target }, { onSuccess: onDone });
    }
  };

  const title =
    action === "move"
      ? t("registry.events.moveTitle", { name: person.name })
      : action === "death"
        ? t("registry.events.deathTitle", { name: person.name })
        : t("registry.events.nikTitle", { name: person.name });
  return (
    <form className="registry-event-form" onSubmit={submit} aria-label={title}>
      <p className="section-title">{title}</p>
      {action === "nik" && (
        <div className="field">
          <label htmlFor={`nik-${person.id}`}>{t("registry.member.nik")}</label>
          <input
            id={`nik-${person.id}`}
            inputMode="numeric"
            autoComplete="off"
            value={nik}
            onChange={(e) => setNik(e.target.value)}
            aria-invalid={localError !== null}
          />
        </div>
      )}
      {action === "death" && (
        <div className="field">
          <label htmlFor={`died-${person.id}`}>{t("registry.events.deathDate")}</label>
          <input
            id={`died-${person.id}`}
            type="date"
            max={todayIso()}
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
      )}
      {action === "move" && (
        <>
          <div className="field">
            <label htmlFor={`kk-${person.id}`}>{t("registry.events.moveTarget")}</label>
            <input
              id={`kk-${person.id}`}
              inputMode="numeric"
              autoComplete="off"
              value={kk}
              onChange={(e) => {
                setKk(e.target.value);
                setTarget("");
              }}
            />
          </div>
          {/^\d{16}$/.test(kkDigits) && search.isSuccess && candidates.length === 0 && (
            <p className="hint">{t("registry.events.moveNone")}</p>
          )}
          {candidates.length > 0 && (
            <fieldset className="registry-choices">
              <legend>{t("registry.events.moveChoose")}</legend>
              {candidates.map((h) => (
                <label key={h.id} className="registry-check">
                  <input
                    type="radio"
                    name={`target-${person.id}`}
                    value={h.id}
                    checked={target === h.id}
                    onChange={() => setTarget(h.id)}
                  />
                  {h.address} · RW {h.rw}/RT {h.rt}
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {localError && (
        <p className="notice notice-error" role="alert">
          {localError}
        </p>
      )}
      <FormError error={update.error} />
      <div className="actions">
        <button
          type="submit"
          className="button"
          disabled={update.isPending || (action === "move" && !target)}
        >
          {action === "move"
            ? t("registry.events.moveConfirm")
            : action === "death"
              ? t("registry.events.deathConfirm")
              : t("registry.events.nikConfirm")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("registry.events.cancel")}
        </button>
      </div>
    </form>
  );
}
