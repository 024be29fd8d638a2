import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type FeedbackScenario, feedbackScenario } from '../feedback-test-fixtures.js';

// The province's rules on both databases: the shipped holiday calendar read by year, a day off added by the
// secretariat moving a new deadline, a weekday refused as a "working weekend day", a commune officer refused;
// routing rules (category × area → unit) sending a new report straight to the handling unit, the nearest area
// winning, a duplicate rule refused; the receive-by instant in working hours; every write audited.

describe.each(testDialects())('feedback calendar and routing rules on %s', (dialect) => {
  let s: FeedbackScenario;
  beforeAll(async () => {
    s = await feedbackScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  const audits = (action: string) =>
    s.t.deps.db.selectFrom('auditLog').select(['entityId']).where('action', '=', action).execute();

  let n = 0;
  async function submit(categoryId: number, areaUnitId: number) {
    // A new address each time: one contact may ask for five codes an hour.
    const contact = { kind: 'email' as const, value: `dan${++n}@example.vn` };
    const { proof } = await s.otp(contact);
    const sent = await s.call(null, 'POST', '/api/public/feedback/reports', {
      categoryId,
      title: 'Đèn đường hỏng',
      description: 'Cả dãy đèn không sáng từ tuần trước.',
      areaUnitId,
      address: 'Thôn Đông',
      contact,
      otp: proof,
    });
    expect(sent.status, sent.raw).toBe(201);
    const row = await s.t.deps.db
      .selectFrom('feedbackReports')
      .selectAll()
      .where('code', '=', sent.body.code)
      .executeTakeFirstOrThrow();
    return row;
  }

  it('ships Vietnam’s holidays and lets the secretariat add a day off that moves new deadlines', async () => {
    const year = await s.call(s.officerA, 'GET', '/api/feedback/calendar?year=2026');
    expect(year.status).toBe(200);
    const days = year.body.items.map((d: { day: string }) => d.day);
    expect(days).toEqual(expect.arrayContaining(['2026-02-17', '2026-09-02', '2026-01-10']));
    expect(year.body.items.find((d: { day: string }) => d.day === '2026-01-10').kind).toBe('working_day');

    // A commune officer may read the calendar but not change it.
    const refused = await s.call(s.officerA, 'PUT', '/api/feedback/calendar/2026-03-04', {
      kind: 'holiday',
      name: 'Lễ hội của tỉnh',
    });
    expect(refused.status).toBe(403);
    // A "working day" on a Wednesday would change nothing: refused with a reason.
    const weekday = await s.call(s.secretariat, 'PUT', '/api/feedback/calendar/2026-03-04', {
      kind: 'working_day',
      name: 'Làm bù',
    });
    expect(weekday.status).toBe(400);
    expect(weekday.body.errors[0].code).toBe('feedback.calendar_working_day_day');

    // The clock is Monday 2/3/2026 (Vietnam); 3 working days → Thursday 5/3, or Friday 6/3 with 4/3 off.
    const cat = await s.category({ code: 'LIGHT', nameVi: 'Chiếu sáng', defaultUnitId: s.tree.communeA });
    const before = await submit(cat.id, s.tree.communeA);
    expect(before.deadline).toBe('2026-03-05');
    const set = await s.call(s.secretariat, 'PUT', '/api/feedback/calendar/2026-03-04', {
      kind: 'holiday',
      name: 'Lễ hội của tỉnh',
    });
    expect(set.status, set.raw).toBe(200);
    const after = await submit(cat.id, s.tree.communeA);
    expect(after.deadline).toBe('2026-03-06');
    // Removing it puts the weekday back.
    expect((await s.call(s.secretariat, 'DELETE', '/api/feedback/calendar/2026-03-04')).status).toBe(204);
    expect((await submit(cat.id, s.tree.communeA)).deadline).toBe('2026-03-05');
    expect((await s.call(s.secretariat, 'DELETE', '/api/feedback/calendar/2026-03-04')).status).toBe(404);
    expect((await audits('feedback.calendar.create')).map((a) => a.entityId)).toEqual(['2026-03-04']);
    expect((await audits('feedback.calendar.delete')).map((a) => a.entityId)).toEqual(['2026-03-04']);
  });

  it('sets the receive-by instant in working hours from the category', async () => {
    // 02:00 UTC = 09:00 Monday in Vietnam; 4 working hours → 13:00 + 0 → 14:00 (lunch 12–13 skipped).
    const cat = await s.category({ code: 'URGENT', nameVi: 'Khẩn', receiveHours: 4 });
    const r = await submit(cat.id, s.tree.communeB);
    expect(r.status).toBe('received');
    expect(r.receiveDueAt).toBe('2026-03-02T07:00:00.000Z');
    const view = await s.call(s.secretariat, 'GET', `/api/feedback/reports/${r.id}`);
    expect(view.body.receiveDueAt).toBe('2026-03-02T07:00:00.000Z');
  });

  it('routes a new report by the rule of its nearest area, else by the category, else to triage', async () => {
    const cat = await s.category({ code: 'WASTE', nameVi: 'Rác thải', defaultUnitId: s.tree.department });
    // Without a rule: the category's unit.
    expect((await submit(cat.id, s.tree.communeA)).unitId).toBe(s.tree.department);

    const officerTry = await s.call(s.officerA, 'POST', '/api/feedback/routing-rules', {
      categoryId: cat.id,
      areaUnitId: s.tree.communeA,
      unitId: s.tree.communeA,
    });
    expect(officerTry.status).toBe(403);
    const provinceRule = await s.call(s.secretariat, 'POST', '/api/feedback/routing-rules', {
      categoryId: cat.id,
      areaUnitId: s.tree.province,
      unitId: s.tree.communeB,
    });
    expect(provinceRule.status, provinceRule.raw).toBe(201);
    const communeRule = await s.call(s.secretariat, 'POST', '/api/feedback/routing-rules', {
      categoryId: cat.id,
      areaUnitId: s.tree.communeA,
      unitId: s.tree.communeA,
    });
    expect(communeRule.status).toBe(201);
    expect(communeRule.body).toMatchObject({ categoryName: 'Rác thải', areaUnitId: s.tree.communeA });
    const dup = await s.call(s.secretariat, 'POST', '/api/feedback/routing-rules', {
      categoryId: cat.id,
      areaUnitId: s.tree.communeA,
      unitId: s.tree.department,
    });
    expect(dup.status).toBe(409);
    const unknown = await s.call(s.secretariat, 'POST', '/api/feedback/routing-rules', {
      categoryId: cat.id,
      areaUnitId: 999_999,
      unitId: s.tree.department,
    });
    expect(unknown.status).toBe(400);

    // The commune's own rule wins for communeA; communeB falls under the province rule.
    const a = await submit(cat.id, s.tree.communeA);
    expect([a.status, a.unitId]).toEqual(['assigned', s.tree.communeA]);
    const b = await submit(cat.id, s.tree.communeB);
    expect([b.status, b.unitId]).toEqual(['assigned', s.tree.communeB]);

    // The province sees both rules; a commune only the rules about itself (no other unit's names).
    const mine = async (who: typeof s.secretariat) =>
      (await s.call(who, 'GET', '/api/feedback/routing-rules')).body.items.filter(
        (r: { categoryId: number }) => r.categoryId === cat.id,
      );
    expect(await mine(s.secretariat)).toHaveLength(2);
    expect((await mine(s.officerA)).map((r: { areaUnitId: number }) => r.areaUnitId)).toEqual([
      s.tree.communeA,
    ]);
    expect(await mine(s.officerB)).toHaveLength(0);
    expect(
      (await s.call(s.secretariat, 'DELETE', `/api/feedback/routing-rules/${communeRule.body.id}`)).status,
    ).toBe(204);
    expect((await submit(cat.id, s.tree.communeA)).unitId).toBe(s.tree.communeB);
    expect((await audits('feedback.routing_rule.create')).length).toBe(2);
    expect((await audits('feedback.routing_rule.delete')).map((x) => Number(x.entityId))).toEqual([
      communeRule.body.id,
    ]);
  });
});
