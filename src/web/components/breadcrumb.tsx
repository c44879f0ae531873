import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface Crumb {
  label: string;
  /** Omitted for the current page, which is the last crumb. */
  to?: string;
}

/** Where the page sits in a hierarchy; the last crumb is the current page. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t("common.breadcrumb")}>
      <ol>
        {items.map((item) => (
          <li key={`${item.to ?? "current"}:${item.label}`}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
