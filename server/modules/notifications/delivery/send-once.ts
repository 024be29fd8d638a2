import { safeError } from './channels.js';

// The once-only send shared by deliveries and digests. The claim (a conditional UPDATE pending → sending) picks
// one sender among processes and retries; a failure before the last attempt puts the row back to pending and
// rethrows so the job queue retries with its backoff; the last failure ends as 'failed' with the error kept.

export type ClaimedSend<T extends { attempts: number }> = {
  label: string;
  claim: () => Promise<boolean>;
  /** Reads the row after the claim; undefined if it vanished. */
  load: () => Promise<T | undefined>;
  send: (row: T) => Promise<void>;
  finish: (status: 'sent' | 'failed' | 'pending', error: string | null) => Promise<void>;
  maxAttempts: number;
};

export async function sendOnce<T extends { attempts: number }>(
  s: ClaimedSend<T>,
): Promise<'sent' | 'skipped' | 'failed'> {
  if (!(await s.claim())) return 'skipped';
  const row = await s.load();
  if (!row) return 'skipped';
  try {
    await s.send(row);
  } catch (error) {
    const message = safeError(error);
    if (row.attempts >= s.maxAttempts) {
      await s.finish('failed', message);
      console.warn(`[notifications] ${s.label} failed after ${row.attempts} attempt(s): ${message}`);
      return 'failed';
    }
    await s.finish('pending', message);
    throw new Error(`${s.label}: ${message}`);
  }
  await s.finish('sent', null);
  return 'sent';
}
