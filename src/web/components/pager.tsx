import { formatCount } from "../i18n/format.ts";
import { useLanguage } from "../i18n/i18n.ts";

/**
 * Previous and next page of a paginated list, with "21–40 of 56" ("21–40 dari 1.000+" when the
 * server counted only up to `total`). Hidden when all fits on one page.
 */
export function Pager({
  page,
  pageSize,
  total,
  totalIsLowerBound = false,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: more may exist. */
  totalIsLowerBound?: boolean;
  onPage: (page: number) => void;
}) {
  const { t, language } = useLanguage();
  if (total <= pageSize && page === 1) return null;
  const first = Math.min(total, (page - 1) * pageSize + 1);
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t("common.pages")}>
      <button
        type="button"
        className="button button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t("common.previous")}
      </button>
      <span>
        {t(totalIsLowerBound ? "common.rangeAtLeast" : "common.range", {
          first: formatCount(first, language),
          last: formatCount(last, language),
          total: formatCount(total, language),
        })}
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={last >= total}
        onClick={() => onPage(page + 1)}
      >
        {t("common.next")}
      </button>
    </nav>
  );
}
