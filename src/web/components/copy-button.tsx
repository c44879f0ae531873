import { useState } from "react";
import { useTranslation } from "react-i18next";

/** Copies `text` to the clipboard and says so; falls back to selecting it where copying is refused. */
export function CopyButton({ text, targetId }: { text: string; targetId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const target = targetId ? document.getElementById(targetId) : null;
      if (target) window.getSelection()?.selectAllChildren(target);
    }
  }
  return (
    <button type="button" className="button button-secondary" onClick={() => void copy()}>
      <span aria-live="polite">{copied ? t("common.copied") : t("common.copy")}</span>
    </button>
  );
}
