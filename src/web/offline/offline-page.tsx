/**
 * /luring: the field worker's offline page. Shows the connection, the last sync and the waiting
 * changes, and records households, members, cases and visits into the outbox (the local view
 * shows them at once). Works without signal once the data was prepared in this tab.
 */
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalRecord, OutboxEntry } from "./local-store.ts";
import { offlineStore, openOffline, refreshStatus, syncNow } from "./offline-controller.ts";
import { dismissChange, recordChange, retryChange } from "./outbox.ts";
import { useOfflineStatus } from "./use-offline.ts";

function useHeld(version: number) {
  const [held, setHeld] = useState<{
    households: LocalRecord[];
    persons: number;
    cases: LocalRecord[];
    attention: OutboxEntry[];
  }>({
    households: [],
    persons: 0,
    cases: [],
    attention: [],
  });
  useEffect(() => {
    const store = offlineStore();
    if (!store || version < 0) return;
    void (async () => {
      const [households, persons, cases, outbox] = await Promise.all([
        store.listRecords("households"),
        store.listRecords("persons"),
        store.listRecords("cases"),
        store.outbox(),
      ]);
      households.sort((a, b) => String(a.data.address).localeCompare(String(b.data.address)));
      setHeld({
        households,
        persons: persons.length,
        cases,
        attention: outbox.filter((e) => e.state !== "pending"),
      });
    })();
  }, [version]);
  return held;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export function OfflinePage() {
  const { t } = useTranslation();
  const status = useOfflineStatus();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState("");
  const [setupFailed, setSetupFailed] = useState(false);
  const held = useHeld(status.ready ? version + (status.syncing ? 0 : 1) * 1000 + status.pending : -1);

  useEffect(() => {
    void openOffline().then((ok) => {
      setSetupFailed(!ok);
      if (ok) void syncNow().then(() => setVersion((v) => v + 1));
    });
  }, []);

  const saved = useCallback(async (text: string, form: HTMLFormElement) => {
    form.reset();
    setMessage(text);
    await refreshStatus();
    setVersion((v) => v + 1);
    if (navigator.onLine) void syncNow().then(() => setVersion((v) => v + 1));
  }, []);

  const store = offlineStore();
  const scopeRegion = held.households[0]?.regionCode ?? "";
  const label = (h: LocalRecord) =>
    `${h.data.address} (RW ${h.data.rw}/RT ${h.data.rt})${h.seq === 0 ? ` ${t("offline.newRecord")}` : ""}`;

  async function onHousehold(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!store) return;
    const form = e.currentTarget;
    const f = new FormData(form);
    await recordChange(store, {
      kind: "household.create",
      payload: {
        regionCode: field(f, "regionCode"),
        rw: field(f, "rw"),
        rt: field(f, "rt"),
        address: field(f, "address"),
      },
    });
    await saved(t("offline.household.saved"), form);
  }
  async function onPerson(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!store) return;
    const form = e.currentTarget;
    const f = new FormData(form);
    await recordChange(store, {
      kind: "person.create",
      payload: {
        householdId: field(f, "householdId"),
        name: field(f, "name"),
        sex: field(f, "sex"),
        relation: field(f, "relation"),
      },
    });
    await saved(t("offline.person.saved"), form);
  }
  async function onCase(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!store) return;
    const form = e.currentTarget;
    const f = new FormData(form);
    const householdId = field(f, "householdId");
    await recordChange(store, {
      kind: "case.create",
      payload: {
        subjectType: "household",
        householdId,
        category: field(f, "category"),
        description: field(f, "description"),
        source: "temuan_lapangan",
        urgency: "biasa",
      },
    });
    await saved(t("offline.caseForm.saved"), form);
  }
  async function onVisit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!store) return;
    const form = e.currentTarget;
    const f = new FormData(form);
    await recordChange(store, {
      kind: "visit.create",
      payload: {
        caseId: field(f, "caseId"),
        met: field(f, "met"),
        notes: field(f, "notes"),
        visitedAt: new Date().toISOString(),
      },
    });
    await saved(t("offline.visit.saved"), form);
  }

  return (
    <section className="offline-page">
      <h1>{t("offline.page.title")}</h1>
      <p>{t("offline.page.intro")}</p>
      <div className="offline-status" role="status" data-testid="offline-status">
        <strong data-testid="connection">
          {status.online ? t("offline.status.online") : t("offline.status.offline")}
        </strong>
        <span data-testid="last-sync">
          {status.lastSyncAt
            ? t("offline.status.lastSync", { when: new Date(status.lastSyncAt).toLocaleString("id-ID") })
            : t("offline.status.never")}
        </span>
        <span data-testid="pending">{t("offline.status.pending", { count: status.pending })}</span>
        {status.attention > 0 ? (
          <span>{t("offline.status.attention", { count: status.attention })}</span>
        ) : null}
        {status.error ? (
          <span className="error">{t("offline.status.failed", { error: status.error })}</span>
        ) : null}
        <button
          type="button"
          disabled={!status.online || status.syncing || !status.ready}
          onClick={() => void syncNow().then(() => setVersion((v) => v + 1))}
        >
          {status.syncing ? t("offline.status.syncing") : t("offline.status.syncNow")}
        </button>
      </div>
      {!status.ready ? (
        <div className="offline-setup">
          <h2>{t("offline.setup.title")}</h2>
          <p>{setupFailed ? t("offline.setup.needLogin") : t("offline.setup.intro")}</p>
          <button
            type="button"
            onClick={() =>
              void openOffline().then((ok) => {
                setSetupFailed(!ok);
                if (ok) void syncNow();
              })
            }
          >
            {t("offline.setup.start")}
          </button>
        </div>
      ) : (
        <>
          <p data-testid="held">
            {t("offline.page.held", {
              households: held.households.length,
              persons: held.persons,
              cases: held.cases.length,
            })}
          </p>
          {message ? <p role="alert">{message}</p> : null}
          {held.attention.length > 0 ? (
            <div className="offline-attention">
              <h2>{t("offline.attention.title")}</h2>
              <ul>
                {held.attention.map((e) => (
                  <li key={e.change.changeId}>
                    {e.change.kind}:{" "}
                    {e.state === "conflict"
                      ? (e.result?.conflicts ?? []).map((c) => (
                          <span key={c.id}>
                            {t("offline.attention.conflict", {
                              field: c.field,
                              server: JSON.stringify(c.serverValue),
                              client: JSON.stringify(c.clientValue),
                            })}
                          </span>
                        ))
                      : `${t("offline.attention.rejected")}: ${e.result?.message ?? ""}`}
                    {e.state === "rejected" ? (
                      <button
                        type="button"
                        onClick={() =>
                          store &&
                          void retryChange(store, e.change.changeId).then(() => setVersion((v) => v + 1))
                        }
                      >
                        {t("offline.attention.retry")}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      onClick={() =>
                        store &&
                        void dismissChange(store, e.change.changeId).then(() => setVersion((v) => v + 1))
                      }
                    >
                      {t("offline.attention.dismiss")}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form
            onSubmit={(e) => void onHousehold(e)}
            className="offline-form"
            aria-label={t("offline.household.title")}
          >
            <h2>{t("offline.household.title")}</h2>
            <label>
              {t("offline.household.region")}
              <input
                name="regionCode"
                required
                defaultValue={scopeRegion}
                key={scopeRegion}
                inputMode="numeric"
              />
            </label>
            <label>
              {t("offline.household.rw")}
              <input name="rw" required pattern="\d{1,3}" inputMode="numeric" />
            </label>
            <label>
              {t("offline.household.rt")}
              <input name="rt" required pattern="\d{1,3}" inputMode="numeric" />
            </label>
            <label>
              {t("offline.household.address")}
              <input name="address" required />
            </label>
            <button type="submit">{t("offline.household.save")}</button>
          </form>
          <form
            onSubmit={(e) => void onPerson(e)}
            className="offline-form"
            aria-label={t("offline.person.title")}
          >
            <h2>{t("offline.person.title")}</h2>
            <label>
              {t("offline.person.household")}
              <select name="householdId" required defaultValue="">
                <option value="" disabled>
                  {t("offline.choose")}
                </option>
                {held.households.map((h) => (
                  <option key={h.id} value={h.id}>
                    {label(h)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("offline.person.name")}
              <input name="name" required />
            </label>
            <label>
              {t("offline.person.sex")}
              <select name="sex" defaultValue="P">
                <option value="P">{t("offline.person.female")}</option>
                <option value="L">{t("offline.person.male")}</option>
              </select>
            </label>
            <label>
              {t("offline.person.relation")}
              <select name="relation" defaultValue="kepala_keluarga">
                <option value="kepala_keluarga">Kepala keluarga</option>
                <option value="istri">Istri</option>
                <option value="suami">Suami</option>
                <option value="anak">Anak</option>
                <option value="lainnya">Lainnya</option>
              </select>
            </label>
            <button type="submit">{t("offline.person.save")}</button>
          </form>
          <form
            onSubmit={(e) => void onCase(e)}
            className="offline-form"
            aria-label={t("offline.caseForm.title")}
          >
            <h2>{t("offline.caseForm.title")}</h2>
            <label>
              {t("offline.caseForm.household")}
              <select name="householdId" required defaultValue="">
                <option value="" disabled>
                  {t("offline.choose")}
                </option>
                {held.households.map((h) => (
                  <option key={h.id} value={h.id}>
                    {label(h)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("offline.caseForm.category")}
              <input name="category" required defaultValue="01" />
            </label>
            <label>
              {t("offline.caseForm.description")}
              <textarea name="description" required />
            </label>
            <button type="submit">{t("offline.caseForm.save")}</button>
          </form>
          <form
            onSubmit={(e) => void onVisit(e)}
            className="offline-form"
            aria-label={t("offline.visit.title")}
          >
            <h2>{t("offline.visit.title")}</h2>
            <label>
              {t("offline.visit.case")}
              <select name="caseId" required defaultValue="">
                <option value="" disabled>
                  {t("offline.choose")}
                </option>
                {held.cases.map((c) => (
                  <option key={c.id} value={c.id}>
                    {String(c.data.caseNumber ?? c.data.description ?? c.id)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("offline.visit.met")}
              <input name="met" required />
            </label>
            <label>
              {t("offline.visit.notes")}
              <textarea name="notes" />
            </label>
            <button type="submit">{t("offline.visit.save")}</button>
          </form>
        </>
      )}
    </section>
  );
}
