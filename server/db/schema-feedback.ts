import type { Generated } from 'kysely';
import type { DeadlineKind } from '../../core/feedback/deadline.js';
import type { FeedbackStatus, RefuseKind } from '../../core/feedback/lifecycle.js';

// Feedback: categories, citizen reports with their timeline and files, one-time codes, proof-of-work
// challenges, photo uploads waiting for their report, email subscriptions (migration 2026-12-06-0600-feedback).

export interface FeedbackCategoriesTable {
  id: Generated<number>;
  code: string;
  nameVi: string;
  nameEn: string;
  deadlineAmount: number;
  deadlineKind: DeadlineKind;
  photoRequired: Generated<number>;
  defaultUnitId: number | null;
  /** Working hours within which a new report must be routed (2026-12-07-0500). */
  receiveHours: Generated<number>;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface FeedbackReportsTable {
  id: Generated<number>;
  code: string;
  categoryId: number;
  title: string;
  description: string;
  lat: number | null;
  lng: number | null;
  areaUnitId: number | null;
  address: string | null;
  contactKind: 'phone' | 'email';
  contact: string;
  reporterName: string | null;
  showName: Generated<number>;
  status: FeedbackStatus;
  unitId: number;
  deadline: string | null;
  /** The instant by which a new report must be routed (receive_hours working hours after it arrived). */
  receiveDueAt: string | null;
  /** The report this one duplicates (merged into; 2026-12-07-0500-feedback-merge). */
  duplicateOfId: number | null;
  assignedAt: string | null;
  firstAnsweredAt: string | null;
  firstAnswerOnTime: number | null;
  answeredAt: string | null;
  answer: string | null;
  closedAt: string | null;
  refuseKind: RefuseKind | null;
  refuseReason: string | null;
  satisfaction: 'satisfied' | 'unsatisfied' | null;
  satisfactionReason: string | null;
  ratedAt: string | null;
  extensionDays: number | null;
  extensionReason: string | null;
  extensionStatus: 'pending' | 'approved' | 'rejected' | null;
  /** 'web' | 'open311' | 'demo' */
  source: string;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface FeedbackEventsTable {
  id: Generated<number>;
  reportId: number;
  kind: string;
  isPublic: number;
  status: FeedbackStatus | null;
  unitId: number | null;
  text: string | null;
  userId: number | null;
  createdAt: string;
}

export interface FeedbackReportFilesTable {
  id: Generated<number>;
  reportId: number;
  fileId: number;
  role: 'photo' | 'evidence';
  eventId: number | null;
}

export interface FeedbackUploadsTable {
  id: Generated<number>;
  fileId: number;
  createdAt: string;
  usedAt: string | null;
}

export interface FeedbackOtpsTable {
  id: Generated<number>;
  publicId: string;
  contactHash: string;
  purpose: string;
  codeHash: string;
  attempts: Generated<number>;
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

export interface FeedbackChallengesTable {
  id: Generated<number>;
  challenge: string;
  difficulty: number;
  expiresAt: string;
  usedAt: string | null;
}

export interface FeedbackSubscriptionsTable {
  id: Generated<number>;
  reportId: number;
  email: string;
  createdAt: string;
}

export interface FeedbackCalendarDaysTable {
  id: Generated<number>;
  day: string;
  kind: 'holiday' | 'working_day';
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackRoutingRulesTable {
  id: Generated<number>;
  categoryId: number;
  areaUnitId: number;
  unitId: number;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface FeedbackTables {
  feedbackCategories: FeedbackCategoriesTable;
  feedbackReports: FeedbackReportsTable;
  feedbackEvents: FeedbackEventsTable;
  feedbackReportFiles: FeedbackReportFilesTable;
  feedbackUploads: FeedbackUploadsTable;
  feedbackOtps: FeedbackOtpsTable;
  feedbackChallenges: FeedbackChallengesTable;
  feedbackSubscriptions: FeedbackSubscriptionsTable;
  feedbackCalendarDays: FeedbackCalendarDaysTable;
  feedbackRoutingRules: FeedbackRoutingRulesTable;
}
