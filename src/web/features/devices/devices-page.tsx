/**
 * /admin/perangkat — the administrator's list of phones holding offline data: user, last sync,
 * records held per table, changes not sent, and "wipe this device" (done at its next contact).
 */
import { useState } from "react";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { type DeviceDto, heldCounts, useDevices, useWipeDevice } from "./devices.queries.ts";
import "./devices.css";

export function DevicesPage() {
  const { t } = useLanguage();
  const query = useDevices();
  return (
    <section className="page">
      <title>{`${t("devices.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("devices.title")}</h1>
        <p className="lead">{t("devices.intro")}</p>
      </header>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p className="card card-body">{t("devices.none")}</p>
      ) : (
        <>
          <p className="muted">{t("devices.total", { count: query.data.total })}</p>
          <ul className="device-list" aria-label={t("devices.title")}>
            {query.data.items.map((d) => (
              <DeviceItem key={d.id} device={d} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DeviceItem({ device }: { device: DeviceDto }) {
  const { t, language } = useLanguage();
  const wipe = useWipeDevice();
  const [done, setDone] = useState(false);
  const user = device.username ?? device.userId;
  const tables = t("devices.tables", { returnObjects: true }) as Record<string, string>;
  const counts = heldCounts(device.counts);
  const state = device.wipedAt
    ? { label: t("devices.wiped", { when: formatDateTime(device.wipedAt, language) }), tone: "tag-ok" }
    : device.wipeRequestedAt
      ? {
          label: t("devices.wipeRequested", { when: formatDateTime(device.wipeRequestedAt, language) }),
          tone: "tag-warn",
        }
      : { label: t("devices.active"), tone: "" };
  function onWipe() {
    if (!window.confirm(t("devices.wipeConfirm", { user, pending: device.pending }))) return;
    wipe.mutate(device.id, { onSuccess: () => setDone(true) });
  }
  return (
    <li className="card card-body device-item" data-device={device.id} data-username={device.username ?? ""}>
      <h2 className="card-title">
        {user} <span className="code muted">{t("devices.device", { id: device.id.slice(0, 8) })}</span>
      </h2>
      <dl className="device-facts">
        <dt>{t("devices.lastSeen")}</dt>
        <dd>{formatDateTime(device.lastSeenAt, language)}</dd>
        <dt>{t("devices.held")}</dt>
        <dd data-testid="device-held">
          {counts.length === 0
            ? t("devices.heldNone")
            : counts.map(([table, n]) => `${formatCount(n, language)} ${tables[table] ?? table}`).join(", ")}
        </dd>
        <dt>{t("devices.pending")}</dt>
        <dd data-testid="device-pending">{formatCount(device.pending, language)}</dd>
        <dt>{t("devices.state")}</dt>
        <dd>
          <span className={`tag ${state.tone}`} data-testid="device-state">
            {state.label}
          </span>
        </dd>
      </dl>
      {device.userAgent ? <p className="muted device-agent">{device.userAgent}</p> : null}
      {!device.wipeRequestedAt && !device.wipedAt ? (
        <button
          type="button"
          className="button button-danger"
          aria-label={t("devices.wipeLabel", { id: device.id.slice(0, 8), user })}
          disabled={wipe.isPending}
          onClick={onWipe}
        >
          {t("devices.wipe")}
        </button>
      ) : null}
      {done ? <p role="status">{t("devices.wipeDone")}</p> : null}
      <FormError error={wipe.error} />
    </li>
  );
}
