/** The top of /luring: connection, last sync, waiting changes, and the one-time setup. */
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import type { OfflineStatus } from "../offline-controller.ts";

export function StatusPanel({ status, onSync }: { status: OfflineStatus; onSync: () => void }) {
  const { t, language } = useLanguage();
  return (
    <div className="offline-status" role="status" data-testid="offline-status">
      <strong data-testid="connection">
        {status.online ? t("offline.status.online") : t("offline.status.offline")}
      </strong>
      <span data-testid="last-sync">
        {status.lastSyncAt
          ? t("offline.status.lastSync", { when: formatDateTime(status.lastSyncAt, language) })
          : t("offline.status.never")}
      </span>
      {/* Until the store is open the count is unknown, not 0: say so instead of a number. */}
      <span data-testid="pending">
        {status.loading
          ? t("offline.status.loading")
          : t("offline.status.pending", { count: status.pending })}
      </span>
      {status.held ? (
        <span data-testid="budget">
          {t("offline.status.held", {
            held: status.held.persons.toLocaleString("id-ID"),
            inScope: status.held.inScope.toLocaleString("id-ID"),
            limit: status.held.limit.toLocaleString("id-ID"),
          })}
        </span>
      ) : null}
      {status.attention > 0 ? (
        <span>{t("offline.status.attention", { count: status.attention })}</span>
      ) : null}
      {status.error ? (
        <span className="error">{t("offline.status.failed", { error: status.error })}</span>
      ) : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={!status.online || status.syncing || !status.ready}
        onClick={onSync}
      >
        {status.syncing ? t("offline.status.syncing") : t("offline.status.syncNow")}
      </button>
    </div>
  );
}

export function SetupPanel({ failed, onStart }: { failed: boolean; onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="offline-setup">
      <h2>{t("offline.setup.title")}</h2>
      <p>{failed ? t("offline.setup.needLogin") : t("offline.setup.intro")}</p>
      <button type="button" className="button" onClick={onStart}>
        {t("offline.setup.start")}
      </button>
    </div>
  );
}
