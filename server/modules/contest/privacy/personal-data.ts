import { createHash } from 'node:crypto';
import { z } from 'zod';
import { foldVietnamese } from '../../../../core/units/fold.js';
import type { FieldCipher } from '../../../lib/field-crypto.js';

// What the contest seals at rest (server/lib/field-crypto.ts binds each value to its column's name) and how long
// it keeps it: CONTEST_RETENTION_DAYS, days after a contest closes before its participants' CCCD and phone are
// erased by the daily job (default 365; 0 keeps them until an organiser deletes the contest).

export const PHONE_PURPOSE = 'contest_participants.phone';
export const CCCD_PURPOSE = 'contest_participants.cccd';

const Env = z.object({ CONTEST_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(365) });

export function contestRetentionDays(env: Record<string, string | undefined> = process.env): number {
  return Env.parse(env).CONTEST_RETENTION_DAYS;
}

// ── Uniqueness keys of a registration (contest_registration_keys) ──
// A unique registration field (CCCD, phone, email…) is kept as a keyed blind index of its folded value, never as
// the value nor a bare hash of it (server/lib/field-crypto.ts says why). A contest verified by single sign-on also
// keeps one for the identity provider's subject, so one citizen account registers once per contest.

/** The registration key of the citizen's single sign-on identity (issuer and subject, case kept). */
export const SSO_KEY_FIELD = 'sso';

/** What a unique field is indexed by: "Nguyễn Văn A" and "nguyen van a" are one registration. */
export const registrationKeyText = (value: unknown) => foldVietnamese(String(value));

export const ssoKeyText = (identity: { issuer: string; subject: string }) =>
  `${identity.issuer}\n${identity.subject}`;

/**
 * A field's index under the current key, and the forms an earlier row of the same value may have: under an
 * older key of the ring (until the privacy job rewrites it), or a bare SHA-256 (rows written before keyed
 * indexes). Registration looks for all of them before it inserts the current one.
 */
export function registrationIndexes(
  cipher: Pick<FieldCipher, 'blindIndexes'>,
  contestId: number,
  field: string,
  text: string,
): { current: string; older: string[] } {
  const [current, ...olderKeys] = cipher.blindIndexes(text, `${contestId}:${field}`);
  const legacy = createHash('sha256').update(`${contestId}:${field}:${text}`).digest('hex');
  return { current, older: [...olderKeys, legacy] };
}
