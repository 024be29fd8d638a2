import { z } from 'zod';
import { ITEM_FLAGS } from '../contest/item-stats.js';
import { PRIZE_TIERS } from './contest.js';

// Contest outputs for organisers and the public (issue 13): item statistics of a closed round and
// certificates verified by their code (participation by block and its laggards are in contest.ts).

export const ItemStatsQuerySchema = z.object({ round: z.string().trim().min(1).max(32) });

export const ItemStatRowSchema = z.object({
  questionId: z.number(),
  text: z.string(),
  kind: z.enum(['single', 'multiple']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  responses: z.number(),
  correctCount: z.number(),
  facility: z.number().nullable(),
  discrimination: z.number().nullable(),
  blank: z.number(),
  options: z.array(z.object({ text: z.string(), correct: z.boolean(), count: z.number() })),
  flags: z.array(z.enum(ITEM_FLAGS)),
  unusedDistractors: z.array(z.number()),
  strongDistractors: z.array(z.number()),
});
export type ItemStatRow = z.infer<typeof ItemStatRowSchema>;

export const ItemStatsSchema = z.object({
  contestId: z.number(),
  roundKey: z.string(),
  roundName: z.string(),
  /** False until the round's results are closed: no figures yet. */
  closed: z.boolean(),
  /** Submitted attempts the figures come from. */
  attempts: z.number(),
  computedAt: z.string(),
  items: z.array(ItemStatRowSchema),
});
export type ItemStats = z.infer<typeof ItemStatsSchema>;

export const CertificateParamsSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/),
});
export const CertificateQuerySchema = z.object({ round: z.string().trim().min(1).max(32) });

/** What the public verify page shows: the holder's name masked as on every public view. */
export const ContestCertificateSchema = z.object({
  valid: z.literal(true),
  code: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  contest: z.string(),
  contestSlug: z.string(),
  round: z.string(),
  group: z.string(),
  rank: z.number(),
  prize: z.enum(PRIZE_TIERS).nullable(),
  kind: z.enum(['prize', 'participation']),
  issuedAt: z.string(),
});
export type ContestCertificate = z.infer<typeof ContestCertificateSchema>;

/** The certificates a participant may download (on the public results page). */
export const MyCertificatesSchema = z.object({
  items: z.array(
    z.object({
      roundKey: z.string(),
      round: z.string(),
      rank: z.number(),
      prize: z.enum(PRIZE_TIERS).nullable(),
      kind: z.enum(['prize', 'participation']),
    }),
  ),
});
