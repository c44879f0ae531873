/** /luring/konflik — a supervisor (or the worker at a desk) chooses the values of open sync conflicts. */

import { useLanguage } from "../../i18n/i18n.ts";
import { useOfflineStatus } from "../use-offline.ts";
import { ServerConflicts } from "./server-conflicts.tsx";
import "../offline.css";

export function ConflictsPage() {
  const { t } = useLanguage();
  const status = useOfflineStatus();
  return (
    <section className="page offline-page">
      <title>{`${t("field.conflicts.pageTitle")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("field.conflicts.pageTitle")}</h1>
        <p className="lead">{t("field.conflicts.pageIntro")}</p>
      </header>
      <ServerConflicts online={status.online} />
    </section>
  );
}
