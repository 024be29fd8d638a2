import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../../db/database.js';
import { createKpiReader, ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';

// One scenario for the registers' route tests: the test unit tree with the built-in KPI catalogue, the
// province's secretariat, officers of both communes and of the department, and a caller with JSON helpers.

export type RegistersScenario = {
  t: TestApp;
  tree: UnitTree;
  secretariat: LoggedIn;
  officerA: LoggedIn;
  officerB: LoggedIn;
  officerDept: LoggedIn;
  leader: LoggedIn;
  call(
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; type: string }>;
  kpi(unitId: number, code: string, period: string): Promise<number | null>;
};

export async function registersScenario(dialect: DialectName): Promise<RegistersScenario> {
  const t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
  const tree = await createUnitTree(t.deps.db);
  await ensureKpiCatalogueOnStartup(t.deps);
  const reader = createKpiReader(t.deps);
  const [secretariat, officerA, officerB, officerDept, leader] = await Promise.all([
    loginAs(t, { role: 'secretariat', unitId: tree.province }),
    loginAs(t, { role: 'officer', unitId: tree.communeA }),
    loginAs(t, { role: 'officer', unitId: tree.communeB }),
    loginAs(t, { role: 'officer', unitId: tree.department }),
    loginAs(t, { role: 'leader', unitId: tree.province }),
  ]);
  return {
    t,
    tree,
    secretariat,
    officerA,
    officerB,
    officerDept,
    leader,
    async call(who, method, url, payload, headers = {}) {
      const res = await t.app.inject({
        method,
        url,
        headers: { ...(who?.headers ?? {}), ...headers },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, type };
    },
    async kpi(unitId, code, period) {
      return (await reader.getKpiValue(unitId, code, period))?.derived ?? null;
    },
  };
}
