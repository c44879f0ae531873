/**
 * The open conflicts the server keeps for the caller's region (GET /sync/conflicts): each with
 * who sent it, whom the record is about (the person's name, or the household's address, RW/RT and
 * masked KK), the field, the phone's and the server's value, and the choice. Shown on /luring
 * when online and on the supervisors' page /luring/konflik.
 */

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import type { z } from "zod";
import type { conflictListResponse, SyncConflictDto } from "../../../core/api/sync.schema.ts";
import { api } from "../../api/api.ts";
import { useCan } from "../../features/auth/auth-context.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { ConflictChoice } from "./conflict-choice.tsx";
import { Problem } from "./form-field.tsx";

type ConflictList = z.infer<typeof conflictListResponse>;

export const conflictsKey = ["sync", "conflicts"] as const;

/** Whom a conflict is about, as the server has it now: the person's name or the household's address. */
export function subjectTitle(c: Pick<SyncConflictDto, "subject">): string | null {
  return c.subject?.name ?? c.subject?.address ?? null;
}

export function ServerConflicts({
  online,
  hideWhenEmpty = false,
  shownOnPhone,
}: {
  online: boolean;
  /** Changes whose conflicts the phone already lists (not shown twice). */
  shownOnPhone?: ReadonlySet<string>;
  /** On the phone page, say nothing when there is nothing to choose. */
  hideWhenEmpty?: boolean;
}) {
  const { t, language } = useLanguage();
  const allowed = useCan("households:read");
  const client = useQueryClient();
  const query = useQuery({
    enabled: allowed && online,
    queryKey: conflictsKey,
    queryFn: ({ signal }) => api.get<ConflictList>("/sync/conflicts?open=true", { signal }),
  });
  const items = (query.data?.items ?? []).filter((c) => !shownOnPhone?.has(c.changeId));
  if (!allowed || (hideWhenEmpty && items.length === 0)) return null;
  return (
    <section className="offline-attention" aria-labelledby="server-conflicts-title">
      <h2 id="server-conflicts-title">{t("field.conflicts.title")}</h2>
      <Problem text={query.error?.message} />
      {items.length === 0 && query.isSuccess ? <p>{t("field.conflicts.none")}</p> : null}
      <ul className="offline-list">
        {items.map((c) => (
          <li key={c.id} className="offline-item offline-item-block">
            <small>
              {t("field.conflicts.by", {
                name: c.createdByName ?? c.createdBy,
                when: formatDateTime(c.createdAt, language),
              })}
              {" · "}
              <Link to={c.tableName === "households" ? `/keluarga/${c.recordId}` : `/penduduk/${c.recordId}`}>
                {c.tableName === "households" ? t("field.conflicts.household") : t("field.conflicts.person")}{" "}
                {subjectTitle(c) ?? c.recordId.slice(0, 8)}
              </Link>
              {c.subject?.kkNumber || c.subject?.rw ? (
                <span className="conflict-subject" data-testid="conflict-subject">
                  {c.subject.rw ? (
                    <>
                      {" "}
                      · <span>{`RW ${c.subject.rw}/RT ${c.subject.rt ?? "-"}`}</span>
                    </>
                  ) : null}
                  {c.subject.kkNumber ? (
                    <>
                      {" "}
                      · <span>{`KK ${c.subject.kkNumber}`}</span>
                    </>
                  ) : null}
                </span>
              ) : null}
            </small>
            <ConflictChoice
              conflict={c}
              online={online}
              onResolved={() => void client.invalidateQueries({ queryKey: conflictsKey })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
