import { CopyButton } from "../../components/copy-button.tsx";
import { useLanguage } from "../../i18n/i18n.ts";

/** Confirms a change; when the server generated a password, shows it this one time with a copy button. */
export function OncePassword({ message, password }: { message: string; password: string | null }) {
  const { t } = useLanguage();
  return (
    <div className="notice notice-success secret-box" role="status">
      <p className="notice-title">{message}</p>
      {password && (
        <>
          <p>{t("users.passwordOnce")}</p>
          <code className="secret" data-testid="generated-password">
            {password}
          </code>
          <CopyButton text={password} />
        </>
      )}
    </div>
  );
}
