import { createHash, randomBytes } from 'node:crypto';
import { meetsDifficulty, powInput } from '../../../../core/feedback/pow.js';
import type { Clock } from '../../../lib/clock.js';
import type { PowGate } from '../feedback.types.js';
import type { FeedbackRepository } from '../shared/feedback.repository.js';

// The self-hosted proof-of-work check of Feedback's public form (core/feedback/pow.ts), offered to the other
// public forms (contest registration) through `createPowGate` in feedback.module.ts: a random challenge stored
// with its difficulty and a 10-minute expiry; a solution is accepted once (a conditional update), unexpired,
// and only if SHA-256("<challenge>:<nonce>") has the difficulty's leading zero bits.

const CHALLENGE_TTL_MS = 10 * 60_000;

export function createPowGateOn(deps: {
  repo: Pick<
    FeedbackRepository,
    'insertChallenge' | 'findChallenge' | 'consumeChallenge' | 'purgeChallenges'
  >;
  clock: Clock;
  difficulty: number;
}): PowGate {
  const { repo, clock, difficulty } = deps;
  return {
    async issue() {
      const now = clock.now();
      const challenge = randomBytes(18).toString('base64url');
      const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString();
      await repo.purgeChallenges(new Date(now.getTime() - 3600_000).toISOString());
      await repo.insertChallenge({ challenge, difficulty, expiresAt });
      return { challenge, difficulty, expiresAt };
    },
    async verify(pow) {
      if (!pow || typeof pow.challenge !== 'string' || typeof pow.nonce !== 'string') return false;
      const row = await repo.findChallenge(pow.challenge);
      if (!row) return false;
      const hash = createHash('sha256').update(powInput(pow.challenge, pow.nonce)).digest();
      return (
        meetsDifficulty(hash, row.difficulty) && repo.consumeChallenge(row.id, clock.now().toISOString())
      );
    },
  };
}
