import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { seedDemo } from '../../units/demo/demo-seed.js';
import { seedDemoContest } from './contest-demo-seed.js';

// The contest demo on the real demo province: the seed article's prize tables, sixty questions, a closed round
// with its prizes awarded by the tables and a round open today; participants marked as demo; runs once.

describe.each(testDialects())('contest demo on %s', (dialect) => {
  let t: TestApp;
  let lines: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-12-06T02:00:00.000Z' });
    await seedDemo(t.deps);
    await ensureKpiCatalogueOnStartup(t.deps);
    lines = await seedDemoContest(t.deps, { participants: 100 });
  }, 240_000);
  afterAll(async () => t.close());

  it('fills every contest screen and runs only once', async () => {
    expect(lines[0]).toMatch(/60 questions, 100 participants/);
    expect(await seedDemoContest(t.deps)).toEqual([]);
    const db = t.deps.db;
    const contest = await db.selectFrom('contests').selectAll().executeTakeFirstOrThrow();
    expect(contest).toMatchObject({ status: 'open', isDemo: 1 });
    expect(JSON.parse(contest.closedRoundsJson)).toEqual(['dot-1']);
    const prizes = await db
      .selectFrom('contestResults')
      .select(['groupKey', 'prize'])
      .where('roundKey', '=', 'dot-1')
      .where('prize', 'is not', null)
      .execute();
    const count = (g: string, tier: string) =>
      prizes.filter((p) => p.groupKey === g && p.prize === tier).length;
    expect(['first', 'second', 'third', 'consolation'].map((tier) => count('officials', tier))).toEqual([
      1, 3, 5, 10,
    ]);
    expect(['first', 'second', 'third', 'consolation'].map((tier) => count('citizens', tier))).toEqual([
      1, 5, 10, 15,
    ]);
    const collective = await db
      .selectFrom('contestCollective')
      .select('prize')
      .where('prize', 'is not', null)
      .execute();
    expect(collective.length).toBe(22);
    const open = await db
      .selectFrom('contestAttempts')
      .select('id')
      .where('roundKey', '=', 'dot-2')
      .execute();
    expect(open.length).toBeGreaterThan(5);
    // Item statistics and certificates have something to show: three winners' codes, each verifying.
    const codes = await db
      .selectFrom('contestCertificates')
      .select(['code', 'isDemo'])
      .orderBy('id')
      .execute();
    expect(codes.length).toBe(3);
    expect(codes.every((c) => c.isDemo === 1)).toBe(true);
    expect(lines[0]).toContain(`/?contest-certificate=${codes[0].code}`);
    const verified = await t.app.inject({ url: `/api/public/contest-certificates/${codes[0].code}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().prize).not.toBeNull();
    const participants = await db.selectFrom('contestParticipants').select(['isDemo', 'email']).execute();
    expect(participants.every((p) => p.isDemo === 1 && p.email === null)).toBe(true);
  });
});
