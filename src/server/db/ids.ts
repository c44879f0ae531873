import { uuidv7 } from "uuidv7";

/**
 * Record ids are UUIDv7: time-ordered (good for indexes) and creatable anywhere, so a phone can
 * make a record offline and keep its id when it syncs.
 */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Current time as ISO 8601 UTC text, the form every timestamp column stores. */
export function nowIso(): string {
  return new Date().toISOString();
}
