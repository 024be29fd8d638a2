import { describe, expect, it } from 'vitest';
import type { Participation } from '../../../../core/contracts/contest.js';
import type { ContestRow } from '../contest.repository.js';
import { createParticipationCache, PARTICIPATION_LIVE_MS } from './participation.js';

// The dashboard's cache: one computation for concurrent screens, a new one as soon as the contest's revision
// or its row moves, and at most PARTICIPATION_LIVE_MS of reuse while only attempts change.

const contest = (over: Partial<ContestRow> = {}) =>
  ({ id: 1, updatedAt: 'u1', closedRoundsJson: '[]', ...over }) as ContestRow;

function setup() {
  let revision = 'contest:1';
  let t = 0;
  let computed = 0;
  let fail = false;
  const cache = createParticipationCache(
    async () => revision,
    async (c) => {
      computed++;
      if (fail) throw new Error('down');
      return { asOf: `${c.id}:${computed}` } as unknown as Participation;
    },
    () => t,
  );
  return {
    cache,
    computed: () => computed,
    setRevision: (r: string) => {
      revision = r;
    },
    advance: (ms: number) => {
      t += ms;
    },
    setFail: (f: boolean) => {
      fail = f;
    },
  };
}

describe('participation cache', () => {
  it('computes once for concurrent callers and reuses the answer while nothing moved', async () => {
    const s = setup();
    const [a, b, c] = await Promise.all([s.cache(contest()), s.cache(contest()), s.cache(contest())]);
    expect(s.computed()).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    s.advance(PARTICIPATION_LIVE_MS - 1);
    await s.cache(contest());
    expect(s.computed()).toBe(1);
  });

  it('computes again when the revision or the contest row moves, or the entry is too old', async () => {
    const s = setup();
    await s.cache(contest());
    s.setRevision('contest:2');
    expect((await s.cache(contest())).asOf).toBe('1:2');
    expect((await s.cache(contest({ closedRoundsJson: '["d1"]' }))).asOf).toBe('1:3');
    expect((await s.cache(contest({ closedRoundsJson: '["d1"]', updatedAt: 'u2' }))).asOf).toBe('1:4');
    s.advance(PARTICIPATION_LIVE_MS);
    expect((await s.cache(contest({ closedRoundsJson: '["d1"]', updatedAt: 'u2' }))).asOf).toBe('1:5');
    expect((await s.cache(contest({ id: 2 }))).asOf).toBe('2:6');
  });

  it('keeps no failed computation', async () => {
    const s = setup();
    s.setFail(true);
    await expect(s.cache(contest())).rejects.toThrow('down');
    s.setFail(false);
    expect((await s.cache(contest())).asOf).toBe('1:2');
  });
});
