import { z } from 'zod';

// What the contest seals at rest (server/lib/field-crypto.ts binds each value to its column's name) and how long
// it keeps it: CONTEST_RETENTION_DAYS, days after a contest closes before its participants' CCCD and phone are
// erased by the daily job (default 365; 0 keeps them until an organiser deletes the contest).

export const PHONE_PURPOSE = 'contest_participants.phone';
export const CCCD_PURPOSE = 'contest_participants.cccd';

const Env = z.object({ CONTEST_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(365) });

export function contestRetentionDays(env: Record<string, string | undefined> = process.env): number {
  return Env.parse(env).CONTEST_RETENTION_DAYS;
}
