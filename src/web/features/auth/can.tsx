import type { ReactNode } from "react";
import type { Permission } from "../../../core/access/permissions.ts";
import { useCan } from "./auth-context.tsx";

/**
 * Shows its children only to a logged-in user whose role holds `permission` in the core
 * permission table, e.g. a navigation link: `<Can permission="audit:read"><NavLink …/></Can>`.
 */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
