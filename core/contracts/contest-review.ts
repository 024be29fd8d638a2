import { z } from 'zod';
import { SUSPICION_KINDS } from '../contest/suspicion.js';

// Contest suspicion review (organisers, contest.manage): the flags the background job found, with their
// evidence (hashed IP blocks and devices, never a raw address), and the organiser's review of each.

export const FLAG_STATUSES = ['open', 'cleared', 'confirmed'] as const;

export const ContestFlagSchema = z.object({
  id: z.number(),
  kind: z.enum(SUSPICION_KINDS),
  roundKey: z.string().nullable(),
  participants: z.array(z.object({ id: z.number(), fullName: z.string(), unitName: z.string().nullable() })),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(FLAG_STATUSES),
  note: z.string().nullable(),
  excludeFromPrizes: z.boolean(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ContestFlag = z.infer<typeof ContestFlagSchema>;

export const ContestFlagListSchema = z.object({
  items: z.array(ContestFlagSchema),
  counts: z.object({ open: z.number(), cleared: z.number(), confirmed: z.number() }),
});
export type ContestFlagList = z.infer<typeof ContestFlagListSchema>;

export const ContestFlagQuerySchema = z.object({ status: z.enum(FLAG_STATUSES).optional() });
export const ContestFlagParamsSchema = z.object({
  flagId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const ContestFlagReviewSchema = z.strictObject({
  decision: z.enum(['cleared', 'confirmed']),
  note: z.string().trim().min(3).max(1000),
  /** Only with `confirmed`: the flag's people get no prize (an explicit organiser action, never automatic). */
  excludeFromPrizes: z.boolean().default(false),
});
export type ContestFlagReview = z.infer<typeof ContestFlagReviewSchema>;
