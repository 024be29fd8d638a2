import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type ContestScenario, contestConfig, contestScenario } from '../contest-test-fixtures.js';

// contest_results rows point at a contest, a participant and an attempt. SQLite keeps foreign keys for that; on
// PostgreSQL triggers replaced them (migration 2026-12-07-1300, docs/decisions/0006): either way, deleting a row
// a result still points at is refused, and allowed once the result is gone. Each result below points at a row
// nothing else references, so the refusal can only come from the results' guard.

describe.each(testDialects())('contest results keep their rows on %s', (dialect) => {
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
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  }

  it('refuses deleting a contest, participant or attempt a result points at, allows it once unreferenced', async () => {
    const db = s.t.deps.db;
    const [contestId, bareContestId] = [await newContest('guard-a'), await newContest('guard-b')];
    const person = (tokenHash: string) =>
      db
        .insertInto('contestParticipants')
        .values({
          contestId,
          groupKey: 'officials',
          fullName: tokenHash,
          unitId: s.tree.communeA,
          tokenHash,
          verified: 1,
          createdAt: '2026-03-02T01:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const [withAttempt, withoutAttempt] = [await person('guard-1'), await person('guard-2')];
    const { id: attemptId } = await db
      .insertInto('contestAttempts')
      .values({
        contestId,
        participantId: withAttempt,
        roundKey: 'd1',
        seq: 1,
        seed: 'x',
        drawJson: '[]',
        status: 'submitted',
        startedAt: '2026-03-02T01:00:00.000Z',
        deadlineAt: '2026-03-02T01:10:00.000Z',
        total: 4,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = (over: { contestId: number; participantId: number }) =>
      db
        .insertInto('contestResults')
        .values({ roundKey: 'd1', groupKey: 'officials', attemptId, rank: 1, ...over })
        .execute();
    await result({ contestId, participantId: withoutAttempt });
    await result({ contestId: bareContestId, participantId: withAttempt });

    const refused = /foreign key|referenced|constraint/i;
    await expect(db.deleteFrom('contestAttempts').where('id', '=', attemptId).execute()).rejects.toThrow(
      refused,
    );
    await expect(
      db.deleteFrom('contestParticipants').where('id', '=', withoutAttempt).execute(),
    ).rejects.toThrow(refused);
    await expect(db.deleteFrom('contests').where('id', '=', bareContestId).execute()).rejects.toThrow(
      refused,
    );
    // Nothing was deleted.
    expect(
      await db.selectFrom('contestAttempts').select('id').where('id', '=', attemptId).executeTakeFirst(),
    ).toBeDefined();
    expect(
      await db.selectFrom('contests').select('id').where('id', '=', bareContestId).executeTakeFirst(),
    ).toBeDefined();

    await db.deleteFrom('contestResults').where('attemptId', '=', attemptId).execute();
    await db.deleteFrom('contests').where('id', '=', bareContestId).execute();
    await db.deleteFrom('contestParticipants').where('id', '=', withoutAttempt).execute();
    await db.deleteFrom('contestAttempts').where('id', '=', attemptId).execute();
    expect(
      await db.selectFrom('contestAttempts').select('id').where('id', '=', attemptId).executeTakeFirst(),
    ).toBeUndefined();
  });
});
