import { useState } from "react";
import { ROLES, type Role } from "../../../core/access/permissions.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { Pager } from "../../components/pager.tsx";
import { formatCount } from "../../i18n/format.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { useRoleLabel } from "../auth/user-menu.tsx";
import { CreateUserForm } from "./create-user-form.tsx";
import { UserItem } from "./user-item.tsx";
import { USER_PAGE_SIZE, type UserFilter, useUsers } from "./users.queries.ts";

/** /admin/pengguna — the administrator's list of logins, with creating and changing them. */
export function UsersPage() {
  const { t, language } = useLanguage();
  const roleLabel = useRoleLabel();
  const { session } = useAuth();
  const [filter, setFilter] = useState<UserFilter>({ q: "", role: "", page: 1 });
  const [creating, setCreating] = useState(false);
  const query = useUsers(filter);

  return (
    <section className="page">
      <title>{`${t("users.title")} · ${t("app.name")}`}</title>
      <header className="page-header page-header-row">
        <div>
          <h1>{t("users.title")}</h1>
          <p className="lead">{t("users.intro")}</p>
        </div>
        <button
          type="button"
          className="button"
          aria-expanded={creating}
          onClick={() => setCreating(!creating)}
        >
          {creating ? t("users.close") : t("users.new")}
        </button>
      </header>
      {creating && <CreateUserForm />}
      <form className="card card-body filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="user-q">{t("users.search")}</label>
          <input
            id="user-q"
            type="search"
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value, page: 1 })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t("users.role")}</label>
          <select
            id="user-role"
            value={filter.role}
            onChange={(e) => setFilter({ ...filter, role: e.target.value as Role | "", page: 1 })}
          >
            <option value="">{t("users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <section className="card" aria-labelledby="users-list-title">
          <h2 id="users-list-title" className="card-title">
            {t("users.list")} <span className="count">{formatCount(query.data.total, language)}</span>
          </h2>
          {query.data.items.length === 0 ? (
            <p className="card-body hint">{t("users.none")}</p>
          ) : (
            <ul className="item-list">
              {query.data.items.map((user) => (
                <UserItem key={user.id} user={user} isSelf={user.id === session?.user.id} />
              ))}
            </ul>
          )}
          <Pager
            page={filter.page}
            pageSize={USER_PAGE_SIZE}
            total={query.data.total}
            onPage={(page) => setFilter({ ...filter, page })}
          />
        </section>
      )}
    </section>
  );
}
