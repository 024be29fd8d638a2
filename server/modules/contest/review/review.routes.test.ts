import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createContestServices } from '../contest-services.js';
import {
  type ContestScenario,
  cccdOf,
  contestConfig,
  contestScenario,
  solvedPow,
} from '../contest-test-fixtures.js';

// The suspicion review on both databases: three people registering from one device in one IP block and a
// perfect paper in no time are flagged by the background scan (once, however often it runs), shown to the
// organiser with hashed evidence and never a raw address, cleared or confirmed with a note (audited); a
// confirmed flag excludes from prizes only when the organiser says so; another unit's staff get nothing.

describe.each(testDialects())('contest suspicion review on %s', (dialect) => {
  let s: ContestScenario;
  let contestId = 0;
  const slug = 'thi-nghi-van';
  beforeAll(async () => {
    s = await contestScenario(dialect);
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: { unitId: s.tree.province, title: 'Cuộc thi nghi vấn', slug, config: contestConfig(s) },
    });
    contestId = res.json().id;
    await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${contestId}/open`,
      headers: s.organiser.headers,
    });
  }, 60_000);
  afterAll(async () => s?.t.close());

  const pub = (method: string, url: string, ip: string, token?: string, payload?: unknown) =>
    s.t.app.inject({
      method: method as 'POST',
      url,
      remoteAddress: ip,
      headers: {
        'user-agent': 'Mozilla/5.0 (Linux; Android 10; K) Chrome/120 Mobile',
        'accept-language': 'vi-VN',
        ...(token ? { 'x-contest-token': token } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('flags off the hot path, once; shows hashed evidence; reviews with a note, audited', async () => {
    const tokens: string[] = [];
    for (const n of [11, 12, 13]) {
      const res = await pub('POST', `/api/public/contests/${slug}/register`, `203.0.113.${n}`, undefined, {
        groupKey: 'citizens',
        fullName: `Người thứ ${n}`,
        consent: true,
        cccd: cccdOf(),
        unitId: s.tree.communeA,
        pow: await solvedPow(s.t, slug),
      });
      expect(res.statusCode, res.body).toBe(201);
      tokens.push(res.json().token);
    }
    // A perfect paper submitted the instant it started (the test clock does not move).
    const started = (
      await pub('POST', `/api/public/contests/${slug}/attempts`, '203.0.113.11', tokens[0])
    ).json();
    const right = new Map(s.questions.map((q) => [q.id, q.correct]));
    const answers = Object.fromEntries(
      started.questions.map((q: { id: number }) => [String(q.id), [right.get(q.id) as number]]),
    );
    const submitted = await pub(
      'POST',
      `/api/public/contest-attempts/${started.id}/submit`,
      '203.0.113.11',
      tokens[0],
      { answers, prediction: 1 },
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Nothing is flagged on the play path itself.
    expect(await s.t.deps.db.selectFrom('contestFlags').select('id').execute()).toHaveLength(0);

    const services = createContestServices(s.t.deps);
    expect(await services.review.scanAll()).toBe(2);
    expect(await services.review.scanAll()).toBe(0);
    // Nothing new: the next run does not read the contest again (a flag removed by hand stays removed) …
    const removed = await s.t.deps.db
      .selectFrom('contestFlags')
      .select('id')
      .where('kind', '=', 'impossible_speed')
      .executeTakeFirstOrThrow();
    await s.t.deps.db.deleteFrom('contestFlags').where('id', '=', removed.id).execute();
    expect(await services.review.scanAll()).toBe(0);
    // … until someone registers: then the whole contest is judged again, and the flag comes back once.
    const late = await pub('POST', `/api/public/contests/${slug}/register`, '203.0.113.14', undefined, {
      groupKey: 'citizens',
      fullName: 'Người đến sau',
      consent: true,
      cccd: cccdOf(),
      unitId: s.tree.communeA,
      pow: await solvedPow(s.t, slug),
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(await services.review.scanAll()).toBe(1);
    expect(await services.review.scanAll()).toBe(0);

    const url = `/api/contest/contests/${contestId}/flags`;
    const outsider = await loginAs(s.t, { role: 'secretariat', unitId: s.tree.communeB });
    expect([403, 404]).toContain((await s.t.app.inject({ url, headers: outsider.headers })).statusCode);
    const list = await s.t.app.inject({ url, headers: s.organiser.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).not.toContain('203.0.113');
    const body = list.json();
    expect(body.counts).toEqual({ open: 2, cleared: 0, confirmed: 0 });
    const kinds = body.items.map((f: { kind: string }) => f.kind).sort();
    expect(kinds).toEqual(['impossible_speed', 'shared_device']);
    const device = body.items.find((f: { kind: string }) => f.kind === 'shared_device');
    expect(device.participants.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Người thứ 11',
      'Người thứ 12',
      'Người thứ 13',
    ]);
    expect(device.evidence).toMatchObject({ participants: 3 });
    expect(String(device.evidence.ipBlockHash)).toMatch(/^[0-9a-f]{16}$/);
    const speed = body.items.find((f: { kind: string }) => f.kind === 'impossible_speed');

    const review = (id: number, payload: unknown, headers = s.organiser.headers) =>
      s.t.app.inject({
        method: 'POST',
        url: `/api/contest/contest-flags/${id}/review`,
        headers,
        payload: payload as object,
      });
    expect((await review(speed.id, { decision: 'cleared', note: 'ok' })).statusCode).toBe(400);
    const excludeCleared = await review(speed.id, {
      decision: 'cleared',
      note: 'Đã gọi điện',
      excludeFromPrizes: true,
    });
    expect(excludeCleared.statusCode).toBe(400);
    expect(excludeCleared.json().errors[0]).toMatchObject({ field: 'body.excludeFromPrizes' });
    expect(
      (await review(speed.id, { decision: 'confirmed', note: 'Nộp bài 0 giây' }, outsider.headers))
        .statusCode,
    ).toBe(403);
    expect((await review(999_999, { decision: 'cleared', note: 'Không có' })).statusCode).toBe(404);

    const cleared = await review(device.id, {
      decision: 'cleared',
      note: 'Ba người cùng một nhà, dùng chung máy',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ status: 'cleared', excludeFromPrizes: false });
    // Confirming alone excludes nobody; the organiser's tick does.
    await review(speed.id, { decision: 'confirmed', note: 'Nộp bài trong 0 giây' });
    expect([...(await services.review.excludedFromPrizes(contestId))]).toEqual([]);
    const excluded = await review(speed.id, {
      decision: 'confirmed',
      note: 'Nộp bài trong 0 giây',
      excludeFromPrizes: true,
    });
    expect(excluded.json()).toMatchObject({ status: 'confirmed', excludeFromPrizes: true });
    expect([...(await services.review.excludedFromPrizes(contestId))]).toEqual([speed.participants[0].id]);

    // Closing the round: the excluded person keeps their rank but not the prize; the next person gets it.
    const second = (
      await pub('POST', `/api/public/contests/${slug}/attempts`, '198.51.100.7', tokens[1])
    ).json();
    const threeRight = Object.fromEntries(
      second.questions.map((q: { id: number }, i: number) => [
        String(q.id),
        [i === 0 ? ((right.get(q.id) as number) + 1) % 4 : (right.get(q.id) as number)],
      ]),
    );
    await pub('POST', `/api/public/contest-attempts/${second.id}/submit`, '198.51.100.7', tokens[1], {
      answers: threeRight,
      prediction: 1,
    });
    s.t.clock.advance(2 * 86_400_000);
    const organiser = await loginAs(s.t, { role: 'secretariat', unitId: s.tree.province });
    const closed = await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${contestId}/rounds/d1/close`,
      headers: organiser.headers,
    });
    s.t.clock.advance(-2 * 86_400_000);
    expect(closed.statusCode, closed.body).toBe(200);
    const citizens = closed
      .json()
      .rounds.find((r: { roundKey: string }) => r.roundKey === 'd1')
      .groups.find((g: { groupKey: string }) => g.groupKey === 'citizens');
    expect(
      citizens.rows.map((r: { rank: number; participantId: number; prize: string | null }) => [
        r.rank,
        r.participantId,
        r.prize,
      ]),
    ).toEqual([
      [1, speed.participants[0].id, null],
      [2, device.participants[1].id, 'first'],
    ]);

    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['afterJson', 'beforeJson'])
      .where('action', '=', 'contest.flag.review')
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[2].afterJson as string)).toMatchObject({
      status: 'confirmed',
      excludeFromPrizes: true,
    });
    expect(JSON.parse(audit[2].beforeJson as string)).toMatchObject({
      status: 'confirmed',
      excludeFromPrizes: false,
    });
    // The device hash is stored, the user agent is not.
    const stored = await s.t.deps.db.selectFrom('contestParticipants').select('deviceHash').execute();
    expect(stored.every((p) => /^[0-9a-f]{64}$/.test(String(p.deviceHash)))).toBe(true);
  });
});
