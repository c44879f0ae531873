/**
 * Region scoping: the one place that limits reads and writes of residents' data to a user's
 * region subtree (kelurahan ⊂ kecamatan ⊂ kota ⊂ provinsi). Region codes are hierarchical, so
 * "inside" is a prefix match on the row's region code, which uses the region indexes.
 *
 * Every repository query over region-scoped tables takes a RegionScope and applies it with
 * `applyScope`; services check single records with `isInScope` before writing.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { ancestorRegionCodes, isWithinRegion } from "../../core/region/region-code.ts";

/** The whole system, one region subtree, or nothing at all (roles without resident data). */
export type RegionScope =
  | { readonly kind: "all" }
  | { readonly kind: "region"; readonly regionCode: string }
  | { readonly kind: "none" };

export const ALL_REGIONS: RegionScope = Object.freeze({ kind: "all" });
export const NO_REGIONS: RegionScope = Object.freeze({ kind: "none" });

export function regionScope(regionCode: string): RegionScope {
  return Object.freeze({ kind: "region", regionCode });
}

/**
 * Any query builder with `where` (select, update, delete). Kysely's overloaded `where` does not fit
 * `WhereInterface<any, any>`, so the constraint is structural.
 */
type ScopableQuery = { where(...args: any[]): any };

/** Limits a query to rows whose `column` (a region code column, e.g. "persons.region_code") is in scope. */
export function applyScope<QB extends ScopableQuery>(qb: QB, column: string, scope: RegionScope): QB {
  if (scope.kind === "all") return qb;
  if (scope.kind === "none") return qb.where(sql.lit(1), "=", sql.lit(0)) as QB;
  return qb.where(sql.ref(column), "like", `${scope.regionCode}%`) as QB;
}

/**
 * The same rule as `applyScope`, as a condition to pass to `.where(...)`: keeps the query
 * builder's own type, which the generic `applyScope` signature loses on joined queries.
 */
export function scopeCondition(column: string, scope: RegionScope): RawBuilder<SqlBool> {
  if (scope.kind === "all") return sql<SqlBool>`1 = 1`;
  if (scope.kind === "none") return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} like ${`${scope.regionCode}%`}`;
}

/**
 * For records that serve an area rather than being about someone in it (PSKS organisations): in
 * scope, or registered for a region above the scope's own (its kecamatan, city or province),
 * since an LKS of the kecamatan also serves each of its kelurahan.
 */
export function servingScopeCondition(column: string, scope: RegionScope): RawBuilder<SqlBool> {
  if (scope.kind !== "region") return scopeCondition(column, scope);
  const above = ancestorRegionCodes(scope.regionCode);
  if (above.length === 0) return scopeCondition(column, scope);
  return sql<SqlBool>`(${scopeCondition(column, scope)} or ${sql.ref(column)} in (${sql.join(above)}))`;
}

/**
 * The same rule as `scopeCondition`, also written as a range (code ≤ column < code + U+10FFFF), so
 * that an index whose leading columns are fixed by equality seeks to the region's entries instead
 * of filtering every one (SQLite does not turn LIKE into a range by itself). Only for columns that
 * compare byte by byte: SQLite's default, or a COLLATE "C" column on PostgreSQL. The LIKE stays,
 * so the rule never depends on the range alone.
 */
export function scopeRangeCondition(column: string, scope: RegionScope): RawBuilder<SqlBool> {
  if (scope.kind !== "region") return scopeCondition(column, scope);
  const ref = sql.ref(column);
  const code = scope.regionCode;
  return sql<SqlBool>`(${ref} >= ${code} and ${ref} < ${`${code}\u{10FFFF}`} and ${ref} like ${`${code}%`})`;
}

/**
 * The code just above every code that starts with `code` (digits only): its last digit raised,
 * trailing nines carried ("317109" → "31711"); undefined when every digit is a nine.
 */
function codeAbove(code: string): string | undefined {
  const trimmed = code.replace(/9+$/, "");
  if (trimmed === "") return undefined;
  return `${trimmed.slice(0, -1)}${String.fromCharCode(trimmed.charCodeAt(trimmed.length - 1) + 1)}`;
}

/**
 * The same rule as `scopeCondition`, also written as a range on the column's own collation
 * (code ≤ column < the code above it), for the region code columns of households and persons,
 * whose indexes lead with them. PostgreSQL turns LIKE 'prefix%' into an index range only under
 * the "C" collation, and SQLite only with case-sensitive LIKE, so without the range a scoped list
 * walks the index from its first entry and filters until it reaches the region. Region codes hold
 * only digits, and strings of digits order the same in byte order and in any linguistic
 * collation, so the upper bound raises the last digit instead of appending a high character. The
 * LIKE stays, so the rule never depends on the range alone.
 */
export function scopeSeekCondition(column: string, scope: RegionScope): RawBuilder<SqlBool> {
  if (scope.kind !== "region" || !/^\d+$/.test(scope.regionCode)) return scopeCondition(column, scope);
  const ref = sql.ref(column);
  const code = scope.regionCode;
  const above = codeAbove(code);
  const upper = above === undefined ? sql`` : sql` and ${ref} < ${above}`;
  return sql<SqlBool>`(${ref} >= ${code}${upper} and ${ref} like ${`${code}%`})`;
}

/** True when a record in `regionCode` may be seen or changed under `scope`. */
export function isInScope(scope: RegionScope, regionCode: string): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "none") return false;
  return isWithinRegion(regionCode, scope.regionCode);
}
