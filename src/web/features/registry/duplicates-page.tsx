/**
 * /keluarga/duplikat — the review queue of probable duplicate persons: each pair side by side
 * (stacked on a phone); merge, choosing the record that stays, or dismiss. Both are audited on
 * the server, and neither deletes a record.
 */
import { useState } from "react";
import { Link } from "react-router";
import type { PersonDto } from "../../../core/api/registry.schema.ts";
import { RELATIONS, SEXES } from "../../../core/person/person-enums.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCan } from "../auth/auth-context.tsx";
import { useRegionName } from "./household-list-page.tsx";
import {
  type DuplicateList,
  PAGE_SIZE,
  useDismissDuplicate,
  useDuplicates,
  useMergeDuplicate,
} from "./registry.queries.ts";
import { enumLabel } from "./registry-format.ts";

type Candidate = DuplicateList["items"][number];

export function DuplicatesPage() {
  const { t } = useLanguage();
  const [page, setPage] = useState(1);
  const query = useDuplicates(page);
  return (
    <section className="page registry-screen">
      <title>{`${t("registry.duplicates.title")} · ${t("app.name")}`}</title>
      <Breadcrumb
        items={[
          { label: t("registry.list.title"), to: "/keluarga" },
          { label: t("registry.duplicates.title") },
        ]}
      />
      <header className="page-header">
        <h1>{t("registry.duplicates.title")}</h1>
        <p className="lead">{t("registry.duplicates.intro")}</p>
      </header>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <p className="notice">{t("registry.duplicates.empty")}</p>
      ) : (
        <>
          <p className="hint">{t("registry.duplicates.found", { count: query.data.total })}</p>
          <ul className="registry-pairs">
            {query.data.items.map((c) => (
              <li key={c.id}>
                <Pair candidate={c} />
              </li>
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function Pair({ candidate }: { candidate: Candidate }) {
  const { t } = useLanguage();
  const canWrite = useCan("persons:write");
  const merge = useMergeDuplicate();
  const dismiss = useDismissDuplicate();
  const [keep, setKeep] = useState(candidate.person.id);
  const [note, setNote] = useState("");
  const records = [candidate.person, ...(candidate.otherPerson ? [candidate.otherPerson] : [])];
  const busy = merge.isPending || dismiss.isPending;
  const noteValue = note.trim() === "" ? undefined : note.trim();
  return (
    <article
      className="card registry-pair-card"
      aria-label={t(`registry.duplicates.kinds.${candidate.kind}`)}
    >
      <h2 className="card-title">{t(`registry.duplicates.kinds.${candidate.kind}`)}</h2>
      <div className="registry-side-by-side">
        {records.map((person, index) => (
          <PersonColumn
            key={person.id}
            person={person}
            title={t("registry.duplicates.record", { n: index + 1 })}
            canChoose={canWrite && records.length > 1}
            chosen={keep === person.id}
            onChoose={() => setKeep(person.id)}
            group={`keep-${candidate.id}`}
          />
        ))}
        {candidate.incoming && (
          <section className="registry-record">
            <h3 className="section-title">{t("registry.duplicates.incoming")}</h3>
            <dl className="registry-member-facts">
              {Object.entries(candidate.incoming).map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{String(value ?? "")}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
      {canWrite && (
        <div className="card-body registry-form">
          <div className="field">
            <label htmlFor={`note-${candidate.id}`}>{t("registry.duplicates.note")}</label>
            <input
              id={`note-${candidate.id}`}
              value={note}
              maxLength={1000}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <FormError error={merge.error ?? dismiss.error} />
          <div className="actions">
            {records.length > 1 && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => merge.mutate({ id: candidate.id, keepPersonId: keep, note: noteValue })}
              >
                {t("registry.duplicates.merge")}
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => dismiss.mutate({ id: candidate.id, note: noteValue })}
            >
              {t("registry.duplicates.dismiss")}
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

function PersonColumn({
  person,
  title,
  canChoose,
  chosen,
  onChoose,
  group,
}: {
  person: PersonDto;
  title: string;
  canChoose: boolean;
  chosen: boolean;
  onChoose: () => void;
  group: string;
}) {
  const { t, language } = useLanguage();
  const regionName = useRegionName();
  return (
    <section className={`registry-record${chosen && canChoose ? " registry-record-kept" : ""}`}>
      <h3 className="section-title">{title}</h3>
      <p className="item-title">
        <Link to={`/penduduk/${person.id}`}>{person.name}</Link>
      </p>
      <dl className="registry-member-facts">
        <div>
          <dt>{t("registry.member.nik")}</dt>
          <dd className="registry-number">{person.nik ?? t("registry.list.noNik")}</dd>
        </div>
        <div>
          <dt>{t("registry.member.sex")}</dt>
          <dd>{enumLabel(SEXES, person.sex, language)}</dd>
        </div>
        <div>
          <dt>{t("registry.duplicates.birth")}</dt>
          <dd>
            {[person.birthPlace, person.birthDate ? formatDate(person.birthDate, language) : null]
              .filter(Boolean)
              .join(", ") || t("registry.member.none")}
          </dd>
        </div>
        <div>
          <dt>{t("registry.member.relation")}</dt>
          <dd>{enumLabel(RELATIONS, person.relation, language)}</dd>
        </div>
        <div>
          <dt>{t("registry.household.region")}</dt>
          <dd>{regionName(person.regionCode)}</dd>
        </div>
      </dl>
      {person.householdId && (
        <p>
          <Link to={`/keluarga/${person.householdId}`}>{t("registry.duplicates.household")}</Link>
        </p>
      )}
      {canChoose && (
        <label className="registry-check">
          <input type="radio" name={group} checked={chosen} onChange={onChoose} />
          {t("registry.duplicates.keep")}
        </label>
      )}
    </section>
  );
}
