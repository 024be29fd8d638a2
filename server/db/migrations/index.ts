import type { Migration } from 'kysely';
import * as foundation from './2026-11-21-0001-foundation.js';
import * as measure from './2026-11-21-0100-measure.js';
import * as units from './2026-11-21-0110-units.js';
import * as kpis from './2026-11-21-0200-kpis.js';
import * as kpisImportFiles from './2026-11-21-0201-kpis-import-files.js';
import * as measureScores from './2026-11-21-0300-measure-scores.js';
import * as measureSnapshotValues from './2026-11-22-0100-measure-snapshot-values.js';
import * as measureComponentScores from './2026-11-22-0200-measure-component-scores.js';
import * as measurePeriodTargets from './2026-11-22-0300-measure-period-targets.js';
import * as securityOwnership from './2026-12-06-0100-security-ownership.js';
import * as notifications from './2026-12-06-0200-notifications.js';
import * as usersSearchName from './2026-12-06-0300-users-search-name.js';
import * as steerTasks from './2026-12-06-0400-steer-tasks.js';
import * as steerMeetings from './2026-12-06-0410-steer-meetings.js';
import * as steerUrging from './2026-12-06-0420-steer-urging.js';
import * as steerRegisters from './2026-12-06-0430-steer-registers.js';
import * as steerReports from './2026-12-06-0440-steer-reports.js';
import * as measureReopenExclusion from './2026-12-06-0447-measure-reopen-exclusion.js';
import * as steerImport from './2026-12-06-0450-steer-import.js';
import * as auditUnit from './2026-12-06-0500-audit-unit.js';
import * as dataRevisions from './2026-12-06-0510-data-revisions.js';
import * as feedback from './2026-12-06-0600-feedback.js';
import * as contest from './2026-12-06-0700-contest.js';
import * as community from './2026-12-06-0800-community.js';
import * as steerBenchIndexes from './2026-12-06-0910-steer-bench-indexes.js';
import * as news from './2026-12-07-0200-news.js';
import * as communityIndexes from './2026-12-07-0300-community-indexes.js';
import * as steerIndexes from './2026-12-07-0400-steer-indexes.js';
import * as feedbackCalendar from './2026-12-07-0500-feedback-calendar.js';
import * as feedbackMerge from './2026-12-07-0500-feedback-merge.js';
import * as dashboardRevisions from './2026-12-07-0600-dashboard-revisions.js';
import * as contestCertificates from './2026-12-07-0700-contest-certificates.js';
import * as contestReview from './2026-12-07-0900-contest-review.js';
import * as citizenSso from './2026-12-07-1000-citizen-sso.js';
import * as dashboardRevisionsHot from './2026-12-07-1100-dashboard-revisions-hot.js';
import * as steerStatusSpans from './2026-12-07-1200-steer-status-spans.js';
import * as communityActivityMonths from './2026-12-07-1210-community-activity-months.js';
import * as contestResultsKeys from './2026-12-07-1300-contest-results-keys.js';
import * as feedbackListIndexes from './2026-12-07-1400-feedback-list-indexes.js';
import * as steerStatusDayCounts from './2026-12-07-1500-steer-status-day-counts.js';
import * as communityStructureSums from './2026-12-07-2100-community-structure-sums.js';
import * as communityMemberPeople from './2026-12-07-2300-community-member-people.js';

// Append-only, in order. Names sort by date; each file runs on SQLite and PostgreSQL.
export const migrations: Record<string, Migration> = {
  '2026-11-21-0001-foundation': foundation,
  '2026-11-21-0100-measure': measure,
  '2026-11-21-0110-units': units,
  '2026-11-21-0200-kpis': kpis,
  '2026-11-21-0201-kpis-import-files': kpisImportFiles,
  '2026-11-21-0300-measure-scores': measureScores,
  '2026-11-22-0100-measure-snapshot-values': measureSnapshotValues,
  '2026-11-22-0200-measure-component-scores': measureComponentScores,
  '2026-11-22-0300-measure-period-targets': measurePeriodTargets,
  '2026-12-06-0100-security-ownership': securityOwnership,
  '2026-12-06-0200-notifications': notifications,
  '2026-12-06-0300-users-search-name': usersSearchName,
  '2026-12-06-0400-steer-tasks': steerTasks,
  '2026-12-06-0440-steer-reports': steerReports,
  '2026-12-06-0410-steer-meetings': steerMeetings,
  '2026-12-06-0420-steer-urging': steerUrging,
  '2026-12-06-0430-steer-registers': steerRegisters,
  '2026-12-06-0450-steer-import': steerImport,
  '2026-12-06-0447-measure-reopen-exclusion': measureReopenExclusion,
  '2026-12-06-0500-audit-unit': auditUnit,
  '2026-12-06-0510-data-revisions': dataRevisions,
  '2026-12-06-0600-feedback': feedback,
  '2026-12-06-0700-contest': contest,
  '2026-12-06-0800-community': community,
  '2026-12-06-0910-steer-bench-indexes': steerBenchIndexes,
  '2026-12-07-0200-news': news,
  '2026-12-07-0300-community-indexes': communityIndexes,
  '2026-12-07-0400-steer-indexes': steerIndexes,
  '2026-12-07-0500-feedback-calendar': feedbackCalendar,
  '2026-12-07-0500-feedback-merge': feedbackMerge,
  '2026-12-07-0600-dashboard-revisions': dashboardRevisions,
  '2026-12-07-0700-contest-certificates': contestCertificates,
  '2026-12-07-0900-contest-review': contestReview,
  '2026-12-07-1000-citizen-sso': citizenSso,
  '2026-12-07-1100-dashboard-revisions-hot': dashboardRevisionsHot,
  '2026-12-07-1200-steer-status-spans': steerStatusSpans,
  '2026-12-07-1210-community-activity-months': communityActivityMonths,
  '2026-12-07-1300-contest-results-keys': contestResultsKeys,
  '2026-12-07-1400-feedback-list-indexes': feedbackListIndexes,
  '2026-12-07-1500-steer-status-day-counts': steerStatusDayCounts,
  '2026-12-07-2100-community-structure-sums': communityStructureSums,
  '2026-12-07-2300-community-member-people': communityMemberPeople,
};
