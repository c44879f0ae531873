import type { AuditEntryDto } from "../../../core/api/audit.schema.ts";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";

/** The fields an entry changed, with their values before and after. */
export function changedFields(entry: AuditEntryDto): { field: string; before: unknown; after: unknown }[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One audit entry: when, who, what, on which record, and what changed. */
export function AuditEntry({ entry, showRecord = true }: { entry: AuditEntryDto; showRecord?: boolean }) {
  const { t, language } = useLanguage();
  const changes = changedFields(entry);
  return (
    <li className="item audit-entry">
      <div className="item-main">
        <p className="item-title">
          <span className={`tag action-${entry.action}`}>{t(`audit.actions.${entry.action}`)}</span>{" "}
          {showRecord && (
            <span className="code">
              {entry.table}
              {entry.recordId ? ` / ${entry.recordId}` : ""}
            </span>
          )}
        </p>
        <p className="item-meta">
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
          <span>{entry.username ?? t("audit.system")}</span>
          {entry.ip && <span className="code">{entry.ip}</span>}
        </p>
        {changes.length > 0 && (
          <details className="changes">
            <summary>{t("audit.changedFields", { count: changes.length })}</summary>
            <dl>
              {changes.map((c) => (
                <div key={c.field}>
                  <dt className="code">{c.field}</dt>
                  <dd>
                    <span className="before">{show(c.before)}</span> →{" "}
                    <span className="after">{show(c.after)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </li>
  );
}
