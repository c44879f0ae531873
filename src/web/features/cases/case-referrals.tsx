/**
 * Referrals of a case: sending one to a programme or service of the catalogue, recording the
 * answer (diterima / ditolak) and the completion, and opening the letter (PDF).
 */
import { type FormEvent, useState } from "react";
import type { CaseDto, ReferralDto } from "../../../core/api/cases.schema.ts";
import type { ReferralStatus } from "../../../core/cases/case-enums.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDate } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useCan } from "../auth/auth-context.tsx";
import {
  referralLetterUrl,
  useAddReferral,
  useReferrals,
  useServices,
  useUpdateReferral,
} from "./cases.queries.ts";

/** Where a referral may go next (the server's transition rule: dikirim → diterima | ditolak, diterima → selesai | ditolak). */
const NEXT: Readonly<Record<ReferralStatus, readonly ("diterima" | "ditolak" | "selesai")[]>> = {
  dikirim: ["diterima", "ditolak"],
  diterima: ["selesai", "ditolak"],
  ditolak: [],
  selesai: [],
};

export function CaseReferrals({ kase }: { kase: CaseDto }) {
  const { t } = useLanguage();
  const query = useReferrals(kase.id);
  const canWrite = useCan("persons:write");
  return (
    <section className="card" id="rujukan" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading" className="card-title">
        {t("cases.referrals.title")}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="muted">{t("cases.referrals.empty")}</p>
      ) : (
        <ul className="item-list">
          {query.data.items.map((referral) => (
            <ReferralItem key={referral.id} referral={referral} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && kase.stage !== "selesai" && <ReferralForm caseId={kase.id} />}
    </section>
  );
}

function ReferralItem({ referral, canWrite }: { referral: ReferralDto; canWrite: boolean }) {
  const { t, language } = useLanguage();
  const update = useUpdateReferral(referral.caseId);
  const [outcome, setOutcome] = useState("");
  const next = NEXT[referral.status];
  const statusClass =
    referral.status === "ditolak" ? "tag-danger" : referral.status === "dikirim" ? "tag-warn" : "tag-ok";
  return (
    <li className="item referral-item">
      <div className="item-main">
        <p className="item-title">{referral.targetName}</p>
        <p className="item-meta">
          <span className={`tag ${statusClass}`}>{t(`cases.referrals.status.${referral.status}`)}</span>
          <span>{t("cases.referrals.sentOn", { date: formatDate(referral.sentOn, language) })}</span>
          <span className="code">{referral.letterNumber}</span>
        </p>
        {referral.outcome && <p>{referral.outcome}</p>}
        <p>
          <a href={referralLetterUrl(referral.caseId, referral.id)} target="_blank" rel="noopener">
            {t("cases.referrals.letter")}
          </a>
        </p>
      </div>
      {canWrite && next.length > 0 && (
        <div className="referral-update">
          <div className="field">
            <label htmlFor={`outcome-${referral.id}`}>{t("cases.referrals.outcome")}</label>
            <input
              id={`outcome-${referral.id}`}
              maxLength={2000}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
            />
          </div>
          <div className="actions">
            {next.map((status) => (
              <button
                key={status}
                type="button"
                className={status === "ditolak" ? "button button-danger" : "button button-secondary"}
                disabled={update.isPending}
                onClick={() =>
                  update.mutate(
                    {
                      referralId: referral.id,
                      body: { status, ...(outcome.trim() ? { outcome: outcome.trim() } : {}) },
                    },
                    { onSuccess: () => setOutcome("") },
                  )
                }
              >
                {t(`cases.referrals.status.${status}`)}
              </button>
            ))}
          </div>
          <FormError error={update.error} />
        </div>
      )}
    </li>
  );
}

function ReferralForm({ caseId }: { caseId: string }) {
  const { t } = useLanguage();
  const services = useServices();
  const add = useAddReferral(caseId);
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const items = services.data?.items ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const service = items.find((s) => s.code === choice);
    if (!service) return;
    add.mutate(
      {
        ...(service.organisationId
          ? { organisationId: service.organisationId }
          : { serviceCode: service.code }),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setChoice("");
          setNote("");
        },
      },
    );
  };
  const kinds = ["program", "layanan", "psks"] as const;
  return (
    <details className="add-form">
      <summary>{t("cases.referrals.add")}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="referral-service">{t("cases.referrals.service")}</label>
          <select id="referral-service" required value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">
              {services.isPending ? t("common.loading") : t("cases.referrals.chooseService")}
            </option>
            {kinds.map((kind) => {
              const group = items.filter((s) => s.kind === kind);
              if (group.length === 0) return null;
              return (
                <optgroup key={kind} label={t(`cases.referrals.kinds.${kind}`)}>
                  {group.map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <div className="field">
          <label htmlFor="referral-note">{t("cases.referrals.note")}</label>
          <input id="referral-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={add.isPending || !choice}>
          {t("cases.referrals.add")}
        </button>
        <FormError error={add.error} />
      </form>
    </details>
  );
}
