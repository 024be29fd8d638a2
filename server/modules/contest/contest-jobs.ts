import type { Deps } from '../../deps.js';

// The hourly job that reminds organisers once when an attempt round of an open contest has ended and its
// results are waiting to be closed (the idempotency key makes it once across processes and restarts), and the
// personal-data job: at start-up and daily, seal CCCD and phone still in plain text (rows written before
// sealing, or by an older key after a rotation) and erase those of contests closed longer than the retention.

export const ROUND_REMINDER_JOB = 'contest.round_reminders';
export const PERSONAL_DATA_JOB = 'contest.personal_data';
/** Hourly, off the hot path: the suspicion rules over open and recently closed contests (review/). */
export const SUSPICION_SCAN_JOB = 'contest.suspicion_scan';

export async function startContestJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(ROUND_REMINDER_JOB, null, { jobId: 'contest_round_reminders_startup' });
  await deps.jobs.schedule(ROUND_REMINDER_JOB, 60 * 60_000);
  await deps.jobs.enqueue(PERSONAL_DATA_JOB, null, { jobId: 'contest_personal_data_startup' });
  await deps.jobs.schedule(PERSONAL_DATA_JOB, 24 * 60 * 60_000);
  await deps.jobs.enqueue(SUSPICION_SCAN_JOB, null, { jobId: 'contest_suspicion_scan_startup' });
  await deps.jobs.schedule(SUSPICION_SCAN_JOB, 60 * 60_000);
  return [];
}
