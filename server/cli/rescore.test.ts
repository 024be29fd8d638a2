import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LoggedIn, loginAs } from '../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { testDialects } from '../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../test/helpers/unit-fixtures.js';
import { caller, createOpenPeriod, FULL_VALUES } from '../modules/measure/measure-test-fixtures.js';
import { runRescore } from './rescore.js';

// `npx dxboard rescore` as an operator runs it after values changed behind the application's back.
describe.each(testDialects())('rescore CLI on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let officer: LoggedIn;
  let periodId: number;
  const out: string[] = [];
  const err: string[] = [];
  const contributions = () =>
    t.deps.db
      .selectFrom('measureComponentScores')
      .select(['submissionId', 'componentCode', 'points', 'applicableMax'])
      .where('periodId', '=', periodId)
      .orderBy('componentCode')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    t.clock.set('2026-03-31T16:00:00.000Z');
    const secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officer = await loginAs(t, { role: 'officer', unitId: units.communeA });
    ({ periodId } = await createOpenPeriod(t, secretariat, units.province));
    const saved = await caller(t)(
      officer,
      'PUT',
      `/api/measure/periods/${periodId}/units/${units.communeA}/submission/values`,
      { values: FULL_VALUES },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    vi.spyOn(console, 'info').mockImplementation((...a) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  });
  afterEach(() => {
    out.length = 0;
    err.length = 0;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  it('rewrites one period’s stored scores from the values, whatever was done to them', async () => {
    const good = await contributions();
    expect(good.length).toBe(4);
    await t.deps.db.updateTable('measureComponentScores').set({ points: 999 }).execute();
    expect(await runRescore(['--period', String(periodId)], t.deps)).toBe(0);
    expect(await contributions()).toEqual(good);
    expect(out.join('\n')).toMatch(new RegExp(`Period ${periodId} \\(.+\\): 1 submissions re-scored`));
  });

  it('rescores every period without --period', async () => {
    await t.deps.db.deleteFrom('measureComponentScores').execute();
    expect(await runRescore([], t.deps)).toBe(0);
    expect((await contributions()).length).toBe(4);
  });

  it('refuses a bad or unknown period id, and unknown options', async () => {
    expect(await runRescore(['--period', 'abc'], t.deps)).toBe(2);
    expect(await runRescore(['--period', '999999'], t.deps)).toBe(1);
    expect(err.join('\n')).toContain('Period 999999 not found');
    expect(await runRescore(['--all'], t.deps)).toBe(2);
  });
});
