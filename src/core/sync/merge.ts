/**
 * Merge rules of offline edits, shared by the server (push) and the phone (reconcile).
 *
 * An offline edit of a household or person carries, for each field it changes, the value the
 * phone saw before (its base) and the value the worker entered. Against the record as it is now:
 * - the field still holds the base value: nobody else touched it, the edit applies;
 * - the field already holds the new value: the same change arrived another way, nothing to do;
 * - the field holds a third value: someone else changed the same field; the stored value is kept
 *   and the pair becomes a conflict that a person resolves.
 * Edits to different fields therefore merge, and no value is ever silently overwritten.
 * Visits, assessments and case events are append-only and always merge.
 */

/** One field of an offline edit: what the phone saw and what the worker entered. */
export interface FieldEdit {
  readonly base: unknown;
  readonly value: unknown;
}

/** A field whose stored value moved away from the edit's base. */
export interface FieldConflict {
  readonly field: string;
  readonly serverValue: unknown;
  readonly clientValue: unknown;
}

export interface MergeOutcome {
  /** Fields to write, with the client's values. */
  readonly apply: Readonly<Record<string, unknown>>;
  /** Fields already holding the client's value. */
  readonly unchanged: readonly string[];
  readonly conflicts: readonly FieldConflict[];
}

/** Equality of JSON field values (null and undefined are the same: an absent optional field). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Merges an offline edit into the current record (field → value, camelCase API fields). */
export function mergeEdit(
  current: Readonly<Record<string, unknown>>,
  edits: Readonly<Record<string, FieldEdit>>,
): MergeOutcome {
  const apply: Record<string, unknown> = {};
  const unchanged: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [field, edit] of Object.entries(edits)) {
    const now = current[field];
    if (sameValue(now, edit.value)) unchanged.push(field);
    else if (sameValue(now, edit.base)) apply[field] = edit.value;
    else conflicts.push({ field, serverValue: now ?? null, clientValue: edit.value ?? null });
  }
  return { apply, unchanged, conflicts };
}

/**
 * What the phone shows for a record: the server's copy with the phone's unsent edits laid over
 * it, field by field, in the order the worker made them.
 */
export function overlayEdits<T extends Record<string, unknown>>(
  server: T,
  pending: readonly Readonly<Record<string, FieldEdit>>[],
): T {
  const out: Record<string, unknown> = { ...server };
  for (const edits of pending) for (const [field, edit] of Object.entries(edits)) out[field] = edit.value;
  return out as T;
}

/**
 * The scope fingerprint a phone keeps with its local data: when the user's scope differs from the
 * fingerprint the data was pulled under, the phone drops everything and pulls again.
 */
export function scopeFingerprint(
  scope: { kind: "all" } | { kind: "none" } | { kind: "region"; regionCode: string },
): string {
  return scope.kind === "region" ? `region:${scope.regionCode}` : scope.kind;
}
