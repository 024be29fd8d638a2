import type { Generated } from 'kysely';
import type {
  ActivityKind,
  MemberRole,
  Organisation,
  TargetMetric,
  TeamStatus,
} from '../../core/community/community.js';

// Community teams and training (migration 2026-12-06-0800-community).

export interface CommunityTeamsTable {
  id: Generated<number>;
  unitId: number;
  communeId: number;
  name: string;
  decisionNumber: string | null;
  decisionDate: string;
  decisionSigner: string | null;
  decisionFileId: number | null;
  status: TeamStatus;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface CommunityPeopleTable {
  id: Generated<number>;
  fullName: string;
  phone: string | null;
  createdAt: string;
}

export interface CommunityMembersTable {
  id: Generated<number>;
  teamId: number;
  personId: number;
  role: MemberRole;
  organisation: Organisation;
  startDate: string;
  endDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommunityActivitiesTable {
  id: Generated<number>;
  teamId: number;
  communeId: number;
  activityDate: string;
  place: string;
  kind: ActivityKind;
  /** JSON array of skill codes. */
  skills: string;
  peopleReached: number;
  householdsReached: number;
  note: string | null;
  /** JSON array of files.id. */
  photoFileIds: Generated<string>;
  clientKey: string | null;
  createdBy: number | null;
  createdAt: string;
  isDemo: Generated<number>;
}

export interface CommunityActivitySkillsTable {
  id: Generated<number>;
  activityId: number;
  communeId: number;
  activityDate: string;
  skill: string;
  peopleReached: number;
}

export interface CommunityTargetsTable {
  id: Generated<number>;
  communeId: number;
  year: number;
  metric: TargetMetric;
  skill: string;
  value: number;
  updatedAt: string;
}

export interface TrainingCoursesTable {
  id: Generated<number>;
  unitId: number;
  title: string;
  organiser: string;
  audience: string;
  mode: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  /** JSON array of { name, url?, fileId? }. */
  materials: Generated<string>;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface TrainingSessionsTable {
  id: Generated<number>;
  courseId: number;
  sessionDate: string;
  place: string;
  checkinCode: string;
  createdAt: string;
}

export interface TrainingRegistrationsTable {
  id: Generated<number>;
  courseId: number;
  unitId: number;
  fullName: string;
  position: string | null;
  email: string | null;
  certificateCode: string | null;
  certificateIssuedAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface TrainingAttendanceTable {
  id: Generated<number>;
  sessionId: number;
  registrationId: number;
  method: 'qr' | 'import' | 'manual';
  checkedAt: string;
}

/** Teams not dissolved per commune, kept by triggers (migration 2026-12-07-2100). */
export interface CommunityCommuneTeamsTable {
  communeId: number;
  teams: number;
}

/** Current villages per parent unit (0: units without a parent), kept by triggers (migration 2026-12-07-2100). */
export interface UnitVillageCountsTable {
  parentId: number;
  villages: number;
}

/** Current memberships per person and commune (the team's), kept by triggers (migration 2026-12-07-2300). */
export interface CommunityPersonCommunesTable {
  personId: number;
  communeId: number;
  memberships: number;
}

/** Persons with current memberships per commune, kept by triggers (migration 2026-12-07-2300). */
export interface CommunityCommunePeopleTable {
  communeId: number;
  people: number;
}

/** Communes where each person has current memberships, kept by triggers (migration 2026-12-07-2300). */
export interface CommunityPersonSpreadTable {
  personId: number;
  communes: number;
}

/** Derived (migration 2026-12-07-1200, kept by triggers): activities per month ('YYYY-MM') and commune. */
export interface CommunityActivityMonthsTable {
  month: string;
  communeId: number;
  sessions: number;
  people: number | string;
  households: number | string;
}

/** Derived (migration 2026-12-07-1200, kept by triggers): skill rows per year, skill and commune. */
export interface CommunitySkillYearsTable {
  year: number;
  skill: string;
  communeId: number;
  sessions: number;
  people: number | string;
}

export interface CommunityTables {
  communityTeams: CommunityTeamsTable;
  communityPeople: CommunityPeopleTable;
  communityMembers: CommunityMembersTable;
  communityActivities: CommunityActivitiesTable;
  communityActivitySkills: CommunityActivitySkillsTable;
  communityActivityMonths: CommunityActivityMonthsTable;
  communityCommuneTeams: CommunityCommuneTeamsTable;
  unitVillageCounts: UnitVillageCountsTable;
  communityPersonCommunes: CommunityPersonCommunesTable;
  communityCommunePeople: CommunityCommunePeopleTable;
  communityPersonSpread: CommunityPersonSpreadTable;
  communitySkillYears: CommunitySkillYearsTable;
  communityTargets: CommunityTargetsTable;
  trainingCourses: TrainingCoursesTable;
  trainingSessions: TrainingSessionsTable;
  trainingRegistrations: TrainingRegistrationsTable;
  trainingAttendance: TrainingAttendanceTable;
}
