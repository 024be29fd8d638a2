import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicHome } from '../../../core/contracts/portal.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { seedDemoCommunity } from '../community/demo/community-demo-seed.js';
import { seedDemoContest } from '../contest/demo/contest-demo-seed.js';
import { seedDemoFeedback } from '../feedback/demo/feedback-demo-seed.js';
import { seedDemoKpis } from '../kpis/demo/kpi-demo-seed.js';
import { createKpiReader } from '../kpis/kpis.module.js';
import { seedDemoMeasure } from '../measure/demo/measure-demo-seed.js';
import { seedDemo } from '../units/demo/demo-seed.js';
import { PUBLIC_HEADLINE_KPIS, PUBLIC_HOME_RATE, PUBLIC_RANKING_TOP } from './portal.policy.js';

// The public home on the demo province, on both databases: anonymous, every figure equal to what its own module
// reports (the KPI summary, the published ranking, the contest list, the feedback statistics, the community
// roll-up), no person in it, cached until a source module changes and rate-limited per address.

const NOW = '2026-12-06T02:00:00.000Z';
const YEAR = 2026;

describe.each(testDialects())('Public home on %s', (dialect) => {
  let t: TestApp;
  let admin: LoggedIn;
  let province: number;
  let home: PublicHome;
  const get = (url: string, headers: Record<string, string> = {}, ip = '203.0.113.9') =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress: ip });

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: NOW });
    await seedDemo(t.deps);
    await seedDemoKpis(t.deps);
    await seedDemoMeasure(t.deps);
    await seedDemoFeedback(t.deps);
    await seedDemoCommunity(t.deps);
    await seedDemoContest(t.deps, { participants: 12 });
    const root = await t.deps.db
      .selectFrom('units')
      .select('id')
      .where('parentId', 'is', null)
      .orderBy('structureId', 'desc')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    province = root.id;
    admin = await loginAs(t, { role: 'admin', unitId: province });
    const res = await get('/api/public/home');
    expect(res.statusCode, res.body).toBe(200);
    home = res.json();
  }, 300_000);
  afterAll(async () => t?.close());

  it('answers anyone, with a short shared cache', async () => {
    const res = await get('/api/public/home');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    expect(res.headers['content-type']).toContain('application/json');
  });

  it("shows the headline KPIs exactly as the KPI module's summary of the province for the year", async () => {
    const summary = await get(`/api/kpis/summary?unitId=${province}&period=${YEAR}`, admin.headers);
    expect(summary.statusCode, summary.body).toBe(200);
    const items = summary.json().items as {
      kpi: { code: string };
      value: number | null;
      subtreeValue: number | null;
      target: number | null;
    }[];
    expect(home.figures.length).toBeGreaterThanOrEqual(6);
    expect(home.figures.map((f) => f.code)).toEqual(
      PUBLIC_HEADLINE_KPIS.filter((c) => home.figures.some((f) => f.code === c)),
    );
    // The commune-level signature rate is not the province's own and not on its summary: the communes' figures
    // (each read by the KPI module's reader, the one Measure uses) summed part by part.
    const communeSig = home.figures.find((f) => f.code === 'DIGSIG_RATE_COMMUNE');
    expect(communeSig?.unitsReporting).toBeGreaterThan(1);
    const reader = createKpiReader(t.deps);
    const communes = await t.deps.db
      .selectFrom('unitClosure as c')
      .innerJoin('units as u', 'u.id', 'c.descendantId')
      .select('u.id')
      .where('c.ancestorId', '=', province)
      .where('c.viaLineage', '=', 0)
      .execute();
    let num = 0;
    let den = 0;
    let reporting = 0;
    for (const u of communes) {
      const v = await reader.getKpiValue(u.id, 'DIGSIG_RATE_COMMUNE', String(YEAR));
      if (!v) continue;
      num += v.numerator ?? 0;
      den += v.denominator ?? 0;
      reporting += 1;
    }
    expect(communeSig?.unitsReporting).toBe(reporting);
    expect(communeSig?.value).toBeCloseTo((num / den) * 100, 9);
    for (const f of home.figures.filter((x) => x.code !== 'DIGSIG_RATE_COMMUNE')) {
      const item = items.find((i) => i.kpi.code === f.code);
      expect(item, f.code).toBeDefined();
      expect(f.value, f.code).toBe(item?.value ?? item?.subtreeValue);
      expect(f.target, f.code).toBe(item?.target);
      expect(f.year).toBe(YEAR);
      expect(f.asOf).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(f.asOf <= '2026-12-31').toBe(true);
      expect(['api', 'dhis2', 'xlsx', 'manual', 'computed']).toContain(f.source);
    }
  });

  it('shows the top of the latest published ranking as its public page does', async () => {
    const periods = (await get('/api/public/measure/periods')).json() as { id: number; name: string }[];
    expect(periods.length).toBeGreaterThan(0);
    expect(home.ranking?.periodId).toBe(periods[0].id);
    expect(home.ranking?.link).toBe(`/?ranking=${periods[0].id}`);
    const page = (
      await get(`/api/public/measure/periods/${periods[0].id}/ranking?limit=${PUBLIC_RANKING_TOP}`)
    ).json();
    expect(home.ranking?.unitCount).toBe(page.unitCount);
    expect(home.ranking?.top).toEqual(
      page.units.map(
        (u: {
          rank: number;
          unitId: number;
          unitName: string;
          value: number;
          band: { name: string } | null;
        }) => ({
          rank: u.rank,
          unitId: u.unitId,
          unitName: u.unitName,
          value: u.value,
          band: u.band?.name ?? null,
        }),
      ),
    );
  });

  it("counts the open contests' participants as the contest module does, with their public links", async () => {
    const list = await get('/api/contest/contests', admin.headers);
    expect(list.statusCode, list.body).toBe(200);
    const open = (
      list.json().items as { slug: string; title: string; status: string; counts: { participants: number } }[]
    ).filter((c) => c.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(home.contests.open.map((c) => c.slug).sort()).toEqual(open.map((c) => c.slug).sort());
    for (const c of open) {
      const shown = home.contests.open.find((x) => x.slug === c.slug);
      expect(shown?.participants).toBe(c.counts.participants);
      expect(shown?.link).toBe(`/?contest=${c.slug}`);
    }
  });

  it("sums the feedback module's public statistics for the year", async () => {
    const stats = (await get(`/api/public/feedback/stats?year=${YEAR}`)).json() as {
      units: { received: number; answered: number; onTime: number }[];
    };
    const sum = (k: 'received' | 'answered' | 'onTime') => stats.units.reduce((s, u) => s + u[k], 0);
    expect(home.feedback).toMatchObject({
      year: YEAR,
      received: sum('received'),
      answered: sum('answered'),
      onTime: sum('onTime'),
      link: '/?feedback',
    });
    expect(home.feedback.received).toBeGreaterThan(0);
    expect(home.feedback.onTimeRate).toBe(Math.round((sum('onTime') / sum('answered')) * 1000) / 1000);
  });

  it("counts community teams and activities as the province's roll-up does; the finder's communes come apart", async () => {
    const rollup = await get(`/api/community/rollup?unitId=${province}&year=${YEAR}`, admin.headers);
    expect(rollup.statusCode, rollup.body).toBe(200);
    const totals = rollup.json().totals as { teams: number; sessions: number; people: number };
    expect(home.community).toMatchObject({
      year: YEAR,
      teams: totals.teams,
      activities: totals.sessions,
      peopleReached: totals.people,
      link: '/?community',
    });
    expect(home.community.teams).toBeGreaterThan(0);
    // The picker's communes (thousands for a country) are not in the home's answer: the page reads the public
    // communes list once its figures are up.
    expect(home.community).not.toHaveProperty('communes');
    const communes = (await get('/api/public/community/communes')).json().items;
    expect(communes.length).toBeGreaterThan(0);
  });

  it('carries no personal data: no phone, CCCD, e-mail or name of a team member or contestant', async () => {
    const text = (await get('/api/public/home')).body;
    expect(text).not.toMatch(/(?<!\d)0\d{9}(?!\d)/);
    expect(text).not.toMatch(/(?<!\d)\d{12}(?!\d)/);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/\*{3}/);
    const people = await t.deps.db.selectFrom('communityPeople').select('fullName').execute();
    const contestants = await t.deps.db.selectFrom('contestParticipants').select('fullName').execute();
    expect(people.length + contestants.length).toBeGreaterThan(0);
    for (const p of [...people, ...contestants]) expect(text).not.toContain(p.fullName);
  });

  it('serves one computed answer until a source module changes, then computes again', async () => {
    const first = (await get('/api/public/home')).json().generatedAt;
    t.clock.advance(5_000);
    expect((await get('/api/public/home')).json().generatedAt).toBe(first);
    // Any write to a source table bumps its revision counter (a trigger); here the counter itself.
    await t.deps.db
      .updateTable('dataRevisions')
      .set((e) => ({ revision: e('revision', '+', 1) }))
      .where('name', '=', 'kpi_values')
      .execute();
    expect((await get('/api/public/home')).json().generatedAt).not.toBe(first);
  });

  it('tells an address that asks too often to wait (problem+json, Retry-After), and only that address', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < PUBLIC_HOME_RATE.max; i++)
      expect((await get('/api/public/home', {}, ip)).statusCode).toBe(200);
    const limited = await get('/api/public/home', {}, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get('/api/public/home', {}, '198.51.100.78')).statusCode).toBe(200);
  });
});
