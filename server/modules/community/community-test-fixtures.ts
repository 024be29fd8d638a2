import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';
import type { Executor } from '../../db/executor.js';
import { createKpiReader, ensureKpiCatalogueOnStartup } from '../kpis/kpis.module.js';

// One scenario for Community's route tests: the test unit tree (its two communes stored as kind 'commune'), the
// built-in KPI catalogue, the province's secretariat and leader, officers of both communes, and JSON helpers.

export type CommunityScenario = {
  t: TestApp;
  tree: UnitTree;
  secretariat: LoggedIn;
  leader: LoggedIn;
  officerA: LoggedIn;
  officerB: LoggedIn;
  call(
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: any; type: string }>;
  kpi(unitId: number, code: string, period: string): Promise<number | null>;
  count(
    table: 'communityTeams' | 'communityMembers' | 'communityActivities' | 'communityPeople',
  ): Promise<number>;
};

export async function communityScenario(
  dialect: DialectName,
  now = '2026-06-15T02:00:00.000Z',
): Promise<CommunityScenario> {
  const t = await createTestApp(dialect, { now });
  const tree = await createUnitTree(t.deps.db);
  await t.deps.db
    .updateTable('units')
    .set({ kind: 'commune' })
    .where('id', 'in', [tree.communeA, tree.communeB])
    .execute();
  await ensureKpiCatalogueOnStartup(t.deps);
  const reader = createKpiReader(t.deps);
  const [secretariat, leader, officerA, officerB] = await Promise.all([
    loginAs(t, { role: 'secretariat', unitId: tree.province }),
    loginAs(t, { role: 'leader', unitId: tree.province }),
    loginAs(t, { role: 'officer', unitId: tree.communeA }),
    loginAs(t, { role: 'officer', unitId: tree.communeB }),
  ]);
  return {
    t,
    tree,
    secretariat,
    leader,
    officerA,
    officerB,
    async call(who, method, url, payload) {
      const res = await t.app.inject({
        method,
        url,
        headers: who?.headers ?? {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, type };
    },
    async kpi(unitId, code, period) {
      return (await reader.getKpiValue(unitId, code, period))?.derived ?? null;
    },
    async count(table) {
      return Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    },
  };
}

/**
 * Distinct current members of the teams whose commune is below `rootUnitId`, counted live: what the roll-up's
 * trigger-kept member summaries must always equal.
 */
export async function liveMembersBelow(db: Executor, rootUnitId: number): Promise<number> {
  const row = await db
    .selectFrom('communityMembers as m')
    .innerJoin('communityTeams as t', 't.id', 'm.teamId')
    .innerJoin('unitClosure as uc', 'uc.descendantId', 't.communeId')
    .select((e) => e.fn.count<number>('m.personId').distinct().as('n'))
    .where('uc.ancestorId', '=', rootUnitId)
    .where('uc.viaLineage', '=', 0)
    .where('m.endDate', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
