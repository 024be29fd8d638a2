import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, createOpenPeriod } from '../measure-test-fixtures.js';

// Whatever a unit enters, the live preview and the score stored on save agree, component by component.
const valuesArb = fc.record(
  {
    C1: fc.oneof(
      fc.integer({ min: 0, max: 10 }).map((n) => ({ number: n })),
      fc.constant({ notApplicable: true }),
    ),
    C2: fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }))
      .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b })),
    C3: fc.constantFrom('chair', 'deputy', 'none').map((choice) => ({ choice })),
    C4: fc.oneof(
      fc.boolean().map((bool) => ({ bool })),
      fc.constant({ notApplicable: true }),
    ),
  },
  { requiredKeys: [] },
);

describe.each(testDialects())('preview equals saved score on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let officer: LoggedIn;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    const secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officer = await loginAs(t, { role: 'officer', unitId: units.communeB });
    const { periodId } = await createOpenPeriod(t, secretariat, units.province);
    url = `/api/measure/periods/${periodId}/units/${units.communeB}/submission`;
  });
  afterAll(async () => t.close());

  it('holds for random entries', async () => {
    const call = caller(t);
    await fc.assert(
      fc.asyncProperty(valuesArb, async (values) => {
        const preview = await call(officer, 'POST', `${url}/preview`, { values });
        const saved = await call(officer, 'PUT', `${url}/values`, { values });
        expect(preview.statusCode, preview.body).toBe(200);
        expect(saved.statusCode, saved.body).toBe(200);
        const score = saved.json().selfScore;
        expect(score.total.points).toBeCloseTo(preview.json().total.points, 9);
        expect(score.total.applicableMax).toBe(preview.json().total.applicableMax);
        for (const c of saved.json().components) {
          const p = preview.json().components.find((x: { code: string }) => x.code === c.code);
          if (p.status === 'scored') expect(c.selfPoints).toBeCloseTo(p.points, 9);
        }
      }),
      { numRuns: 20 },
    );
  });
});
