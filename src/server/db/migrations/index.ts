/**
 * Every migration, in order. Names are date-prefixed and never change; a migration is never edited
 * after it lands (add a new one instead).
 */
import type { Migration } from "kysely";
import * as foundation from "./2026-11-28-001-foundation.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-28-001-foundation": foundation,
};
