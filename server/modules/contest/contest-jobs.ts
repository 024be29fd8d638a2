import type { Deps } from '../../deps.js';

// The hourly job that reminds organisers once when an attempt round of an open contest has ended and its
// results are waiting to be closed (the idempotency key makes it once across processes and restarts).

export const ROUND_REMINDER_JOB = 'contest.round_reminders';

export async function startContestJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(ROUND_REMINDER_JOB, null, { jobId: 'contest_round_reminders_startup' });
  await deps.jobs.schedule(ROUND_REMINDER_JOB, 60 * 60_000);
  return [];
}
