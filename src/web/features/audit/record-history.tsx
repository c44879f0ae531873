import { useQuery } from "@tanstack/react-query";
import type { AuditEntryDto } from "../../../core/api/audit.schema.ts";
import { api } from "../../api/api.ts";
import { ApiError } from "../../api/client.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { AuditEntry } from "./audit-entry.tsx";

/**
 * The history of one record (who created, viewed and changed it, and what changed), from
 * `GET /api/v1/audit/records/{table}/{id}`. For record pages, e.g. a household:
 * `<RecordHistory table="households" id={household.id} />`. Needs `audit:history`.
 */
export function RecordHistory({ table, id, title }: { table: string; id: string; title?: string }) {
  const { t } = useLanguage();
  const query = useQuery({
    queryKey: ["audit", "record", table, id],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntryDto[]; total: number }>(
        `/audit/records/${encodeURIComponent(table)}/${encodeURIComponent(id)}`,
        { signal },
      ),
  });
  const headingId = `history-${table}-${id}`;
  return (
    <section className="card record-history" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title ?? t("audit.historyTitle")}
        {query.data && <span className="count">{query.data.total}</span>}
      </h2>
      {query.isPending ? (
        <div className="card-body">
          <LoadingState />
        </div>
      ) : query.isError && query.error instanceof ApiError && query.error.status === 404 ? (
        // The server answers 404 for a record without entries (and for one outside the user's region).
        <p className="card-body hint">{t("audit.noHistory")}</p>
      ) : query.isError ? (
        <div className="card-body">
          <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
        </div>
      ) : query.data.items.length === 0 ? (
        <p className="card-body hint">{t("audit.noHistory")}</p>
      ) : (
        <ul className="item-list">
          {query.data.items.map((entry) => (
            <AuditEntry key={entry.id} entry={entry} showRecord={false} />
          ))}
        </ul>
      )}
    </section>
  );
}
