/**
 * The database interface: every feature's tables composed in one place. Table types live with
 * their feature (<feature>.table.ts).
 */
import type { Kysely, Transaction } from "kysely";
import type { AssessmentTable, IndicatorSetTable } from "../features/assessments/assessments.table.ts";
import type { AuditLogTable } from "../features/audit/audit.table.ts";
import type { ApiTokenTable, LoginThrottleTable, SessionTable } from "../features/auth/auth.table.ts";
import type { BackupTable } from "../features/backups/backups.table.ts";
import type { CaseTables } from "../features/cases/cases.table.ts";
import type { DashboardTables } from "../features/dashboards/dashboards.table.ts";
import type { DtsenTables } from "../features/dtsen/dtsen.table.ts";
import type { DuplicateCandidateTable } from "../features/duplicates/duplicates.table.ts";
import type { HouseholdTable } from "../features/households/households.table.ts";
import type { ImportJobTable } from "../features/imports/import-jobs.table.ts";
import type { KinerjaTables } from "../features/kinerja/kinerja.table.ts";
import type { ScheduledTaskTable } from "../features/maintenance/scheduled-tasks.table.ts";
import type { PersonEventTable } from "../features/persons/person-events.table.ts";
import type { PersonNameWordTable } from "../features/persons/person-name-words.table.ts";
import type { PersonTable } from "../features/persons/persons.table.ts";
import type { PpksCategoryTable, PpksClassificationTable } from "../features/ppks/ppks.table.ts";
import type { PsksKindTable, PsksOrganisationTable } from "../features/psks/psks.table.ts";
import type { RegionTable } from "../features/regions/regions.table.ts";
import type { SyncTables } from "../features/sync/sync.table.ts";
import type { TrainingTables } from "../features/training/training.table.ts";
import type { UserTable } from "../features/users/users.table.ts";
import type { WorkerTable } from "../features/workers/workers.table.ts";
import type { ChangeCounterTable, IdempotencyKeyTable, TombstoneTable } from "./system.table.ts";

export interface Database
  extends TrainingTables,
    CaseTables,
    DashboardTables,
    KinerjaTables,
    SyncTables,
    DtsenTables {
  regions: RegionTable;
  workers: WorkerTable;
  households: HouseholdTable;
  persons: PersonTable;
  person_name_words: PersonNameWordTable;
  ppks_categories: PpksCategoryTable;
  ppks_classifications: PpksClassificationTable;
  psks_kinds: PsksKindTable;
  psks_organisations: PsksOrganisationTable;
  person_events: PersonEventTable;
  duplicate_candidates: DuplicateCandidateTable;
  change_counter: ChangeCounterTable;
  tombstones: TombstoneTable;
  idempotency_keys: IdempotencyKeyTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  indicator_sets: IndicatorSetTable;
  assessments: AssessmentTable;
  import_jobs: ImportJobTable;
  scheduled_tasks: ScheduledTaskTable;
  backups: BackupTable;
}

/** A connection or a transaction: repositories accept either, so the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

export type Dialect = "sqlite" | "postgres";
