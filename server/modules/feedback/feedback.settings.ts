import { z } from 'zod';
import type { FeedbackSettings } from './feedback.types.js';

// The Feedback module's settings, read once from the environment (docs/operations.md):
// FEEDBACK_BBOX "minLat,minLng,maxLat,maxLng" (a pin outside is refused; default: Vietnam's mainland and islands),
// FEEDBACK_POW_DIFFICULTY (leading zero bits of the public form's proof of work, 8–24, default 16),
// FEEDBACK_TILE_URL (the public map's tile server; empty: no map), FEEDBACK_LOG_PHONE_CODES (log one-time
// codes sent to phones when no SMS gateway is configured: default on outside production).

const Env = z.object({
  FEEDBACK_BBOX: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
    .default('8.1,102.1,23.4,117.9'),
  FEEDBACK_POW_DIFFICULTY: z.coerce.number().int().min(8).max(24).default(16),
  FEEDBACK_TILE_URL: z.string().max(300).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  FEEDBACK_LOG_PHONE_CODES: z.enum(['true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
});

export function feedbackSettings(env: Record<string, string | undefined> = process.env): FeedbackSettings {
  const e = Env.parse(env);
  const [minLat, minLng, maxLat, maxLng] = e.FEEDBACK_BBOX.split(',').map(Number);
  return {
    bbox: { minLat, minLng, maxLat, maxLng },
    powDifficulty: e.FEEDBACK_POW_DIFFICULTY,
    tileUrl: e.FEEDBACK_TILE_URL,
    logPhoneCodes: e.FEEDBACK_LOG_PHONE_CODES
      ? e.FEEDBACK_LOG_PHONE_CODES === 'true'
      : e.NODE_ENV !== 'production',
  };
}
