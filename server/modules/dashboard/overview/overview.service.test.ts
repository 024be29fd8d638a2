import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../core/contracts/dashboard.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { startupHooks } from '../../../startup.js';

// The acceptance test: on the whole demo (every module's seed, as `npm start` loads it) the leader's
// dashboard shows figures EQUAL to each module's own report for the same scope and date: the kpis summary, the
// published ranking and the open period's completion, Steer's leader dashboard and products register, the
// contest's participation, the feedback rates (kpis summary) and Community's roll-up. Then the unit-type filter
// keeps only that type of unit, and a past date moves every figure to that date.

const NOW = '2026-12-06T02:00:00.000Z';

/** The same figure (null for null), up to floating-point rounding of the roll-up order. */
function expectSame(got: number | null, want: number | null, label: string) {
  if (want === null) expect(got, label).toBeNull();
  else expect(got, label).toBeCloseTo(want, 9);
}
const ASOF = '2026-12-06';

describe.each(testDialects())('DX dashboard figures on %s', (dialect) => {
  let t: TestApp;
  let leader: LoggedIn;
  let province: number;
  let d: Dashboard;
  const get = async (path: string) => {
    const res = await t.app.inject({ method: 'GET', url: path, headers: leader.headers });
    expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: NOW });
    // Every demo seed (not the background jobs' schedulers): what `npm start` loads on first run.
    for (const hook of startupHooks.filter((h) => /^(seed|ensure)/.test(h.name)))
      await hook(t.deps, () => {});
    province = (
      await t.deps.db
        .selectFrom('units')
        .select('id')
        .where('parentId', 'is', null)
        .where('validTo', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    leader = await loginAs(t, { role: 'leader', unitId: province });
    d = await get(`/api/dashboard?unitId=${province}&asOf=${ASOF}`);
  }, 600_000);
  afterAll(async () => t?.close());

  it('shows the headline KPIs as the kpis module sums them up, with target, trend and source', async () => {
    expect(d.scope.unitId).toBe(province);
    expect(d.kpis.map((k) => k.code)).toEqual(
      expect.arrayContaining(['EDOC_SENT', 'DIGSIG_RATE_PROVINCE', 'ONLINE_PS_RATE', 'INTERNET_USERS_RATE']),
    );
    let compared = 0;
    for (const k of d.kpis) {
      expect(k.trend).toHaveLength(4);
      expect(k.value, k.code).not.toBeNull();
      expect(k.source).toBeTruthy();
      for (const p of k.trend) {
        const summary = await get(`/api/kpis/summary?unitId=${province}&period=${p.period}`);
        const item = summary.items.find((i: { kpi: { code: string } }) => i.kpi.code === k.code);
        if (!item) continue; // not applicable to a province (the commune-level rate): rolled up from communes
        expectSame(p.value, item.subtreeValue, `${k.code} ${p.period}`);
        if (p.period === k.period) {
          expect(k.value).toBe(item.subtreeValue);
          expect(k.target).toBe(item.target);
          expect(k.unitsReporting).toBe(item.subtreeUnitsReporting);
        }
        compared++;
      }
      if (k.lastMonth && k.previous) {
        for (const m of [k.lastMonth, k.previous]) {
          const summary = await get(`/api/kpis/summary?unitId=${province}&period=${m.period}`);
          const item = summary.items.find((i: { kpi: { code: string } }) => i.kpi.code === k.code);
          if (item) expectSame(m.value, item.subtreeValue, `${k.code} ${m.period}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("shows the published ranking and the open period's progress as Measure reports them", async () => {
    const ranking = d.measure?.ranking;
    expect(ranking).toBeTruthy();
    if (!ranking) return;
    const top = await get(`/api/measure/periods/${ranking.periodId}/ranking?source=published&limit=5`);
    expect(ranking.unitCount).toBe(top.total);
    expect(ranking.top.map((u) => [u.unitId, u.rank])).toEqual(
      top.units.map((u: { unitId: number; rank: number }) => [u.unitId, u.rank]),
    );
    const all = await get(`/api/measure/periods/${ranking.periodId}/ranking?source=published&limit=500`);
    const ranked = all.units.filter((u: { rank: number | null }) => u.rank !== null);
    expect(ranking.bottom.map((u) => u.unitId)).toEqual(
      ranked.slice(-5).map((u: { unitId: number }) => u.unitId),
    );
    const bands = new Map<string, number>();
    for (const u of ranked) if (u.band) bands.set(u.band.name, (bands.get(u.band.name) ?? 0) + 1);
    expect(Object.fromEntries(ranking.bands.map((b) => [b.name, b.count]))).toEqual(
      Object.fromEntries(bands),
    );
    const deltas = all.units.map((u: { change: { rankDelta: number | null } | null }) =>
      Math.abs(u.change?.rankDelta ?? 0),
    );
    expect(Math.abs(ranking.movers[0]?.rankDelta ?? 0)).toBe(Math.max(...deltas));

    const progress = d.measure?.progress;
    if (progress) {
      const completion = await get(`/api/measure/periods/${progress.periodId}/completion`);
      const counts = {
        not_started: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
        ...completion.counts,
      };
      expect(progress.counts).toEqual(
        Object.fromEntries(Object.keys(progress.counts).map((k) => [k, counts[k as keyof typeof counts]])),
      );
      expect(progress.unitCount).toBe(completion.units.length);
    }
  });

  it("shows tasks, key tasks overdue and units without a DX product as Steer's own pages do", async () => {
    const steer = await get(`/api/steer/dashboard?unitId=${province}&asOf=${ASOF}&periodType=month`);
    expect(d.steer?.split).toEqual(steer.totals.split);
    expect(d.steer?.total).toBe(steer.totals.total);
    expect(d.steer?.splitBefore).toEqual(steer.splitBefore);
    expect(d.steer?.completionRate).toBe(steer.totals.completionRate);
    expect(d.steer?.keyOverdue.map((o) => o.taskId)).toEqual(
      steer.keyOverdue.slice(0, 10).map((o: { taskId: number }) => o.taskId),
    );
    expect(d.steer?.total).toBeGreaterThan(0);
    const without = await get(`/api/steer/products/units-without?unitId=${province}&year=2026`);
    expect(d.steer?.withoutProduct.without).toBe(
      without.totals.department.without + without.totals.commune.without,
    );
    expect(d.steer?.withoutProduct.units).toBe(
      without.totals.department.units + without.totals.commune.units,
    );
  });

  it('shows the contest, feedback and community figures as their modules report them', async () => {
    expect(d.contest).toBeTruthy();
    const participation = await get(`/api/contest/contests/${d.contest?.contestId}/participation`);
    expect(d.contest?.byUnit).toEqual(
      participation.byUnit.map((u: Record<string, unknown>) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        participants: u.participants,
        headcount: u.headcount,
        rate: u.rate,
      })),
    );
    expect(d.contest?.participants).toBe(
      participation.byUnit.reduce((a: number, u: { participants: number }) => a + u.participants, 0),
    );

    expect(d.feedback).toBeTruthy();
    const summary = await get(`/api/kpis/summary?unitId=${province}&period=${d.feedback?.period}`);
    const rate = (code: string) => {
      const v = summary.items.find((i: { kpi: { code: string } }) => i.kpi.code === code)?.subtreeValue;
      return v == null ? null : v / 100;
    };
    expect(d.feedback?.onTimeRate).toBe(rate('FEEDBACK_ON_TIME_RATE'));
    expect(d.feedback?.satisfactionRate).toBe(rate('FEEDBACK_SATISFACTION_RATE'));

    const rollup = await get(`/api/community/rollup?unitId=${province}&year=2026&throughMonth=12`);
    expect(d.community).toMatchObject({
      communes: rollup.totals.communes,
      communesWithTeams: rollup.totals.communesWithTeams,
      teams: rollup.totals.teams,
      sessions: rollup.totals.sessions,
      people: rollup.totals.people,
    });
    expect(d.community?.teams).toBeGreaterThan(0);
    expect(d.community?.laggards.map((l) => l.communeId)).toEqual(
      rollup.laggards.map((l: { communeId: number }) => l.communeId),
    );
  });

  it('keeps only communes (or departments) when filtered by unit type', async () => {
    const communes: Dashboard = await get(`/api/dashboard?unitId=${province}&asOf=${ASOF}&unitKind=commune`);
    const kinds = new Map(
      (await t.deps.db.selectFrom('units').select(['id', 'kind']).execute()).map((u) => [u.id, u.kind]),
    );
    for (const u of [...(communes.measure?.ranking?.top ?? []), ...(communes.contest?.byUnit ?? [])])
      expect(kinds.get(u.unitId)).toBe('commune');
    const departments: Dashboard = await get(
      `/api/dashboard?unitId=${province}&asOf=${ASOF}&unitKind=department`,
    );
    for (const u of departments.contest?.byUnit ?? []) expect(kinds.get(u.unitId)).toBe('agency');
    // Tasks split by lead unit: departments' and communes' tasks together are at most the province's.
    const total = d.steer?.total ?? 0;
    expect((communes.steer?.total ?? 0) + (departments.steer?.total ?? 0)).toBeLessThanOrEqual(total);
    expect(communes.steer?.splitBefore).toBeNull();
    expect(communes.steer?.withoutProduct.items.every((i) => i.group === 'commune')).toBe(true);
  });

  it('moves every dated figure to a past date ("as of")', async () => {
    const past: Dashboard = await get(`/api/dashboard?unitId=${province}&asOf=2026-09-15`);
    expect(past.asOf).toBe('2026-09-15');
    expect(past.compareTo).toBe('2026-08-16');
    expect(past.kpis[0]?.trend.at(-1)?.period).toBe('2026-Q3');
    const steer = await get(`/api/steer/dashboard?unitId=${province}&asOf=2026-09-15&periodType=month`);
    expect(past.steer?.split).toEqual(steer.totals.split);
  });

  it('builds the one-page briefing from the same figures (PDF and DOCX)', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/dashboard/briefing.pdf?unitId=${province}&asOf=${ASOF}`,
      headers: leader.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // One page: the page tree counts one page.
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/Type \/Pages[\s\S]*?\/Count 1\b/);
    const docx = await t.app.inject({
      method: 'GET',
      url: `/api/dashboard/briefing.docx?unitId=${province}&asOf=${ASOF}`,
      headers: leader.headers,
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
