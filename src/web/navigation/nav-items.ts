/**
 * The places of the main navigation, which of them a role sees (from the core permission table,
 * as the routes check it) and which four of them a phone's bottom bar shows first. Pure: no I/O.
 */
import type { TFunction } from "i18next";
import { type Permission, type Role, roleHas } from "../../core/access/permissions.ts";
import { showsTrainingNav } from "../features/training/training-visibility.ts";

export interface NavItem {
  /** Stable key, also the order of the laptop's bar. */
  key: string;
  to: string;
  /** Its label in the interface's language. */
  label: (t: TFunction) => string;
  /** Also active on the pages below it (/kasus/…). */
  prefix: boolean;
}

interface NavDefinition extends NavItem {
  /** Who sees it: a permission of the role, a rule of its own, or everybody (null). */
  shown: Permission | ((role: Role) => boolean) | null;
}

const ITEMS: readonly NavDefinition[] = [
  { key: "regions", to: "/wilayah", label: (t) => t("nav.regions"), prefix: true, shown: null },
  {
    key: "households",
    to: "/keluarga",
    label: (t) => t("registry.nav.households"),
    prefix: true,
    shown: "households:read",
  },
  { key: "field", to: "/luring", label: (t) => t("nav.field"), prefix: true, shown: "households:read" },
  { key: "tasks", to: "/tugas", label: (t) => t("cases.nav.tasks"), prefix: false, shown: "persons:read" },
  { key: "cases", to: "/kasus", label: (t) => t("cases.nav.cases"), prefix: true, shown: "persons:read" },
  {
    key: "training",
    to: "/pelatihan",
    label: (t) => t("nav.training"),
    prefix: true,
    shown: showsTrainingNav,
  },
  { key: "workers", to: "/petugas", label: (t) => t("workers.nav"), prefix: true, shown: "workers:read" },
  {
    key: "poverty",
    to: "/kemiskinan",
    label: (t) => t("assessments.nav"),
    prefix: true,
    shown: "aggregates:read",
  },
  {
    key: "dashboards",
    to: "/dasbor",
    label: (t) => t("dashboards.nav"),
    prefix: true,
    shown: "aggregates:read",
  },
  {
    key: "kinerja",
    to: "/kinerja",
    label: (t) => t("dashboards.kinerjaNav"),
    prefix: true,
    shown: "kinerja:read",
  },
  { key: "users", to: "/admin/pengguna", label: (t) => t("nav.users"), prefix: true, shown: "users:manage" },
  {
    key: "devices",
    to: "/admin/perangkat",
    label: (t) => t("devices.nav"),
    prefix: true,
    shown: "users:manage",
  },
  { key: "audit", to: "/admin/audit", label: (t) => t("nav.audit"), prefix: true, shown: "audit:read" },
];

/**
 * What each role reaches for most, in order: the first four it may see go in the phone's bottom
 * bar, the rest behind "Lainnya". Field workers first (registry, field app, tasks, cases), the
 * Suku Dinas its registry, cases and figures, leadership its figures.
 */
const FAVOURITES: Readonly<Record<Role | "anonymous", readonly string[]>> = {
  psm: ["households", "field", "tasks", "cases"],
  tksk: ["households", "tasks", "cases", "workers", "field"],
  sudin: ["households", "cases", "dashboards", "kinerja"],
  pimpinan: ["dashboards", "poverty", "kinerja", "training"],
  pelatih: ["training", "regions"],
  admin: ["users", "devices", "audit", "workers"],
  anonymous: ["regions"],
};

/** How many places the bottom bar holds besides its "Lainnya" button. */
export const BAR_SIZE = 4;

/** Every place `role` may open (null: nobody logged in), in the laptop bar's order. */
export function navItems(role: Role | null): NavItem[] {
  return ITEMS.filter((item) => {
    if (item.shown === null) return true;
    if (role === null) return false;
    return typeof item.shown === "function" ? item.shown(role) : roleHas(role, item.shown);
  }).map(({ shown: _shown, ...item }) => item);
}

/** The role's places split into the phone's bottom bar and the rest (its "Lainnya" menu). */
export function phoneNavigation(role: Role | null): { bar: NavItem[]; more: NavItem[] } {
  const items = navItems(role);
  const favourites = FAVOURITES[role ?? "anonymous"];
  const bar = favourites
    .map((key) => items.find((item) => item.key === key))
    .filter((item): item is NavItem => item !== undefined)
    .slice(0, BAR_SIZE);
  return { bar, more: items.filter((item) => !bar.includes(item)) };
}
