import { z } from 'zod';

// The appraiser's work queue (/api/measure/appraisal-queue): submissions in the caller's appraisal scope that
// wait for someone, across the periods still being appraised. Dates are 'YYYY-MM-DD', instants ISO UTC.

/** waiting: submitted for the first time; returned: sent back, the unit owes a correction; resubmitted: sent in
 * again after a return (or a reopening). */
export const APPRAISAL_STAGES = ['waiting', 'returned', 'resubmitted'] as const;
export type AppraisalStage = (typeof APPRAISAL_STAGES)[number];

export const AppraisalQueueItemSchema = z.object({
  periodId: z.number(),
  periodName: z.string(),
  /** The period's due date for submissions. */
  dueOn: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  stage: z.enum(APPRAISAL_STAGES),
  /** How many times the unit has submitted. */
  round: z.number(),
  submittedAt: z.string().nullable(),
  /** When it was returned (the submission's last change), for a returned one. */
  returnedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
});
export type AppraisalQueueItem = z.infer<typeof AppraisalQueueItemSchema>;

export const AppraisalQueueSchema = z.object({
  counts: z.object({ waiting: z.number(), returned: z.number(), resubmitted: z.number() }),
  items: z.array(AppraisalQueueItemSchema),
});
export type AppraisalQueue = z.infer<typeof AppraisalQueueSchema>;
