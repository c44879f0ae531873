import { type Role, roleHas } from "../../../core/access/permissions.ts";

/** Roles shown every programme and cohort: training staff and leadership. */
export function canSeeTrainingOverview(role: Role): boolean {
  return roleHas(role, "training:read") || role === "pimpinan";
}

/** Roles offered "Pelatihan" in the navigation: the overview roles and the participants (TKSK, PSM). */
export function showsTrainingNav(role: Role): boolean {
  return canSeeTrainingOverview(role) || role === "tksk" || role === "psm";
}

/** Roles that manage trainings (rosters, attendance, question banks, certificates). */
export function canManageTraining(role: Role | undefined): boolean {
  return role !== undefined && roleHas(role, "training:write");
}
