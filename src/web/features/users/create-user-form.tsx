import { type FormEvent, useState } from "react";
import { ROLE_TABLE, type Role } from "../../../core/access/permissions.ts";
import { FormError } from "../../components/field-errors.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { OncePassword } from "./once-password.tsx";
import { RoleRegionFields } from "./role-region-fields.tsx";
import { useCreateUser } from "./users.queries.ts";

/** A new login: name, role and region; a password typed by the admin or generated and shown once. */
export function CreateUserForm() {
  const { t } = useLanguage();
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("psm");
  const [regionCode, setRegionCode] = useState("");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      {
        username,
        displayName,
        role,
        regionCode: ROLE_TABLE[role].regionLevel ? regionCode : null,
        ...(password ? { password } : {}),
      },
      {
        onSuccess: () => {
          setUsername("");
          setDisplayName("");
          setPassword("");
        },
      },
    );
  }

  return (
    <section className="card card-body form-grid" aria-labelledby="create-user-title">
      <h2 id="create-user-title" className="section-title">
        {t("users.createTitle")}
      </h2>
      {create.data && (
        <OncePassword
          message={t("users.created", { username: create.data.user.username })}
          password={create.data.password}
        />
      )}
      <FormError error={create.error} />
      <form className="form-grid form-columns" onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-username">{t("auth.username")}</label>
          <input
            id="new-username"
            required
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            placeholder="psm.kebon-kelapa"
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-name">{t("users.displayName")}</label>
          <input
            id="new-name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </div>
        <RoleRegionFields
          idPrefix="new"
          role={role}
          regionCode={regionCode}
          onChange={(nextRole, nextRegion) => {
            setRole(nextRole);
            setRegionCode(nextRegion);
          }}
        />
        <div className="field">
          <label htmlFor="new-password">{t("users.initialPassword")}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <span className="hint">{t("users.initialPasswordHint")}</span>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t("users.create")}
          </button>
        </div>
      </form>
    </section>
  );
}
