/**
 * Roles and what each may do: THE permission table. The server checks it (requirePermission),
 * docs/access.md prints it, and the access tests read it, so the three cannot drift apart.
 * Pure: no I/O.
 */

/** Who logs in. */
export const ROLES = ["admin", "sudin", "tksk", "psm", "pelatih", "pimpinan"] as const;
export type Role = (typeof ROLES)[number];

/** Every permission a route or service can ask for. */
export const PERMISSIONS = [
  "households:read",
  "households:write",
  "persons:read",
  "persons:write",
  "registry:export",
  "workers:read",
  "workers:write",
  "audit:read",
  "audit:export",
  "audit:history",
  "approvals:decide",
  "aggregates:read",
  "kinerja:read",
  "kinerja:targets",
  "training:read",
  "training:write",
  "users:manage",
  "system:settings",
  "tokens:own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which region a role's work covers: the whole system, its assigned region, or no resident data. */
export type ScopeRule = "all" | "assigned-region" | "none";

export interface RoleDefinition {
  /** Indonesian first, English second. */
  label: { id: string; en: string };
  scope: ScopeRule;
  /** The region level the role must be assigned to, when it has one. */
  regionLevel: "kecamatan" | "kelurahan" | null;
  permissions: readonly Permission[];
}

const REGISTRY: readonly Permission[] = [
  "households:read",
  "households:write",
  "persons:read",
  "persons:write",
  "registry:export",
];

/**
 * The table. `pimpinan` holds only aggregates: every individual-record route answers it 403.
 * `pelatih` works with training data only and sees no resident. `admin` runs the system (users,
 * settings, the audit trail, the workforce list) but does not browse residents.
 */
export const ROLE_TABLE: Readonly<Record<Role, RoleDefinition>> = {
  admin: {
    label: { id: "Administrator sistem", en: "System administrator" },
    scope: "all",
    regionLevel: null,
    permissions: [
      "workers:read",
      "workers:write",
      "audit:read",
      "audit:export",
      "audit:history",
      "aggregates:read",
      "users:manage",
      "system:settings",
      "tokens:own",
    ],
  },
  sudin: {
    label: { id: "Petugas Suku Dinas Sosial", en: "Suku Dinas Sosial officer" },
    scope: "all",
    regionLevel: null,
    permissions: [
      ...REGISTRY,
      "workers:read",
      "workers:write",
      "audit:read",
      "audit:export",
      "audit:history",
      "approvals:decide",
      "aggregates:read",
      "kinerja:read",
      "kinerja:targets",
      "training:read",
      "training:write",
      "tokens:own",
    ],
  },
  tksk: {
    label: { id: "TKSK (satu kecamatan)", en: "TKSK (one kecamatan)" },
    scope: "assigned-region",
    regionLevel: "kecamatan",
    permissions: [
      ...REGISTRY,
      "workers:read",
      "workers:write",
      "audit:history",
      "aggregates:read",
      "kinerja:read",
      "tokens:own",
    ],
  },
  psm: {
    label: { id: "PSM (satu kelurahan)", en: "PSM (one kelurahan)" },
    scope: "assigned-region",
    regionLevel: "kelurahan",
    permissions: [
      ...REGISTRY,
      "workers:read",
      "workers:write",
      "audit:history",
      "aggregates:read",
      "kinerja:read",
      "tokens:own",
    ],
  },
  pelatih: {
    label: { id: "Pelatih (data pelatihan saja)", en: "Trainer (training data only)" },
    scope: "none",
    regionLevel: null,
    permissions: ["training:read", "training:write", "tokens:own"],
  },
  pimpinan: {
    label: { id: "Pimpinan (dasbor dan agregat saja)", en: "Leadership (dashboards and aggregates only)" },
    scope: "all",
    regionLevel: null,
    permissions: ["aggregates:read", "tokens:own"],
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** True when `role` holds `permission` in the table. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_TABLE[role].permissions.includes(permission);
}

/** The permissions of a role, in the table's canonical order. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => roleHas(role, p));
}
