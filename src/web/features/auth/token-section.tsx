import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ApiTokenDto } from "../../../core/api/auth.schema.ts";
import { api } from "../../api/api.ts";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FormError } from "../../components/field-errors.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { formatDateTime } from "../../i18n/datetime.ts";
import { useLanguage } from "../../i18n/i18n.ts";

const tokensKey = ["tokens"] as const;

/** My API tokens: list, create (the secret is shown once), revoke. */
export function TokenSection() {
  const { t, language } = useLanguage();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const list = useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ items: ApiTokenDto[] }>("/tokens", { signal }),
  });
  const create = useMutation({
    mutationFn: (tokenName: string) =>
      api.send<{ token: ApiTokenDto; secret: string }>("POST", "/tokens", { name: tokenName }),
    onSuccess: (created) => {
      setSecret(created.secret);
      setName("");
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.send<ApiTokenDto>("DELETE", `/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSecret(null);
    create.mutate(name);
  }

  return (
    <section className="card card-body form-grid" aria-labelledby="tokens-title">
      <h2 id="tokens-title" className="section-title">
        {t("tokens.title")}
      </h2>
      <p className="hint">{t("tokens.intro")}</p>
      {secret && (
        <div className="notice notice-success secret-box" role="status">
          <p className="notice-title">{t("tokens.createdOnce")}</p>
          <code id="token-secret" className="secret">
            {secret}
          </code>
          <CopyButton text={secret} targetId="token-secret" />
        </div>
      )}
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{t("tokens.name")}</span>
          <input
            required
            maxLength={100}
            value={name}
            placeholder={t("tokens.namePlaceholder")}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={create.isPending}>
          {t("tokens.create")}
        </button>
      </form>
      <FormError error={create.error ?? revoke.error} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="hint">{t("tokens.none")}</p>
      ) : (
        <ul className="item-list">
          {list.data.items.map((token) => (
            <li key={token.id} className="item">
              <div className="item-main">
                <p className="item-title">{token.name}</p>
                <p className="item-meta">
                  <span className="code">{token.prefix}…</span>
                  <span>{t("tokens.created", { at: formatDateTime(token.createdAt, language) })}</span>
                  <span>
                    {token.lastUsedAt
                      ? t("tokens.lastUsed", { at: formatDateTime(token.lastUsedAt, language) })
                      : t("tokens.neverUsed")}
                  </span>
                  {token.revokedAt && (
                    <span className="tag tag-muted">
                      {t("tokens.revoked", { at: formatDateTime(token.revokedAt, language) })}
                    </span>
                  )}
                </p>
              </div>
              {!token.revokedAt && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={revoke.isPending}
                  onClick={() => {
                    if (window.confirm(t("tokens.revokeConfirm", { name: token.name })))
                      revoke.mutate(token.id);
                  }}
                >
                  {t("tokens.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
