/**
 * Every migration, in order. Names are date-prefixed and never change; a migration is never edited
 * after it lands (add a new one instead).
 */
import type { Migration } from "kysely";
import * as foundation from "./2026-11-28-001-foundation.ts";
import * as accounts from "./2026-11-28-002-accounts.ts";
import * as registry from "./2026-11-28-003-registry.ts";
import * as training from "./2026-11-28-004-training.ts";
import * as cases from "./2026-11-28-005-cases.ts";
import * as assessments from "./2026-11-28-006-assessments.ts";
import * as kinerja from "./2026-11-28-007-kinerja.ts";
import * as sync from "./2026-11-28-008-sync.ts";
import * as assessmentIndexes from "./2026-11-28-009-assessment-indexes.ts";
import * as deviceKeys from "./2026-11-28-009-device-keys.ts";
import * as personNameWords from "./2026-11-28-010-person-name-words.ts";
import * as trainingLifecycle from "./2026-11-28-010-training-lifecycle.ts";
import * as householdListIndex from "./2026-11-28-011-household-list-index.ts";
import * as psksDemoFlag from "./2026-11-28-012-psks-demo-flag.ts";
import * as uniqueNumbersAsIndexes from "./2026-11-28-013-unique-numbers-as-indexes.ts";
import * as contentlessNameIndex from "./2026-11-28-014-contentless-name-index.ts";
import * as ppksDemoFlag from "./2026-12-06-028-ppks-demo-flag.ts";
import * as importJobs from "./2026-12-06-029-import-jobs.ts";
import * as personListIndex from "./2026-12-06-035-person-list-index.ts";
import * as scheduledTasks from "./2026-12-06-040-scheduled-tasks.ts";
import * as backups from "./2026-12-06-041-backups.ts";
import * as dtsen from "./2026-12-06-042-dtsen.ts";

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-28-001-foundation": foundation,
  "2026-11-28-002-accounts": accounts,
  "2026-11-28-003-registry": registry,
  "2026-11-28-004-training": training,
  "2026-11-28-005-cases": cases,
  "2026-11-28-006-assessments": assessments,
  "2026-11-28-007-kinerja": kinerja,
  "2026-11-28-008-sync": sync,
  "2026-11-28-009-device-keys": deviceKeys,
  "2026-11-28-009-assessment-indexes": assessmentIndexes,
  "2026-11-28-010-person-name-words": personNameWords,
  "2026-11-28-010-training-lifecycle": trainingLifecycle,
  "2026-11-28-011-household-list-index": householdListIndex,
  "2026-11-28-012-psks-demo-flag": psksDemoFlag,
  "2026-11-28-013-unique-numbers-as-indexes": uniqueNumbersAsIndexes,
  "2026-11-28-014-contentless-name-index": contentlessNameIndex,
  "2026-12-06-028-ppks-demo-flag": ppksDemoFlag,
  "2026-12-06-029-import-jobs": importJobs,
  "2026-12-06-035-person-list-index": personListIndex,
  "2026-12-06-040-scheduled-tasks": scheduledTasks,
  "2026-12-06-041-backups": backups,
  "2026-12-06-042-dtsen": dtsen,
};
