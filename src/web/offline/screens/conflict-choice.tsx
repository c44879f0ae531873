/**
 * One conflicting field: its name, the value on the phone and the value on the server side by
 * side, and the choice of which stays (POST /sync/conflicts/:id/resolve). Used by the worker on
 * the phone and by a supervisor at a desk.
 */

import { useState } from "react";
import type { SyncConflictDto } from "../../../core/api/sync.schema.ts";
import { api } from "../../api/api.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { Problem } from "./form-field.tsx";

/** A stored value as a person reads it. */
export function useShowValue() {
  const { t } = useLanguage();
  return (value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("field.conflicts.empty");
    if (value === true) return t("field.conflicts.yes");
    if (value === false) return t("field.conflicts.no");
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}

/** The field's name in the interface language, or its code when it has none. */
export function useFieldName() {
  const { t } = useLanguage();
  const names = t("field.fieldNames", { returnObjects: true }) as Record<string, string>;
  return (code: string) => names[code] ?? code;
}

export function ConflictChoice({
  conflict,
  online,
  onResolved,
}: {
  conflict: Pick<SyncConflictDto, "id" | "field" | "clientValue" | "serverValue"> &
    Partial<Pick<SyncConflictDto, "resolution">>;
  online: boolean;
  onResolved: (keep: "server" | "client") => void;
}) {
  const { t } = useLanguage();
  const show = useShowValue();
  const fieldName = useFieldName();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function keep(which: "server" | "client") {
    setBusy(true);
    setError("");
    try {
      await api.send("POST", `/sync/conflicts/${encodeURIComponent(conflict.id)}/resolve`, { keep: which });
      onResolved(which);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="conflict-choice" data-testid="conflict-choice">
      <dl>
        <dt>{t("field.conflicts.field")}</dt>
        <dd>{fieldName(conflict.field)}</dd>
        <dt>{t("field.conflicts.phone")}</dt>
        <dd data-testid="phone-value">{show(conflict.clientValue)}</dd>
        <dt>{t("field.conflicts.server")}</dt>
        <dd data-testid="server-value">{show(conflict.serverValue)}</dd>
      </dl>
      {conflict.resolution ? (
        <p>{t("field.attention.resolved")}</p>
      ) : (
        <div className="offline-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={!online || busy}
            onClick={() => void keep("client")}
          >
            {t("field.conflicts.keepPhone")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={!online || busy}
            onClick={() => void keep("server")}
          >
            {t("field.conflicts.keepServer")}
          </button>
        </div>
      )}
      {!online ? <p className="muted">{t("field.attention.needSignal")}</p> : null}
      <Problem text={error} />
    </div>
  );
}
