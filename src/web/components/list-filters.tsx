/**
 * What the filtered list screens (cases, registry) share: filters kept in the address bar (a
 * filtered list can be shared and survives a reload), the collapsible filter panel, the region
 * choice indented by level, and one server page of results with its heading and pager.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorMessage } from "./error-message.tsx";
import { LoadingState } from "./loading-state.tsx";
import { Pager } from "./pager.tsx";

/**
 * The address bar's query as filters. `set` changes some keys (an empty value removes one) and
 * goes back to the first page unless the change is the page itself; `reset` drops every filter
 * but the keys named in `keep` (a view toggle, say).
 */
export function useAddressFilters() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  const reset = (keep: string[] = []) => {
    const next = new URLSearchParams();
    for (const key of keep) {
      const value = params.get(key);
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  return { params, set, reset };
}

/** The text fields of a submitted filter form, trimmed, by name. */
export function formTexts(event: FormEvent<HTMLFormElement>, names: string[]): Record<string, string> {
  const data = new FormData(event.currentTarget);
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? "").trim()]));
}

/**
 * The filters as a collapsible form: open on wide screens and whenever a filter is set; on a
 * phone the list comes first.
 */
export function FilterPanel({
  title,
  active,
  className,
  formClassName,
  onSubmit,
  children,
}: {
  title: string;
  active: boolean;
  className: string;
  formClassName: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const [open] = useState(() => active || window.matchMedia("(min-width: 40rem)").matches);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(event);
  };
  return (
    <details className={className} open={open}>
      <summary>{title}</summary>
      <form className={formClassName} aria-label={title} onSubmit={submit}>
        {children}
      </form>
    </details>
  );
}

interface RegionChoice {
  code: string;
  label: string;
  level: string;
  depth: number;
}

/** A region select over kota, kecamatan and kelurahan, indented by depth; "" is every region. */
export function RegionFilter({
  id,
  label,
  allLabel,
  value,
  regions,
  onChange,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  regions: readonly RegionChoice[] | undefined;
  onChange: (code: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {(regions ?? [])
          .filter((r) => r.level === "kota" || r.level === "kecamatan" || r.level === "kelurahan")
          .map((r) => (
            <option key={r.code} value={r.code}>
              {`${"\u00a0\u00a0".repeat(Math.max(0, r.depth - 1))}${r.label}`}
            </option>
          ))}
      </select>
    </div>
  );
}

/**
 * One server page of a filtered list: loading, error with retry, the empty notice, or a card
 * with the heading (given the data, e.g. "56 keluarga"), the items and the pager (which says
 * "dari 1.000+" when the server reports its total as a lower bound).
 */
export function PagedList<T, D extends { items: T[]; total: number; totalIsLowerBound?: boolean }>({
  query,
  headingId,
  heading,
  empty,
  page,
  pageSize,
  onPage,
  listClassName = "item-list",
  renderItem,
  itemKey,
}: {
  query: UseQueryResult<D>;
  headingId: string;
  heading: (data: D) => ReactNode;
  empty: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  listClassName?: string;
  renderItem: (item: T) => ReactNode;
  itemKey: (item: T) => string;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (data.total === 0) return <p className="notice">{empty}</p>;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {heading(data)}
      </h2>
      <ul className={listClassName}>
        {data.items.map((item) => (
          <li key={itemKey(item)} className="item">
            {renderItem(item)}
          </li>
        ))}
      </ul>
      <Pager
        page={page}
        pageSize={pageSize}
        total={data.total}
        totalIsLowerBound={data.totalIsLowerBound ?? false}
        onPage={onPage}
      />
    </section>
  );
}
