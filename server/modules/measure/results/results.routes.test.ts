import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import {
  type caller,
  createOpenPeriod,
  enterAndApprove as enterApproved,
  FULL_VALUES,
  measureScenario,
} from '../measure-test-fixtures.js';

describe.each(testDialects())('measure results routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let period1: number;
  let period2: number;
  let call: ReturnType<typeof caller>;
  const url = (periodId: number, rest: string) => `/api/measure/periods/${periodId}${rest}`;

  // The secretariat signs in again later (sessions expire), so the appraiser is read at each call.
  const enterAndApprove = (periodId: number, who: LoggedIn, unitId: number, values: object) =>
    enterApproved(t, { officer: who, appraiser: secretariat }, { periodId, unitId }, values);

  beforeAll(async () => {
    // Sessions expire after an idle hour, so the clock starts just before the due-date checks and only moves on.
    ({
      t,
      call,
      units,
      secretariat,
      officerA,
      officerB,
      periodId: period1,
    } = await measureScenario(dialect, {
      now: '2026-03-31T16:00:00.000Z',
      period: { year: 2025 },
    }));
  });
  afterAll(async () => t.close());

  it('answers 401 to anonymous staff routes and 404 on the public route before publishing', async () => {
    for (const [method, u] of [
      ['POST', url(period1, '/publish')],
      ['GET', url(period1, '/snapshots')],
      ['GET', url(period1, '/ranking')],
      ['GET', url(period1, `/units/${units.communeA}/profile`)],
      ['GET', url(period1, '/components/C1')],
      ['GET', url(period1, '/completion')],
    ] as const) {
      expect((await call(null, method, u)).statusCode, u).toBe(401);
    }
    expect((await call(null, 'GET', `/api/public/measure/periods/${period1}/ranking`)).statusCode).toBe(404);
    expect((await call(null, 'GET', '/api/public/measure/periods/abc/ranking')).statusCode).toBe(400);
  });

  it('tracks completion by Asia/Ho_Chi_Minh dates: late from the day after the due date there', async () => {
    await enterAndApprove(period1, officerA, units.communeA, FULL_VALUES);
    // 16:30 UTC on the due date is 23:30 in Vietnam: not late yet.
    t.clock.set('2026-03-31T16:30:00.000Z');
    const before = await call(secretariat, 'GET', url(period1, '/completion'));
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ today: '2026-03-31', dueOn: '2026-03-31' });
    expect(
      before
        .json()
        .units.map((u: { unitId: number; status: string; isLate: boolean; answered: number }) => [
          u.unitId,
          u.status,
          u.isLate,
          u.answered,
        ]),
    ).toEqual(
      expect.arrayContaining([
        [units.communeA, 'approved', false, 4],
        [units.communeB, 'not_started', false, 0],
      ]),
    );
    // 17:30 UTC on the due date is already 1 April in Vietnam.
    t.clock.set('2026-03-31T17:30:00.000Z');
    // An idle hour has passed: sign in again (same users).
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province, email: secretariat.email });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA, email: officerA.email });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB, email: officerB.email });
    const after = await call(secretariat, 'GET', url(period1, '/completion'));
    expect(after.json().today).toBe('2026-04-01');
    expect(after.json().counts).toMatchObject({ approved: 1, not_started: 1, late: 1 });
    expect((await call(officerA, 'GET', url(period1, '/completion'))).statusCode).toBe(403);
    expect((await call(secretariat, 'GET', url(999999, '/completion'))).statusCode).toBe(404);
  });

  it('shows a live ranking to staff only (403 for officers), and 400 on a bad query', async () => {
    await enterAndApprove(period1, officerB, units.communeB, {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'none' },
      C4: { notApplicable: true },
    });
    const live = await call(secretariat, 'GET', url(period1, '/ranking?source=live'));
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json().source).toBe('live');
    expect(
      live
        .json()
        .units.map((u: { unitId: number; value: number; rank: number }) => [u.unitId, u.value, u.rank]),
    ).toEqual([
      [units.communeA, 0.81, 1],
      [units.communeB, 0.75, 2],
    ]);
    expect((await call(officerA, 'GET', url(period1, '/ranking?source=live'))).statusCode).toBe(403);
    // Staff whose scope lies below the period's root (a commune's own secretariat) are not staff of it.
    const communeStaff = await loginAs(t, { role: 'secretariat', unitId: units.communeB });
    expect((await call(communeStaff, 'GET', url(period1, '/ranking?source=live'))).statusCode).toBe(403);
    expect((await call(officerA, 'GET', url(period1, '/ranking'))).statusCode).toBe(404);
    expect((await call(secretariat, 'GET', url(period1, '/ranking?source=other'))).statusCode).toBe(400);
  });

  it('publishes for managers only (403/409/201) and serves the snapshot to everyone', async () => {
    expect((await call(officerA, 'POST', url(period1, '/publish'))).statusCode).toBe(403);
    expect((await call(secretariat, 'POST', '/api/measure/periods/x/publish')).statusCode).toBe(400);
    const published = await call(secretariat, 'POST', url(period1, '/publish'));
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ periodId: period1, frameworkVersion: 1, unitCount: 2 });
    const officerView = await call(officerA, 'GET', url(period1, '/ranking'));
    expect(officerView.json()).toMatchObject({
      source: 'published',
      snapshotId: published.json().id,
      previousPeriodId: null,
    });
    const pub = await call(null, 'GET', `/api/public/measure/periods/${period1}/ranking`);
    expect(pub.json().units.map((u: { unitId: number; value: number }) => [u.unitId, u.value])).toEqual([
      [units.communeA, 0.81],
      [units.communeB, 0.75],
    ]);
    expect((await call(officerA, 'GET', url(period1, '/snapshots'))).statusCode).toBe(403);
    expect((await call(secretariat, 'GET', url(period1, '/snapshots'))).json()).toHaveLength(1);
  });

  it('sends the first ranking page compressed when asked (brotli, else gzip) and plain when not', async () => {
    const page = `/api/public/measure/periods/${period1}/ranking`;
    const get = (encoding?: string) =>
      t.app.inject({ url: page, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const plain = await get();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    expect((await get('identity')).headers['content-encoding']).toBeUndefined();
  });

  it('pages the ranking (limit, offset, peer group, folded name search, one unit) and refuses bad pages', async () => {
    const pub = (query: string) =>
      call(null, 'GET', `/api/public/measure/periods/${period1}/ranking${query}`);
    const ids = (res: { json: () => { units: { unitId: number }[] } }) =>
      res.json().units.map((u) => u.unitId);
    const first = await pub('?limit=1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ total: 2, unitCount: 2, limit: 1, offset: 0 });
    expect(ids(first)).toEqual([units.communeA]);
    expect(ids(await pub('?limit=1&offset=1'))).toEqual([units.communeB]);
    expect(ids(await pub('?offset=2'))).toEqual([]);
    // Folded search: no marks, any case.
    const search = await pub('?q=DAI%20phuc');
    expect(search.json()).toMatchObject({ total: 1, unitCount: 2 });
    expect(ids(search)).toEqual([units.communeB]);
    expect(ids(await pub(`?unitId=${units.communeB}`))).toEqual([units.communeB]);
    const group = first.json().units[0].peerGroup as string;
    const inGroup = await pub(`?peerGroup=${group}`);
    expect(inGroup.json().total).toBe(
      first.json().groups.find((g: { peerGroup: string }) => g.peerGroup === group).count,
    );
    expect((await pub('?peerGroup=nope')).json()).toMatchObject({ total: 0, units: [] });
    // The same page twice comes from the cache and is identical.
    expect((await pub('?limit=1')).body).toBe(first.body);
    expect(ids(await call(officerA, 'GET', url(period1, '/ranking?limit=1&offset=1')))).toEqual([
      units.communeB,
    ]);
    for (const bad of [
      '?limit=0',
      '?limit=501',
      '?offset=-1',
      '?limit=x',
      `?q=${'a'.repeat(101)}`,
      '?source=live',
    ]) {
      expect((await pub(bad)).statusCode, bad).toBe(400);
    }
    expect((await call(secretariat, 'GET', url(period1, '/ranking?limit=501'))).statusCode).toBe(400);
  });

  it('ranks a second period with the change since the first, and keeps a unit’s history', async () => {
    ({ periodId: period2 } = await createOpenPeriod(t, secretariat, units.province, {
      year: 2026,
      dueOn: '2026-12-31',
    }));
    const draft = await createOpenPeriod(t, secretariat, units.province, { year: 2027, open: false });
    expect((await call(secretariat, 'POST', url(draft.periodId, '/publish'))).statusCode).toBe(409);
    await enterAndApprove(period2, officerA, units.communeA, { ...FULL_VALUES, C1: { number: 4 } });
    await enterAndApprove(period2, officerB, units.communeB, {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'chair' },
      C4: { notApplicable: true },
    });
    expect((await call(secretariat, 'POST', url(period2, '/publish'))).statusCode).toBe(201);
    const ranking = await call(officerA, 'GET', url(period2, '/ranking'));
    expect(ranking.json().previousPeriodId).toBe(period1);
    // A: 20 + 36 + 10 + 20 = 86 → 0.86 (was 0.81, rank 1 → 2); B: 80 of 80 → 1 (was 0.75, rank 2 → 1).
    expect(
      ranking
        .json()
        .units.map((u: { unitId: number; value: number; rank: number; change: object }) => [
          u.unitId,
          u.value,
          u.rank,
          u.change,
        ]),
    ).toEqual([
      [units.communeB, 1, 1, { valueDelta: 0.25, rankDelta: 1 }],
      [units.communeA, 0.86, 2, { valueDelta: 0.05, rankDelta: -1 }],
    ]);
    const profile = await call(officerA, 'GET', url(period2, `/units/${units.communeA}/profile`));
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json()).toMatchObject({ source: 'published', result: { points: 86, rank: 2 } });
    expect(profile.json().strengths[0]).toEqual({ code: 'M1', value: 0.933333 });
    expect(profile.json().weaknesses[0]).toEqual({ code: 'M2', value: 0.75 });
    expect(
      profile.json().gains.map((g: { code: string; gainPoints: number }) => [g.code, g.gainPoints]),
    ).toEqual([
      ['C3', 10],
      ['C2', 4],
    ]);
    expect(
      profile
        .json()
        .history.map((h: { periodId: number; value: number; rank: number }) => [h.periodId, h.value, h.rank]),
    ).toEqual([
      [period1, 0.81, 1],
      [period2, 0.86, 2],
    ]);
    expect((await call(officerB, 'GET', url(period2, `/units/${units.communeA}/profile`))).statusCode).toBe(
      403,
    );
  });

  it('shows one component across units to staff (403 officers, 404 unknown code)', async () => {
    const view = await call(secretariat, 'GET', url(period2, '/components/C2'));
    expect(view.statusCode, view.body).toBe(200);
    expect(
      view
        .json()
        .units.map((u: { unitId: number; value: object; selfPoints: number }) => [
          u.unitId,
          u.value,
          u.selfPoints,
        ]),
    ).toEqual(
      expect.arrayContaining([
        [units.communeA, { numerator: 45, denominator: 50 }, 36],
        [units.communeB, { numerator: 50, denominator: 50 }, 40],
      ]),
    );
    expect((await call(officerA, 'GET', url(period2, '/components/C2'))).statusCode).toBe(403);
    expect((await call(secretariat, 'GET', url(period2, '/components/NOPE'))).statusCode).toBe(404);
  });
});
