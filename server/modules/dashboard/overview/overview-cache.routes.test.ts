import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { isPostgres } from '../../../db/dialect.js';
import { REVISED_TABLES } from '../../../db/revisions.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { createDashboardRepository } from './overview.repository.js';
import { DASHBOARD_SOURCES } from './overview-cache.js';

// The dashboard's and the public home's caches on a real database: every table they read from has a trigger
// that bumps its module's revision (so any write, by any path, changes the key), writes through the API change
// the next answer, and two viewers of one area with different grants never share an entry.

describe.each(testDialects())('dashboard and public home caches on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let leader: LoggedIn;
  let secretariat: LoggedIn;
  const get = (who: LoggedIn | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const revisions = () => createDashboardRepository(t.deps.db).revisions(DASHBOARD_SOURCES);

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-06-15T02:00:00.000Z' });
    tree = await createUnitTree(t.deps.db);
    await ensureKpiCatalogueOnStartup(t.deps);
    [leader, secretariat] = await Promise.all([
      loginAs(t, { role: 'leader', unitId: tree.province }),
      loginAs(t, { role: 'secretariat', unitId: tree.province }),
    ]);
  }, 120_000);
  afterAll(async () => t?.close());

  it("bumps a module's revision on a write to any of its tables", async () => {
    const modules = Object.keys(REVISED_TABLES) as (keyof typeof REVISED_TABLES)[];
    for (const m of modules)
      for (const table of REVISED_TABLES[m]) {
        if (isPostgres(t.deps.db)) {
          // A statement-level trigger fires even when no row matches: a real write path, no fixtures needed.
          const before = await createDashboardRepository(t.deps.db).revisions([m]);
          await sql`delete from ${sql.table(table)} where 1 = 0`.execute(t.deps.db);
          const after = await createDashboardRepository(t.deps.db).revisions([m]);
          expect(after, table).not.toBe(before);
        } else {
          const triggers = await sql<{ name: string }>`select name from sqlite_master
            where type = 'trigger' and tbl_name = ${table} and sql like ${`%name = '${table}'%`}`.execute(
            t.deps.db,
          );
          expect(triggers.rows.length, table).toBe(3);
        }
      }
  });

  it("leaves the contest's hot table (attempts, written on every autosave) uncounted", async () => {
    const row = await t.deps.db
      .selectFrom('dataRevisions')
      .select('name')
      .where('name', '=', 'contest_attempts')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('serves the same answer until a write, then the new figures (KPIs, community)', async () => {
    const first = await get(leader, '/api/dashboard');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/json');
    const again = await get(leader, '/api/dashboard');
    expect(again.body).toBe(first.body);
    const edoc = (body: string) =>
      (JSON.parse(body).kpis as { code: string; value: number | null }[]).find((k) => k.code === 'EDOC_SENT')
        ?.value ?? null;
    expect(edoc(first.body)).toBeNull();

    // KPIs: a value pushed through the API is on the very next dashboard.
    const r0 = await revisions();
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/kpis/values',
      headers: secretariat.headers,
      payload: { values: [{ kpiCode: 'EDOC_SENT', unitId: tree.communeA, period: '2026-05', value: 1234 }] },
    });
    expect(push.statusCode).toBeLessThan(300);
    const r1 = await revisions();
    expect(r1).not.toBe(r0);
    const afterKpi = await get(leader, '/api/dashboard');
    expect(edoc(afterKpi.body)).toBe(1234);

    // Community: targets set through the API change the community revision and so the key.
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/community/targets',
      headers: secretariat.headers,
      payload: { communeId: tree.communeA, year: 2026, teams: 2, sessions: 10, people: 100, perSkill: [] },
    });
    expect(put.statusCode).toBe(200);
    const r2 = await revisions();
    expect(r2.split('.').find((p) => p.startsWith('community'))).not.toBe(
      r1.split('.').find((p) => p.startsWith('community')),
    );
  });

  it('keeps viewers with different grants apart: a commune leader never gets the province leader entry', async () => {
    const communeLeader = await loginAs(t, { role: 'leader', unitId: tree.communeA });
    const province = await get(leader, `/api/dashboard?unitId=${tree.communeA}`);
    const own = await get(communeLeader, `/api/dashboard?unitId=${tree.communeA}`);
    expect(province.statusCode).toBe(200);
    expect(own.statusCode).toBe(200);
    expect(JSON.parse(own.body).scope.unitId).toBe(tree.communeA);
    // Access is checked before the cache: an area outside the scope stays 403 even once computed for another.
    expect((await get(communeLeader, `/api/dashboard?unitId=${tree.province}`)).statusCode).toBe(403);
  });

  it('the public home: cached until a write, then the new figures', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/public/home' });
    expect(a.statusCode).toBe(200);
    const b = await t.app.inject({ method: 'GET', url: '/api/public/home' });
    expect(b.body).toBe(a.body);
    const push = await t.app.inject({
      method: 'POST',
      url: '/api/kpis/values',
      headers: secretariat.headers,
      payload: { values: [{ kpiCode: 'EDOC_SENT', unitId: tree.communeA, period: '2026-04', value: 10 }] },
    });
    expect(push.statusCode).toBeLessThan(300);
    const c = await t.app.inject({ method: 'GET', url: '/api/public/home' });
    expect(c.statusCode).toBe(200);
    expect(c.body).not.toBe(a.body);
  });
});
