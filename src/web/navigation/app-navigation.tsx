/**
 * The main navigation. On a laptop a bar under the header whose entries wrap onto a second row
 * rather than run off the screen; on a phone (narrow viewport, see styles.css) a bar fixed at the
 * bottom with the role's four most used places and a "Lainnya" button that opens the rest. Which
 * places a role sees comes from the permission table (nav-items.ts), as the routes check it.
 */
import { useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { useAuth } from "../features/auth/auth-context.tsx";
import { useLanguage } from "../i18n/i18n.ts";
import { type NavItem, navItems, phoneNavigation } from "./nav-items.ts";

function isActive(item: NavItem, pathname: string): boolean {
  return pathname === item.to || (item.prefix && pathname.startsWith(`${item.to}/`));
}

function Place({ item, className }: { item: NavItem; className?: string }) {
  const { t } = useLanguage();
  return (
    <NavLink to={item.to} end={!item.prefix} className={className}>
      {item.label(t)}
    </NavLink>
  );
}

/** The laptop's bar: every place of the role, wrapping onto more rows when they do not fit. */
export function TopNavigation() {
  const { t } = useLanguage();
  const { session } = useAuth();
  return (
    <nav className="app-nav" aria-label={t("app.mainNav")}>
      <ul>
        {navItems(session?.user.role ?? null).map((item) => (
          <li key={item.key}>
            <Place item={item} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The phone's bottom bar with its "Lainnya" menu. */
export function BottomNavigation() {
  const { t } = useLanguage();
  const { session } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { bar, more } = phoneNavigation(session?.user.role ?? null);

  // A tap on a place closes the menu; so does a change of page from elsewhere.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("a")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const moreActive = more.some((item) => isActive(item, pathname));
  return (
    <nav className="bottom-nav" aria-label={t("app.mainNav")}>
      {open ? (
        <div className="bottom-nav-menu" id={menuId} ref={panel}>
          <ul>
            {more.map((item) => (
              <li key={item.key}>
                <Place item={item} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="bottom-nav-bar">
        {bar.map((item) => (
          <li key={item.key}>
            <Place item={item} />
          </li>
        ))}
        {more.length > 0 ? (
          <li>
            <button
              ref={button}
              type="button"
              className={moreActive ? "active" : undefined}
              aria-expanded={open}
              aria-controls={menuId}
              onClick={() => setOpen((o) => !o)}
            >
              {t("nav.more")}
            </button>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
