import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createContestRepository } from '../contest.repository.js';
import { type ContestScenario, contestConfig, contestScenario } from '../contest-test-fixtures.js';

// The participation counts (per unit, per group) the database computes, against the same counts made one by
// one in JS over random participants and attempts (people without attempts, several attempts, no unit, and a
// second contest's rows that must not count).

describe.each(testDialects())('participation counts on %s', (dialect) => {
  let s: ContestScenario;
  beforeAll(async () => {
    s = await contestScenario(dialect);
  });
  afterAll(() => s.t.close());

  async function newContest(slug: string) {
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: { unitId: s.tree.province, title: slug, slug, config: contestConfig(s) },
    });
    return res.json().id as number;
  }

  it('match a count made participant by participant', async () => {
    const db = s.t.deps.db;
    const [contestId, otherId] = [await newContest('counts-a'), await newContest('counts-b')];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const units = [s.tree.communeA, s.tree.communeB, s.tree.department, null];
    const people: {
      id: number;
      contestId: number;
      unitId: number | null;
      groupKey: string;
      attempts: number;
    }[] = [];
    for (let i = 0; i < 60; i++) {
      const c = i % 5 === 0 ? otherId : contestId;
      const unitId = units[rand(4)];
      const groupKey = rand(2) ? 'officials' : 'citizens';
      const { id } = await db
        .insertInto('contestParticipants')
        .values({
          contestId: c,
          groupKey,
          fullName: `P${i}`,
          unitId,
          tokenHash: `counts-${i}`,
          verified: 1,
          createdAt: '2026-03-02T01:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const attempts = rand(4);
      for (let k = 1; k <= attempts; k++)
        await db
          .insertInto('contestAttempts')
          .values({
            contestId: c,
            participantId: id,
            roundKey: 'd1',
            seq: k,
            seed: 'x',
            drawJson: '[]',
            status: k % 2 ? 'submitted' : 'open',
            startedAt: '2026-03-02T01:00:00.000Z',
            deadlineAt: '2026-03-02T01:10:00.000Z',
            total: 4,
          })
          .execute();
      people.push({ id, contestId: c, unitId, groupKey, attempts });
    }
    const mine = people.filter((p) => p.contestId === contestId);
    const tally = (key: (p: (typeof mine)[number]) => string | number | null) => {
      const out = new Map<string | number | null, { participants: number; attempts: number }>();
      for (const p of mine) {
        const t = out.get(key(p)) ?? { participants: 0, attempts: 0 };
        out.set(key(p), { participants: t.participants + 1, attempts: t.attempts + p.attempts });
      }
      return out;
    };
    const repo = createContestRepository(db);
    const byUnit = new Map(
      (await repo.participationByUnit(contestId)).map((r) => [
        r.unitId,
        { participants: Number(r.participants), attempts: Number(r.attempts) },
      ]),
    );
    const expectedUnits = tally((p) => p.unitId);
    expectedUnits.delete(null);
    expect(byUnit).toEqual(expectedUnits);
    const byGroup = new Map(
      (await repo.participationByGroup(contestId)).map((r) => [
        r.groupKey,
        { participants: Number(r.participants), attempts: Number(r.attempts) },
      ]),
    );
    expect(byGroup).toEqual(tally((p) => p.groupKey));
  });
});
