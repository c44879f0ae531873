/**
 * Kemendagri region codes (kode wilayah).
 *
 * Codes are hierarchical: 2 digits provinsi, 4 kota/kabupaten, 6 kecamatan, 10 kelurahan/desa
 * (for example 31 → 3171 → 317101 → 3171011005). They are written dotted on paper and in the
 * interface (31.71.01.1005) and stored and sent as plain digits. Because a child's code starts
 * with its parent's, "is inside" is a prefix test, which is what region scoping relies on.
 */

export const REGION_LEVELS = ["provinsi", "kota", "kecamatan", "kelurahan"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Digits of a code at each level. */
const LENGTH_BY_LEVEL: Record<RegionLevel, number> = { provinsi: 2, kota: 4, kecamatan: 6, kelurahan: 10 };

/** Remove dots and spaces; `null` when what remains is not a code of a known length. */
export function normalizeRegionCode(input: string): string | null {
  const digits = input.trim().replace(/[.\s]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  return regionLevelOf(digits) ? digits : null;
}

/** The level a code of this length belongs to, or `null` for an impossible length. */
export function regionLevelOf(code: string): RegionLevel | null {
  for (const level of REGION_LEVELS) {
    if (LENGTH_BY_LEVEL[level] === code.length) return level;
  }
  return null;
}

/** Code length of a level. */
export function regionCodeLength(level: RegionLevel): number {
  return LENGTH_BY_LEVEL[level];
}

/** The parent's code (`null` for a provinsi). */
export function parentRegionCode(code: string): string | null {
  const level = regionLevelOf(code);
  if (!level || level === "provinsi") return null;
  const parentLevel = REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1] as RegionLevel;
  return code.slice(0, LENGTH_BY_LEVEL[parentLevel]);
}

/** The codes of the regions above `code`, nearest first (317101 → 3171, 31); none for an invalid code. */
export function ancestorRegionCodes(code: string): string[] {
  const above: string[] = [];
  for (let parent = parentRegionCode(code); parent !== null; parent = parentRegionCode(parent))
    above.push(parent);
  return above;
}

/**
 * True when an organisation registered for `servingCode` serves `area`: it is registered for that
 * region, a region above it (the kecamatan's LKS, the city's Tagana) or one inside it.
 */
export function servesRegion(servingCode: string, area: string): boolean {
  return servingCode.startsWith(area) || ancestorRegionCodes(area).includes(servingCode);
}

/** 3171011005 → 31.71.01.1005 (the way codes are printed in Kepmendagri lists). */
export function formatRegionCode(code: string): string {
  const parts = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6)];
  return parts.filter((p) => p.length > 0).join(".");
}

/** True when `code` is `ancestor` itself or lies below it. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(ancestor);
}

/**
 * The level names used in region files: kabupaten and desa are the rural forms of kota and
 * kelurahan and share their code lengths.
 */
export const REGION_KINDS = ["provinsi", "kota", "kabupaten", "kecamatan", "kelurahan", "desa"] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The code-length level a kind sits at. */
export function levelOfKind(kind: RegionKind): RegionLevel {
  if (kind === "kabupaten") return "kota";
  if (kind === "desa") return "kelurahan";
  return kind;
}
