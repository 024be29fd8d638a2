// Background work behind one small interface: in-process timers on a single machine, BullMQ on Redis
// when several app processes share the load. Handlers must be idempotent: both implementations retry
// a failed job, and BullMQ may run a job again after a crash.

export type JobInfo = { name: string; jobId: string; attempt: number };
export type JobHandler<P = unknown> = (payload: P, info: JobInfo) => Promise<void>;

export type EnqueueOptions = {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** A job with the same id that is still waiting or running is not added twice. */
  jobId?: string;
};

export type JobQueueOptions = {
  /** Total tries per job, the first included. */
  attempts?: number;
  /** First retry delay; each further retry doubles it. */
  backoffMs?: number;
  /** Called when a job has failed its last attempt. */
  onFailed?: (info: JobInfo, error: unknown) => void;
};

export interface JobQueue {
  registerHandler<P>(name: string, handler: JobHandler<P>): void;
  /** Returns the job's id. Payloads travel as JSON. */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** Enqueue `name` every `everyMs` milliseconds (once across all processes for BullMQ). */
  schedule(name: string, everyMs: number, payload?: unknown): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 5_000;

export function logJobFailure(info: JobInfo, error: unknown) {
  console.error(`[jobs] ${info.name} (${info.jobId}) failed after ${info.attempt} attempt(s):`, error);
}

/**
 * BullMQ ids may not contain ':' (its key separator) nor be integers; both queues apply the same rule
 * so a caller sees the same ids whichever queue runs.
 */
export function normaliseJobId(jobId: string): string {
  const safe = jobId.replaceAll(':', '_');
  return /^\d+$/.test(safe) ? `id_${safe}` : safe;
}

export function retryDelayMs(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** (attempt - 1);
}
