import type { Generated } from 'kysely';
import type { CommunityTables } from './schema-community.js';
import type { ContestTables } from './schema-contest.js';
import type { ContestReviewTables } from './schema-contest-review.js';
import type { FeedbackTables } from './schema-feedback.js';
import type { KpiTables } from './schema-kpis.js';
import type { MeasureTables } from './schema-measure.js';
import type { MeasureSnapshotTables } from './schema-measure-snapshots.js';
import type { NewsTables } from './schema-news.js';
import type { NotificationTables } from './schema-notifications.js';
import type { RevisionTables } from './schema-revisions.js';
import type { SsoTables } from './schema-sso.js';
import type { SteerTables } from './schema-steer.js';
import type { SteerImportTables } from './schema-steer-import.js';
import type { SteerMeetingTables } from './schema-steer-meetings.js';
import type { SteerRegisterTables } from './schema-steer-registers.js';
import type { SteerReportTables } from './schema-steer-reports.js';
import type { SteerUrgingTables } from './schema-steer-urging.js';

// Row types for Kysely (camelCase; CamelCasePlugin maps to snake_case columns).
// The foundation's tables are here; a module keeps its tables in server/db/schema-<module>.ts
// and adds that interface to the `extends` list of DB below.

export interface StructuresTable {
  id: Generated<number>;
  name: string;
  validFrom: string;
  validTo: string | null;
  description: string | null;
  createdAt: string;
}

export interface UnitsTable {
  id: Generated<number>;
  structureId: number;
  code: string;
  name: string;
  searchName: string;
  type: string;
  kind: string;
  level: number;
  parentId: number | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UnitClosureTable {
  ancestorId: number;
  descendantId: number;
  depth: number;
  viaLineage: Generated<number>;
}

export interface UnitLineageTable {
  id: Generated<number>;
  fromUnitId: number;
  toUnitId: number;
  kind: 'full' | 'partial';
  share: number | null;
  shareBasis: string | null;
  effectiveDate: string;
  note: string | null;
}

export interface UnitHeadcountsTable {
  id: Generated<number>;
  unitId: number;
  metric: string;
  asOf: string;
  value: number;
  /** 'demo' | 'import' | 'manual' (added by the units migration). */
  source: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  fullName: string;
  /** foldVietnamese(fullName); null on rows written outside the users repository. */
  searchName: Generated<string | null>;
  passwordHash: string | null;
  isActive: Generated<number>;
  locale: Generated<string>;
  failedLoginCount: Generated<number>;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  userId: number;
  role: string;
  unitId: number;
  createdAt: string;
}

export interface SessionsTable {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface PasswordResetsTable {
  tokenHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  createdBy: number;
  unitId: number;
  permissions: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  mime: string;
  size: number;
  originalName: string;
  storageKey: string;
  uploadedBy: number | null;
  createdAt: string;
  /** The only id the API shows (22 random base64url characters): numeric ids stay internal. */
  publicId: string;
  /** The unit the file was attached for; null while only its uploader holds it. */
  unitId: Generated<number | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorUserId: number | null;
  actorTokenId: number | null;
  actorLabel: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  /** The unit the changed object belongs to (lib/audit.ts `unitOfEntry`); null when none or before 2026-12-06. */
  unitId: Generated<number | null>;
}

export interface FoundationTables {
  structures: StructuresTable;
  units: UnitsTable;
  unitClosure: UnitClosureTable;
  unitLineage: UnitLineageTable;
  unitHeadcounts: UnitHeadcountsTable;
  users: UsersTable;
  roleAssignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  apiTokens: ApiTokensTable;
  files: FilesTable;
  auditLog: AuditLogTable;
}

export interface DB
  extends FoundationTables,
    MeasureTables,
    KpiTables,
    MeasureSnapshotTables,
    NotificationTables,
    RevisionTables,
    SteerRegisterTables,
    SteerTables,
    SteerMeetingTables,
    SteerImportTables,
    SteerReportTables,
    SteerUrgingTables,
    ContestTables,
    ContestReviewTables,
    FeedbackTables,
    CommunityTables,
    NewsTables,
    SsoTables {}
