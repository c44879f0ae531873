import { type FormEvent, useState } from "react";
import { ROLE_TABLE, type Role } from "../../../core/access/permissions.ts";
import type { UserDto } from "../../../core/api/auth.schema.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";
import { FormError } from "../../components/field-errors.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { RecordHistory } from "../audit/record-history.tsx";
import { useRoleLabel } from "../auth/user-menu.tsx";
import { OncePassword } from "./once-password.tsx";
import { RoleRegionFields } from "./role-region-fields.tsx";
import { useResetPassword, useUpdateUser } from "./users.queries.ts";

/** True while a lock after failed logins is in force. */
export function isLocked(user: UserDto, now = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now.toISOString();
}

/** One user in the admin's list: who, role, region, status, and the actions on them. */
export function UserItem({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const { t, language } = useLanguage();
  const roleLabel = useRoleLabel();
  const [open, setOpen] = useState(false);
  const locked = isLocked(user);
  const status = user.disabled
    ? { label: t("users.status.disabled"), tone: "tag-danger" }
    : locked && user.lockedUntil
      ? {
          label: t("users.status.locked", { until: formatDateTime(user.lockedUntil, language) }),
          tone: "tag-warn",
        }
      : { label: t("users.status.active"), tone: "tag-ok" };
  return (
    <li className="item user-item" data-username={user.username}>
      <div className="item-main">
        <p className="item-title">
          {user.displayName} <span className="code muted">{user.username}</span>
        </p>
        <p className="item-meta">
          <span className="tag">{roleLabel(user.role)}</span>
          {user.regionCode && (
            <span>
              <span className="code">{formatRegionCode(user.regionCode)}</span> {user.regionName ?? ""}
            </span>
          )}
          <span className={`tag ${status.tone}`}>{status.label}</span>
        </p>
      </div>
      <button
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={`user-${user.id}`}
        onClick={() => setOpen(!open)}
      >
        {open ? t("users.close") : t("users.manage")}
      </button>
      {open && <UserActions user={user} locked={locked} isSelf={isSelf} />}
    </li>
  );
}

function UserActions({ user, locked, isSelf }: { user: UserDto; locked: boolean; isSelf: boolean }) {
  const { t } = useLanguage();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [role, setRole] = useState<Role>(user.role);
  const [regionCode, setRegionCode] = useState(user.regionCode ?? "");
  const [password, setPassword] = useState("");
  const [saved, setSaved] = useState<string | null>(null);

  function saveRole(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const regionLevel = ROLE_TABLE[role].regionLevel;
    update.mutate(
      { id: user.id, change: { role, regionCode: regionLevel ? regionCode : null } },
      { onSuccess: () => setSaved(t("users.saved")) },
    );
  }

  function setDisabled(disabled: boolean) {
    setSaved(null);
    const question = disabled ? t("users.disableConfirm", { username: user.username }) : null;
    if (question && !window.confirm(question)) return;
    update.mutate(
      { id: user.id, change: { disabled } },
      { onSuccess: () => setSaved(disabled ? t("users.disabledDone") : t("users.enabledDone")) },
    );
  }

  function resetPassword(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    reset.mutate({ id: user.id, password: password || undefined }, { onSuccess: () => setPassword("") });
  }

  return (
    <div id={`user-${user.id}`} className="user-actions form-grid">
      {saved && (
        <p className="notice notice-success" role="status">
          {saved}
        </p>
      )}
      {reset.data && <OncePassword message={t("users.passwordReset")} password={reset.data.password} />}
      <FormError error={update.error ?? reset.error} />
      <form className="form-grid form-columns" onSubmit={saveRole}>
        <RoleRegionFields
          idPrefix={`edit-${user.id}`}
          role={role}
          regionCode={regionCode}
          onChange={(nextRole, nextRegion) => {
            setRole(nextRole);
            setRegionCode(nextRegion);
          }}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {t("users.saveRole")}
          </button>
        </div>
      </form>
      <div className="actions">
        {user.disabled ? (
          <button type="button" className="button button-secondary" onClick={() => setDisabled(false)}>
            {t("users.enable")}
          </button>
        ) : (
          !isSelf && (
            <button type="button" className="button button-danger" onClick={() => setDisabled(true)}>
              {t("users.disable")}
            </button>
          )
        )}
        {locked && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              update.mutate(
                { id: user.id, change: { unlock: true } },
                { onSuccess: () => setSaved(t("users.unlocked")) },
              )
            }
          >
            {t("users.unlock")}
          </button>
        )}
      </div>
      <form className="inline-form" onSubmit={resetPassword}>
        <div className="field">
          <label htmlFor={`reset-${user.id}`}>{t("users.resetPassword")}</label>
          <input
            id={`reset-${user.id}`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span className="hint">{t("users.initialPasswordHint")}</span>
        </div>
        <button type="submit" className="button button-secondary" disabled={reset.isPending}>
          {t("users.resetPasswordButton")}
        </button>
      </form>
      <RecordHistory table="users" id={user.id} title={t("users.history")} />
    </div>
  );
}
