/** Login names: lower-case, and the form used for the field workforce (`psm.kebon-kelapa`). */

/** Letters, digits, dot, hyphen and underscore; 3–64 characters; starts with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** A region name as it appears in a login name: lower-case ASCII, spaces as hyphens. */
export function regionSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The login name of a TKSK or PSM by their region: `tksk.gambir`, `psm.kebon-kelapa`. */
export function workerLoginName(role: "tksk" | "psm", regionName: string): string {
  return `${role}.${regionSlug(regionName)}`;
}

/** Login names are compared case-insensitively and stored lower-case. */
export function normalizeUsername(input: string): string {
  return input.trim().toLowerCase();
}
