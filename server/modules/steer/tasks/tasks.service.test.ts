import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { AppError } from '../../../lib/errors.js';
import { createSteerTestApp, insertPlan, type SteerTestContext } from './steer-tasks-test-fixtures.js';

// The tasks service on both databases: createTask (also inside a caller's transaction), bad input refused with
// nothing saved, scope and confidentiality, lineage (a merged commune's task shows under its successor).

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(testDialects())('Steer tasks service on %s', (dialect) => {
  let c: SteerTestContext;
  let planId: number;
  beforeAll(async () => {
    c = await createSteerTestApp(dialect);
    planId = (await insertPlan(c)).id;
  });
  afterAll(async () => c.t.close());

  const count = async () =>
    Number(
      (
        await c.t.deps.db
          .selectFrom('steerTasks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a task with its deadline as written and resolved, audited and in its history', async () => {
    const { secretariat } = c.people;
    const task = await c.services.tasks.createTask(c.ctx(secretariat), {
      planId,
      title: 'Triển khai nền tảng số cấp xã',
      isKey: true,
      leadUnitIds: [c.tree.communeA],
      coordinatingUnitIds: [c.tree.department],
      deadline: 'Quý II/2026',
    });
    expect(task).toMatchObject({
      planId,
      isKey: true,
      leadUnitId: c.tree.communeA,
      leadUnit: { id: c.tree.communeA, name: 'Phường Phan Đình Phùng' },
      originalLeadUnit: null,
      coordinatingUnitIds: [c.tree.department],
      deadline: {
        written: 'Quý II/2026',
        kind: 'quarter',
        due: '2026-06-30',
        start: '2026-04-01',
        cycle: null,
      },
      currentDue: '2026-06-30',
      state: 'not_started',
      assignedOn: '2026-01-15',
      source: { kind: 'plan', label: 'Kế hoạch số 3609/KH-BĐHCĐS' },
      status: { asOf: '2026-03-02', status: 'in_progress', bucket: 'in_progress' },
    });
    const audit = await c.t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('entity', '=', 'steer_task')
      .execute();
    expect(audit).toContainEqual({ action: 'steer.task.create', entityId: String(task.id) });
    const detail = await c.services.tasks.detail(secretariat, task.id);
    expect(detail.history[0]).toMatchObject({ kind: 'created', actor: 'Thư ký Ban Chỉ đạo' });
  });

  it('runs inside the caller’s transaction: a rollback there leaves nothing', async () => {
    const before = await count();
    await expect(
      c.t.deps.db.transaction().execute(async (trx) => {
        await c.services.tasks.createTask(
          c.ctx(c.people.secretariat),
          {
            ownerUnitId: c.tree.province,
            title: 'Kết luận: rà soát dịch vụ công',
            leadUnitIds: [c.tree.department],
            deadline: '30/6/2026',
            source: { kind: 'conclusion', ref: '7', label: 'Thông báo kết luận số 12/TB-BCĐ' },
          },
          trx,
        );
        throw new Error('caller fails');
      }),
    ).rejects.toThrow('caller fails');
    expect(await count()).toBe(before);
  });

  it('refuses no lead unit, two lead units, an unknown KPI and unreadable deadline text in Vietnamese', async () => {
    const before = await count();
    const base = { planId, title: 'X', deadline: 'Quý II/2026' };
    const none = await refusal(
      c.services.tasks.createTask(c.ctx(c.people.secretariat), { ...base, leadUnitIds: [] }),
    );
    expect(none.status).toBe(400);
    expect(none.detailKey).toBe('steer.one_lead_unit');
    const two = await refusal(
      c.services.tasks.createTask(c.ctx(c.people.secretariat), {
        ...base,
        leadUnitIds: [c.tree.communeA, c.tree.communeB],
      }),
    );
    expect(two.params).toEqual({ count: 2 });
    const kpi = await refusal(
      c.services.tasks.createTask(c.ctx(c.people.secretariat), {
        ...base,
        leadUnitIds: [c.tree.communeA],
        kpiCode: 'NO_SUCH_KPI',
      }),
    );
    expect(kpi.fieldErrors[0]).toMatchObject({ field: 'body.kpiCode', code: 'steer.unknown_kpi' });
    const deadline = await refusal(
      c.services.tasks.createTask(c.ctx(c.people.secretariat), {
        ...base,
        leadUnitIds: [c.tree.communeA],
        deadline: 'khi nào xong',
      }),
    );
    expect(deadline.detailKey).toBe('steer.deadline.unrecognised');
    expect(deadline.params).toEqual({ text: 'khi nào xong' });
    expect(await count()).toBe(before);
  });

  it('lets only the secretariat of the owner unit create tasks', async () => {
    const e = await refusal(
      c.services.tasks.createTask(c.ctx(c.people.officerA), {
        planId,
        title: 'X',
        leadUnitIds: [c.tree.communeA],
        deadline: '2026',
      }),
    );
    expect(e.status).toBe(403);
  });

  it('shows a merged commune’s task under its successor, and only to those in scope', async () => {
    const task = await c.services.tasks.createTask(c.ctx(c.people.secretariat), {
      planId,
      title: 'Số hóa hồ sơ địa chính xã cũ',
      leadUnitIds: [c.tree.oldCommune],
      deadline: 'Tháng 12/2026',
    });
    expect(task.leadUnit).toEqual({ id: c.tree.communeA, name: 'Phường Phan Đình Phùng' });
    expect(task.originalLeadUnit).toEqual({ id: c.tree.oldCommune, name: 'Xã Cũ Trước Sáp Nhập' });
    const seenByA = await c.services.tasks.listTasks(c.people.officerA, { planId });
    expect(seenByA.items.map((t) => t.id)).toContain(task.id);
    const seenByB = await c.services.tasks.listTasks(c.people.officerB, { planId });
    expect(seenByB.items.map((t) => t.id)).not.toContain(task.id);
    expect((await refusal(c.services.tasks.getTask(c.people.officerB, task.id))).status).toBe(404);
  });

  it('hides a confidential task from readers above it, not from its units or the committee', async () => {
    const task = await c.services.tasks.createTask(c.ctx(c.people.secretariat), {
      planId,
      title: 'Nhiệm vụ mật',
      leadUnitIds: [c.tree.department],
      coordinatingUnitIds: [c.tree.communeB],
      deadline: 'Năm 2026',
      confidential: true,
    });
    for (const who of ['secretariat', 'leader', 'deptOfficer', 'officerB'] as const)
      expect((await c.services.tasks.listTasks(c.people[who], {})).items.map((t) => t.id)).toContain(task.id);
    for (const who of ['viewer', 'provinceOfficer', 'officerA'] as const) {
      expect((await c.services.tasks.listTasks(c.people[who], {})).items.map((t) => t.id)).not.toContain(
        task.id,
      );
      expect((await refusal(c.services.tasks.getTask(c.people[who], task.id))).status).toBe(404);
    }
  });
});
