import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';

// The dashboard's routes on a small tree: bad input is a 400 naming the field, no session a 401, an area outside
// the caller's scope (or unknown) a 403, an officer (no dashboard.read) a 403; a leader of a commune sees his
// commune by default, an empty area shows empty sections rather than failing.

describe.each(testDialects())('dashboard routes on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let leader: LoggedIn;
  let communeLeader: LoggedIn;
  let officer: LoggedIn;
  const get = (who: LoggedIn | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-06-15T02:00:00.000Z' });
    tree = await createUnitTree(t.deps.db);
    await ensureKpiCatalogueOnStartup(t.deps);
    [leader, communeLeader, officer] = await Promise.all([
      loginAs(t, { role: 'leader', unitId: tree.province }),
      loginAs(t, { role: 'leader', unitId: tree.communeA }),
      loginAs(t, { role: 'officer', unitId: tree.province }),
    ]);
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuses bad input with 400 and the field', async () => {
    for (const [query, field] of [
      ['unitId=0', 'unitId'],
      ['unitId=abc', 'unitId'],
      ['unitId=99999999999', 'unitId'],
      ['unitKind=village', 'unitKind'],
      ['asOf=2026-02-30', 'asOf'],
      ['asOf=yesterday', 'asOf'],
      // Dates the calendar arithmetic cannot take (found by the route fuzzer: 500 before).
      ['asOf=0000-01-01', 'asOf'],
      ['asOf=9999-12-31', 'asOf'],
      ['other=1', ''],
    ]) {
      const res = await get(leader, `/api/dashboard?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(res.json().errors), query).toContain(field);
    }
    expect((await get(leader, '/api/dashboard/briefing.pdf?unitKind=x')).statusCode).toBe(400);
  });

  it('answers for the earliest as-of dates it accepts, with the trend starting in 2000', async () => {
    for (const asOf of ['2000-01-01', '2000-02-29', '2000-09-30']) {
      const res = await get(leader, `/api/dashboard?unitId=${tree.province}&asOf=${asOf}`);
      expect(res.statusCode, asOf).toBe(200);
      for (const k of res.json().kpis as { trend: { period: string }[] }[])
        for (const t of k.trend) expect(t.period.startsWith('2000-'), asOf).toBe(true);
      const pdf = await get(leader, `/api/dashboard/briefing.pdf?unitId=${tree.province}&asOf=${asOf}`);
      expect(pdf.statusCode, asOf).toBe(200);
    }
  });

  it('answers 401 without a session and 403 outside the scope, for an unknown area or without dashboard.read', async () => {
    expect((await get(null, `/api/dashboard?unitId=${tree.province}`)).statusCode).toBe(401);
    expect((await get(null, `/api/dashboard/briefing.docx?unitId=${tree.province}`)).statusCode).toBe(401);
    expect((await get(communeLeader, `/api/dashboard?unitId=${tree.province}`)).statusCode).toBe(403);
    expect((await get(communeLeader, `/api/dashboard?unitId=${tree.communeB}`)).statusCode).toBe(403);
    expect((await get(communeLeader, `/api/dashboard/briefing.pdf?unitId=${tree.communeB}`)).statusCode).toBe(
      403,
    );
    expect((await get(leader, '/api/dashboard?unitId=2000000000')).statusCode).toBe(403);
    expect((await get(officer, `/api/dashboard?unitId=${tree.province}`)).statusCode).toBe(403);
    expect((await get(officer, '/api/dashboard')).statusCode).toBe(403);
  });

  it("shows the caller's own area by default, with empty sections where nothing is recorded yet", async () => {
    const res = await get(communeLeader, '/api/dashboard');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.scope).toMatchObject({ unitId: tree.communeA, unitKind: 'all' });
    expect(d.asOf).toBe('2026-06-15');
    expect(d.compareTo).toBe('2026-05-16');
    expect(d.measure).toEqual({ ranking: null, progress: null });
    expect(d.contest).toBeNull();
    expect(d.feedback).toBeNull();
    expect(d.steer).toMatchObject({ total: 0 });
    for (const k of d.kpis) expect(k.value).toBeNull();
    const inside = await get(leader, `/api/dashboard?unitId=${tree.communeA}&unitKind=commune`);
    expect(inside.statusCode).toBe(200);
    expect(inside.json().scope.unitKind).toBe('commune');
  });
});
