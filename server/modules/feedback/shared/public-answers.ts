import type { ComputedCache } from '../../../lib/computed-cache.js';
import { createBodyEncoder, createSingleFlight } from '../../../lib/computed-cache.js';

// Public answers (the public list of reports, Open311 `GET requests`) are the same for every caller, and a phone
// burst or an Open311 client polling asks the same pages again and again. They are kept in the computed cache
// (in-process, or Redis when REDIS_URL is set) under a key that names the query and the revision counters of
// the feedback and unit tables (data_revisions, bumped by triggers in the transaction of every write): the first
// request after any write, in any process, computes a fresh answer, so nothing shown is ever stale. A hit costs
// one small read (the revisions) and sends bytes encoded once.

/** Bounds memory and Redis only; correctness comes from the revisions in the key. */
const TTL_SECONDS = 600;

export type PublicAnswers = {
  /** The serialised answer under `key` (computed once per revision), as the UTF-8 bytes to send. */
  body(key: string, compute: () => Promise<string>): Promise<Buffer>;
};

export function createPublicAnswers(cache: ComputedCache, revisions: () => Promise<string>): PublicAnswers {
  const once = createSingleFlight(cache, TTL_SECONDS);
  const encode = createBodyEncoder(64);
  return {
    async body(key, compute) {
      const full = `${key}|${await revisions()}`;
      return encode(key, await once(full, compute));
    },
  };
}
