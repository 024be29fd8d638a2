import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type RegistersScenario, registersScenario } from '../products/registers-test-fixtures.js';

// The information systems register on both databases: register and edit systems, the three problem lists
// (not integrated, no approved security, overlapping), the KPI shares in the kpis module, bad input refused in
// Vietnamese with nothing saved, and a review campaign: confirm / correct, unconfirmed after the date listed and
// reminded once per unit and day through the notifications module.

describe.each(testDialects())('information systems register on %s', (dialect) => {
  let s: RegistersScenario;
  beforeAll(async () => {
    s = await registersScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  const system = (unitId: number, extra: Record<string, unknown> = {}) => ({
    unitId,
    name: 'Hệ thống quản lý văn bản và điều hành',
    purpose: 'Quản lý văn bản đi, đến; điều hành công việc',
    purposeCategory: 'document_management',
    scope: 'unit',
    users: 'Cán bộ, công chức của đơn vị',
    status: 'operating',
    investmentVnd: 2_500_000_000,
    yearlyBudgetVnd: 180_000_000,
    startDate: '2021-03-01',
    goLiveDate: '2021-09-15',
    hosting: 'provincial_dc',
    lgspIntegrated: true,
    nationalDbs: ['population'],
    securityLevel: 2,
    securityPlanApproved: true,
    securityDecisionNumber: '123/QĐ-STTTT',
    securityDecisionDate: '2022-01-10',
    ...extra,
  });
  const { unitId: _drop, ...update } = system(0);
  const count = async () =>
    Number(
      (
        await s.t.deps.db
          .selectFrom('steerSystems')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const ids: Record<string, number> = {};

  it('registers systems and writes the owner unit’s integrated and security shares as KPIs', async () => {
    const a = await s.call(s.officerDept, 'POST', '/api/steer/systems', system(s.tree.department));
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      investmentVnd: 2_500_000_000,
      nationalDbs: ['population'],
      can: { edit: true },
    });
    ids.a = a.body.id;
    // A second document system of the same department, not integrated, no approved plan: an overlap.
    const b = await s.call(
      s.officerDept,
      'POST',
      '/api/steer/systems',
      system(s.tree.department, {
        name: 'Phần mềm quản lý hồ sơ công việc',
        lgspIntegrated: false,
        securityLevel: null,
        securityPlanApproved: false,
        securityDecisionNumber: null,
        securityDecisionDate: null,
      }),
    );
    ids.b = b.body.id;
    const c = await s.call(
      s.officerA,
      'POST',
      '/api/steer/systems',
      system(s.tree.communeA, {
        name: 'Camera giám sát an ninh trật tự',
        purposeCategory: 'surveillance',
        status: 'building',
        goLiveDate: null,
        lgspIntegrated: false,
      }),
    );
    ids.c = c.body.id;
    expect(await s.kpi(s.tree.department, 'STEER_SYSTEMS_INTEGRATED_RATE', '2026')).toBe(50);
    expect(await s.kpi(s.tree.department, 'STEER_SYSTEMS_SECURITY_RATE', '2026')).toBe(50);
    // A commune with nothing in operation has no share (0/0 is not a value).
    expect(await s.kpi(s.tree.communeA, 'STEER_SYSTEMS_INTEGRATED_RATE', '2026')).toBeNull();
  });

  it('lists the three problem lists and filters the register', async () => {
    const p = await s.call(s.leader, 'GET', `/api/steer/systems/problems?unitId=${s.tree.province}`);
    expect(p.status).toBe(200);
    expect(p.body.notIntegrated.map((x: { id: number }) => x.id)).toEqual([ids.b]);
    expect(p.body.withoutSecurity.map((x: { id: number }) => x.id)).toEqual([ids.b]);
    expect(p.body.overlaps).toEqual([
      {
        purposeCategory: 'document_management',
        scope: 'unit',
        systems: [expect.objectContaining({ id: ids.a }), expect.objectContaining({ id: ids.b })],
      },
    ]);
    expect(p.body.shares).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unitId: s.tree.department,
          operating: 2,
          integratedShare: 50,
          securityShare: 50,
        }),
      ]),
    );
    const list = (q: string) => s.call(s.leader, 'GET', `/api/steer/systems?unitId=${s.tree.province}${q}`);
    expect((await list('&integrated=no')).body.items.map((x: { id: number }) => x.id).sort()).toEqual(
      [ids.b, ids.c].sort(),
    );
    expect((await list('&status=building')).body.items.map((x: { id: number }) => x.id)).toEqual([ids.c]);
    expect((await list('&q=camera giam sat')).body.items.map((x: { id: number }) => x.id)).toEqual([ids.c]);
    // Stored fields, whatever the status: the camera being built already has its approved plan.
    expect((await list('&securityApproved=yes')).body.items.map((x: { id: number }) => x.id).sort()).toEqual(
      [ids.a, ids.c].sort(),
    );
    // A commune officer sees its own systems only.
    expect((await s.call(s.officerA, 'GET', `/api/steer/systems?unitId=${s.tree.province}`)).status).toBe(
      403,
    );
    expect((await s.call(s.officerA, 'GET', `/api/steer/systems/${ids.a}`)).status).toBe(403);
  });

  it('refuses bad input in Vietnamese and saves nothing', async () => {
    const before = await count();
    const bad = await s.call(
      s.officerDept,
      'POST',
      '/api/steer/systems',
      system(s.tree.department, {
        investmentVnd: -5,
        securityLevel: 6,
        startDate: '2024-05-01',
        goLiveDate: '2024-04-30',
        nationalDbs: ['population', 'population'],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    const by = Object.fromEntries(
      bad.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(Object.keys(by).sort()).toEqual([
      'body.goLiveDate',
      'body.investmentVnd',
      'body.nationalDbs',
      'body.securityLevel',
    ]);
    expect(by['body.goLiveDate']).toBe('Ngày đưa vào vận hành không được trước ngày bắt đầu triển khai');
    expect(by['body.securityLevel']).toContain('tối đa 5');
    const approvedWithoutDecision = await s.call(
      s.officerDept,
      'POST',
      '/api/steer/systems',
      system(s.tree.department, { securityDecisionNumber: null, securityLevel: null }),
    );
    expect(approvedWithoutDecision.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.securityDecisionNumber',
      'body.securityLevel',
    ]);
    const badEdit = await s.call(s.officerDept, 'PUT', `/api/steer/systems/${ids.a}`, {
      ...update,
      retirementDate: '2020-01-01',
    });
    expect(badEdit.status).toBe(400);
    expect((await s.call(s.officerA, 'POST', '/api/steer/systems', system(s.tree.department))).status).toBe(
      403,
    );
    expect(await count()).toBe(before);
    expect(
      (await s.call(s.officerDept, 'GET', `/api/steer/systems/${ids.a}`)).body.retirementDate,
    ).toBeNull();
  });

  it('edits a system (audited with before/after) and the KPI follows', async () => {
    const res = await s.call(s.officerDept, 'PUT', `/api/steer/systems/${ids.b}`, {
      ...update,
      name: 'Phần mềm quản lý hồ sơ công việc',
      lgspIntegrated: true,
      scope: 'unit',
    });
    expect(res.status).toBe(200);
    expect(res.body.lgspIntegrated).toBe(true);
    expect(await s.kpi(s.tree.department, 'STEER_SYSTEMS_INTEGRATED_RATE', '2026')).toBe(100);
    const row = await s.t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'steer.system.update')
      .where('entityId', '=', String(ids.b))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(row.beforeJson))).toMatchObject({ lgspIntegrated: 0 });
    expect(JSON.parse(String(row.afterJson))).toMatchObject({ lgspIntegrated: 1 });
  });

  it('runs a review campaign: confirm, correct while confirming, overdue listed and reminded once a day', async () => {
    const past = await s.call(s.secretariat, 'POST', '/api/steer/system-reviews', {
      name: 'Rà soát',
      rootUnitId: s.tree.province,
      dueDate: '2026-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].code).toBe('steer.campaign_due_past');
    expect(
      (
        await s.call(s.officerDept, 'POST', '/api/steer/system-reviews', {
          name: 'Rà soát',
          rootUnitId: s.tree.province,
          dueDate: '2026-03-31',
        })
      ).status,
    ).toBe(403);
    const opened = await s.call(s.secretariat, 'POST', '/api/steer/system-reviews', {
      name: 'Rà soát hệ thống thông tin năm 2026',
      rootUnitId: s.tree.province,
      dueDate: '2026-03-31',
    });
    expect(opened.status).toBe(201);
    expect(opened.body.progress).toEqual({ total: 3, confirmed: 0, unconfirmed: 3, overdue: false });
    const campaign = opened.body.id;

    const deptView = await s.call(
      s.officerDept,
      'GET',
      `/api/steer/system-reviews/${campaign}?unitId=${s.tree.department}`,
    );
    expect(deptView.body.items).toHaveLength(2);
    expect(deptView.body.items.every((i: { canConfirm: boolean }) => i.canConfirm)).toBe(true);
    const itemA = deptView.body.items.find((i: { systemId: number }) => i.systemId === ids.a).id;
    const itemB = deptView.body.items.find((i: { systemId: number }) => i.systemId === ids.b).id;
    // Another unit's officer cannot confirm the department's system.
    expect(
      (await s.call(s.officerA, 'POST', `/api/steer/system-reviews/${campaign}/items/${itemA}/confirm`, {}))
        .status,
    ).toBe(403);
    const confirmed = await s.call(
      s.officerDept,
      'POST',
      `/api/steer/system-reviews/${campaign}/items/${itemA}/confirm`,
      { note: 'Không thay đổi' },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.progress).toMatchObject({ total: 2, confirmed: 1 });
    // Correcting while confirming: bad input refused, nothing confirmed; then saved with the change.
    const badFix = await s.call(
      s.officerDept,
      'POST',
      `/api/steer/system-reviews/${campaign}/items/${itemB}/confirm`,
      {
        system: { ...update, yearlyBudgetVnd: -1 },
      },
    );
    expect(badFix.status).toBe(400);
    const fixed = await s.call(
      s.officerDept,
      'POST',
      `/api/steer/system-reviews/${campaign}/items/${itemB}/confirm`,
      {
        system: {
          ...update,
          name: 'Phần mềm quản lý hồ sơ công việc',
          status: 'retired',
          retirementDate: '2026-02-28',
          reviewFindings: 'Đã chuyển sang hệ thống dùng chung',
        },
      },
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.items.find((i: { id: number }) => i.id === itemB)).toMatchObject({ changed: true });
    expect((await s.call(s.leader, 'GET', `/api/steer/systems/${ids.b}`)).body).toMatchObject({
      status: 'retired',
      lastReviewDate: '2026-03-02',
    });
    expect(
      (
        await s.call(
          s.officerDept,
          'POST',
          `/api/steer/system-reviews/${campaign}/items/${itemA}/confirm`,
          {},
        )
      ).status,
    ).toBe(409);

    // After the due date the commune's system is still unconfirmed: listed, and its officers reminded once a day.
    s.t.clock.set('2026-04-02T03:00:00.000Z');
    // A month later: sessions have expired, everyone signs in again.
    s.secretariat = await loginAs(s.t, { role: 'secretariat', unitId: s.tree.province });
    s.officerA = await loginAs(s.t, { role: 'officer', unitId: s.tree.communeA });
    const late = await s.call(
      s.secretariat,
      'GET',
      `/api/steer/system-reviews/${campaign}?unitId=${s.tree.province}`,
    );
    expect(late.body.progress).toEqual({ total: 3, confirmed: 2, unconfirmed: 1, overdue: true });
    expect(late.body.units.find((u: { unitId: number }) => u.unitId === s.tree.communeA)).toMatchObject({
      overdue: true,
      unconfirmed: 1,
    });
    const first = await s.call(s.secretariat, 'POST', `/api/steer/system-reviews/${campaign}/remind`);
    expect(first.body).toEqual({ unitsReminded: 1, unconfirmed: 1 });
    const again = await s.call(s.secretariat, 'POST', `/api/steer/system-reviews/${campaign}/remind`);
    expect(again.body).toEqual({ unitsReminded: 0, unconfirmed: 1 });
    const inbox = await s.call(s.officerA, 'GET', '/api/notifications');
    expect(JSON.stringify(inbox.body)).toContain('Quá hạn xác nhận hệ thống thông tin');

    const list = await s.call(s.officerA, 'GET', `/api/steer/system-reviews?unitId=${s.tree.communeA}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: campaign,
        progress: { total: 1, confirmed: 0, unconfirmed: 1, overdue: true },
      }),
    ]);
    const closed = await s.call(s.secretariat, 'POST', `/api/steer/system-reviews/${campaign}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', can: { close: false, remind: false } });
    expect((await s.call(s.secretariat, 'POST', `/api/steer/system-reviews/${campaign}/remind`)).status).toBe(
      409,
    );
  });
});
