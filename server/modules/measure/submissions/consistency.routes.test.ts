import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, FULL_VALUES, testFramework } from '../measure-test-fixtures.js';

// Consistency rules between components: refused at framework import when they name unknown codes; on submit
// a broken rule gives a field error on every component it involves, with the rule's own message.
const RULE = {
  code: 'R.SIGN',
  expression: 'C2 <= C1 * 25',
  message: 'Tỷ lệ ký số không vượt quá 25 lần số cuộc họp',
  messageEn: 'Signing rate cannot exceed 25 times the meetings',
};

describe.each(testDialects())('measure consistency rules on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officer: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const sub = (rest = '') => `/api/measure/periods/${periodId}/units/${units.communeA}/submission${rest}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officer = await loginAs(t, { role: 'officer', unitId: units.communeA });
  });
  afterAll(async () => t.close());

  it('refuses a framework whose rule names an unknown component', async () => {
    const res = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({
        consistencyRules: [{ code: 'R.BAD', expression: 'C1 <= NOPE', message: 'x' }],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('consistency_unknown_code');
  });

  it('refuses to submit while a rule is broken, then accepts once it holds', async () => {
    const fw = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({ consistencyRules: [RULE] }),
    });
    expect(fw.statusCode, fw.body).toBe(201);
    const period = await call(secretariat, 'POST', '/api/measure/periods', {
      name: 'Đánh giá 2025',
      year: 2025,
      frameworkId: fw.json().framework.id,
      rootUnitId: units.province,
      unitKinds: ['commune', 'ward'],
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
    });
    expect(period.statusCode, period.body).toBe(201);
    periodId = period.json().id;
    expect((await call(secretariat, 'POST', `/api/measure/periods/${periodId}/open`)).statusCode).toBe(200);

    // 3 meetings → at most 75 %; 45/50 = 90 % breaks the rule.
    expect((await call(officer, 'PUT', sub('/values'), { values: FULL_VALUES })).statusCode).toBe(200);
    const evidence = await call(officer, 'POST', sub('/evidence'), {
      componentCode: 'C1',
      document: { number: '5/BB', date: '2025-06-01', title: 'Biên bản' },
    });
    expect(evidence.statusCode).toBe(201);
    const refused = await call(officer, 'POST', sub('/submit'));
    expect(refused.statusCode).toBe(400);
    const errors = refused.json().errors as { field: string; code: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['values.C1', 'values.C2']);
    for (const e of errors) {
      expect(e.code).toBe('measure.consistency_violated');
      expect(e.message).toBe(RULE.message);
    }
    const english = await t.app.inject({
      method: 'POST',
      url: sub('/submit'),
      headers: { ...officer.headers, 'accept-language': 'en' },
    });
    expect(english.json().errors[0].message).toBe(RULE.messageEn);
    expect((await call(officer, 'GET', sub())).json().status).toBe('draft');

    // 4 meetings → up to 100 %: the rule holds and the submission goes through.
    expect((await call(officer, 'PUT', sub('/values'), { values: { C1: { number: 4 } } })).statusCode).toBe(
      200,
    );
    const accepted = await call(officer, 'POST', sub('/submit'));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('submitted');
  });
});
