import { type Role, roleHas } from "../../../core/access/permissions.ts";

/** Roles shown the training overview in the navigation: training staff and leadership. */
export function canSeeTrainingOverview(role: Role): boolean {
  return roleHas(role, "training:read") || role === "pimpinan";
}

/** Roles that manage trainings (rosters, attendance, question banks, certificates). */
export function canManageTraining(role: Role | undefined): boolean {
  return role !== undefined && roleHas(role, "training:write");
}
