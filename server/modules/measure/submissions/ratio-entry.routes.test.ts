import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import {
  createOpenPeriod,
  DOC,
  FULL_VALUES,
  type MeasureScenario,
  measureScenario,
  testFramework,
} from '../measure-test-fixtures.js';

// Rates as the officer enters them: a rate above 100 % under a capping ratio rule is saved and scored as full
// points; under an uncapped rule it is refused.
describe.each(testDialects())('measure ratio entry on %s', (dialect) => {
  let s: MeasureScenario;
  const sub = (unitId: number, rest = '') =>
    `/api/measure/periods/${s.periodId}/units/${unitId}/submission${rest}`;

  beforeAll(async () => {
    s = await measureScenario(dialect);
  });
  afterAll(async () => s.close());

  it('saves 12/10 on a capped ratio (C2, cap by default) and gives the full 40 points', async () => {
    const res = await s.call(s.officerA, 'PUT', sub(s.units.communeA, '/values'), {
      values: { C2: { numerator: 12, denominator: 10 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c2 = res.json().components.find((c: { code: string }) => c.code === 'C2');
    expect(c2).toMatchObject({ value: { numerator: 12, denominator: 10 }, selfPoints: 40 });
    const c2Score = res.json().selfScore.components.find((c: { code: string }) => c.code === 'C2');
    expect(c2Score).toMatchObject({ status: 'scored', points: 40, explanation: { code: 'ratio_capped' } });
  });

  it('still refuses cases counted over no cases (3/0)', async () => {
    const res = await s.call(s.officerA, 'PUT', sub(s.units.communeA, '/values'), {
      values: { C2: { numerator: 3, denominator: 0 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'body.values.C2.numerator',
      code: 'measure.numerator_above_denominator',
    });
  });
});

// A ratio rule's zeroCases says what "no cases" (0/0) means; without it 0/0 cannot be scored and blocks submit.
describe.each(testDialects())('measure ratio over no cases on %s', (dialect) => {
  let s: MeasureScenario;
  const withZeroCases = (zeroCases: 'full' | 'not_applicable') => {
    const definition = testFramework({ code: `Z_${zeroCases.toUpperCase()}` });
    const c2 = definition.groups[0].mainIndices[0].components[1];
    c2.rule = { kind: 'ratio', zeroCases };
    return definition;
  };
  const entry = (periodId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${s.units.communeA}/submission${rest}`;
  const save = (periodId: number) =>
    s.call(s.officerA, 'PUT', entry(periodId, '/values'), {
      values: { ...FULL_VALUES, C2: { numerator: 0, denominator: 0 } },
    });
  const submit = async (periodId: number) => {
    await s.call(s.officerA, 'POST', entry(periodId, '/evidence'), { componentCode: 'C1', document: DOC });
    return s.call(s.officerA, 'POST', entry(periodId, '/submit'));
  };
  const c2Of = (body: { selfScore: { components: { code: string }[] } }) =>
    body.selfScore.components.find((c) => c.code === 'C2');

  beforeAll(async () => {
    s = await measureScenario(dialect);
  });
  afterAll(async () => s.close());

  it('without zeroCases, 0/0 is not evaluable and blocks submission (as before)', async () => {
    expect(c2Of((await save(s.periodId)).json())).toMatchObject({ status: 'not_evaluable' });
    const refused = await submit(s.periodId);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toContainEqual(
      expect.objectContaining({ field: 'values.C2', code: 'measure.not_evaluable' }),
    );
  });

  it('zeroCases: not_applicable removes C2 from the total and lets the unit submit', async () => {
    const { periodId } = await createOpenPeriod(s.t, s.secretariat, s.units.province, {
      definition: withZeroCases('not_applicable'),
    });
    const saved = await save(periodId);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(c2Of(saved.json())).toMatchObject({
      status: 'not_applicable',
      explanation: { code: 'zero_cases_not_applicable' },
    });
    expect(saved.json().selfScore.total).toMatchObject({ points: 45, applicableMax: 60, value: 0.75 });
    const submitted = await submit(periodId);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('zeroCases: full gives C2 its 40 points', async () => {
    const { periodId } = await createOpenPeriod(s.t, s.secretariat, s.units.province, {
      definition: withZeroCases('full'),
    });
    const saved = await save(periodId);
    expect(c2Of(saved.json())).toMatchObject({ status: 'scored', points: 40 });
    expect((await submit(periodId)).statusCode).toBe(200);
  });
});
