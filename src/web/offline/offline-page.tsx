/**
 * /luring: the field worker's offline page, a thin shell over the screens in ./screens. Shows the
 * connection, the last sync and the waiting changes, the changes to fix, and the forms (assess a
 * household, register households and members, open cases, record visits with photos, complete
 * tasks, mark training attendance). Everything is recorded into the outbox and shown at once;
 * it works without signal once the data was prepared in this tab.
 */
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Can } from "../features/auth/can.tsx";
import { offlineStore, openOffline, refreshStatus, syncNow } from "./offline-controller.ts";
import { AssessmentForm } from "./screens/assessment-form.tsx";
import { AttendanceForm } from "./screens/attendance-form.tsx";
import { AttentionList } from "./screens/attention-list.tsx";
import { CaseForm } from "./screens/case-form.tsx";
import { EditRecordForm } from "./screens/edit-form.tsx";
import { useHeld } from "./screens/held-data.ts";
import { HouseholdForm } from "./screens/household-form.tsx";
import { PersonForm } from "./screens/person-form.tsx";
import { ServerConflicts } from "./screens/server-conflicts.tsx";
import { SetupPanel, StatusPanel } from "./screens/status-panel.tsx";
import { TaskList } from "./screens/task-list.tsx";
import { VisitForm } from "./screens/visit-form.tsx";
import { useOfflineStatus } from "./use-offline.ts";
import "./offline.css";

const SECTIONS = ["assessment", "registry", "cases", "tasks", "training"] as const;

export function OfflinePage() {
  const { t } = useTranslation();
  const status = useOfflineStatus();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState("");
  const [setupFailed, setSetupFailed] = useState(false);
  const held = useHeld(status.ready ? version + (status.syncing ? 0 : 1) * 1000 + status.pending : -1);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const sync = useCallback(() => void syncNow().then(bump), [bump]);

  useEffect(() => {
    void openOffline().then((ok) => {
      setSetupFailed(!ok);
      if (ok) sync();
    });
  }, [sync]);

  const saved = useCallback(
    async (text: string) => {
      setMessage(text);
      await refreshStatus();
      bump();
      if (navigator.onLine) sync();
    },
    [bump, sync],
  );
  const changed = useCallback(() => void refreshStatus().then(bump), [bump]);

  const households = held.picks.households;
  const cases = held.cases.map((c) => ({
    value: c.id,
    label: String(c.data.caseNumber ?? c.data.description ?? c.id),
  }));

  return (
    <section className="offline-page">
      <h1>{t("offline.page.title")}</h1>
      <p>{t("offline.page.intro")}</p>
      <StatusPanel status={status} onSync={sync} />
      {status.loading ? null : !status.ready || !offlineStore() ? (
        <SetupPanel
          failed={setupFailed}
          onStart={() =>
            void openOffline().then((ok) => {
              setSetupFailed(!ok);
              if (ok) sync();
            })
          }
        />
      ) : (
        <>
          <p data-testid="held">
            {t("offline.page.held", {
              households: held.households.length,
              persons: held.persons.length,
              cases: held.cases.length,
            })}
          </p>
          {message ? (
            <p role="alert" className="offline-message">
              {message}
            </p>
          ) : null}
          <AttentionList
            entries={held.attention}
            photos={held.failedPhotos}
            online={status.online}
            onChanged={changed}
          />
          <ServerConflicts
            online={status.online}
            hideWhenEmpty
            shownOnPhone={new Set(held.attention.map((e) => e.change.changeId))}
          />
          <nav className="offline-sections" aria-label={t("field.sections.label")}>
            {SECTIONS.map((s) => (
              <a key={s} href={`#luring-${s}`}>
                {t(`field.sections.${s}`)}
              </a>
            ))}
          </nav>
          <Can permission="households:read">
            <p className="offline-more">
              <Link to="/luring/konflik">{t("field.conflicts.all")}</Link>
            </p>
          </Can>
          <div id="luring-assessment" className="offline-section">
            <AssessmentForm households={households} indicatorSets={held.indicatorSets} onSaved={saved} />
          </div>
          <div id="luring-registry" className="offline-section">
            <HouseholdForm regionCode={held.households[0]?.regionCode ?? ""} onSaved={saved} />
            <PersonForm households={households} onSaved={saved} />
            <EditRecordForm
              table="households"
              title={t("field.edit.household")}
              chooseLabel={t("offline.person.household")}
              records={held.households}
              entries={households}
              fields={[
                { name: "address", label: t("offline.household.address") },
                { name: "rw", label: t("offline.household.rw"), pattern: "\\d{1,3}", inputMode: "numeric" },
                { name: "rt", label: t("offline.household.rt"), pattern: "\\d{1,3}", inputMode: "numeric" },
              ]}
              onSaved={saved}
            />
            <EditRecordForm
              table="persons"
              title={t("field.edit.person")}
              chooseLabel={t("field.edit.person_choose")}
              records={held.persons}
              entries={held.picks.persons}
              fields={[{ name: "name", label: t("offline.person.name") }]}
              onSaved={saved}
            />
          </div>
          <div id="luring-cases" className="offline-section">
            <CaseForm households={households} categories={held.ppksCategories} onSaved={saved} />
            <VisitForm cases={cases} onSaved={saved} />
          </div>
          <div id="luring-tasks" className="offline-section">
            <TaskList
              tasks={held.tasks}
              cases={held.cases}
              completed={held.completedTaskIds}
              onSaved={saved}
            />
          </div>
          <div id="luring-training" className="offline-section">
            <AttendanceForm sessions={held.sessions} enrolments={held.enrolments} onSaved={saved} />
          </div>
        </>
      )}
    </section>
  );
}
