import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import {
  createOpenPeriod,
  type MeasureScenario,
  measureScenario,
  testFramework,
} from '../measure-test-fixtures.js';

// A deadline written '{year}-03-31' in a framework falls in each period's own year: one framework serves the
// 2025 and the 2026 periods, and a 2026 plan issued on 20/03/2026 is on time.
describe.each(testDialects())('measure deadlines relative to the period year on %s', (dialect) => {
  let s: MeasureScenario;
  const withDeadline = (code: string) => {
    const definition = testFramework({ code });
    // C4 (20 points) becomes "annual plan issued by 31 March", half the points when late.
    definition.groups[0].mainIndices[1].components[1] = {
      code: 'C4',
      name: 'Kế hoạch chuyển đổi số năm ban hành đúng hạn',
      valueType: 'date',
      maxPoints: 20,
      rule: { kind: 'deadline', due: '{year}-03-31', latePoints: 10 },
    };
    return definition;
  };
  const c4In = async (year: number, date: string) => {
    const { periodId } = await createOpenPeriod(s.t, s.secretariat, s.units.province, {
      year,
      definition: withDeadline(`PLAN_${year}`),
    });
    const url = `/api/measure/periods/${periodId}/units/${s.units.communeA}/submission/values`;
    const res = await s.call(s.officerA, 'PUT', url, { values: { C4: { date } } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().selfScore.components.find((c: { code: string }) => c.code === 'C4');
  };

  beforeAll(async () => {
    s = await measureScenario(dialect, { period: false });
  });
  afterAll(async () => s.close());

  it('a 2026 period scores a plan of 20/03/2026 on time against 31/03/2026', async () => {
    expect(await c4In(2026, '2026-03-20')).toMatchObject({
      points: 20,
      explanation: { code: 'deadline_met', params: { date: '2026-03-20', due: '2026-03-31' } },
    });
  });

  it('a 2025 period scores a plan of 02/04/2025 late against 31/03/2025', async () => {
    expect(await c4In(2025, '2025-04-02')).toMatchObject({
      points: 10,
      explanation: { code: 'deadline_missed', params: { due: '2025-03-31' } },
    });
  });

  it('refuses a deadline that is neither a date nor {year}-MM-DD', async () => {
    const definition = withDeadline('PLAN_BAD');
    const c4 = definition.groups[0].mainIndices[1].components[1];
    c4.rule = { kind: 'deadline', due: '{year}-02-30x' };
    const res = await s.call(s.secretariat, 'POST', '/api/measure/frameworks/import', { definition });
    expect(res.statusCode).toBe(400);
  });
});
