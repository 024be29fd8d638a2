import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../test/helpers/test-db.js';
import {
  createSteerTestApp,
  insertPlan,
  type SteerTestContext,
} from '../modules/steer/tasks/steer-tasks-test-fixtures.js';
import { runRebuildSteerStatus } from './rebuild-steer-status.js';

// `npx dxboard rebuild-steer-status` after the stored spans were damaged by hand: every task's spans come back
// as the service computes them, and a stray argument is a usage error that changes nothing.
describe.each(testDialects())('rebuild-steer-status CLI on %s', (dialect) => {
  let c: SteerTestContext;
  const out: string[] = [];
  const err: string[] = [];
  const spans = () =>
    c.t.deps.db
      .selectFrom('steerTaskStatusSpans')
      .select(['taskId', 'status', 'bucket', 'fromDay', 'toDay'])
      .orderBy('taskId')
      .orderBy('fromDay')
      .execute();

  beforeAll(async () => {
    c = await createSteerTestApp(dialect);
    const planId = (await insertPlan(c)).id;
    for (const deadline of ['30/6/2026', 'Quý I/2026', 'Hằng tháng'])
      await c.services.tasks.createTask(c.ctx(c.people.secretariat), {
        planId,
        title: `Nhiệm vụ ${deadline}`,
        leadUnitIds: [c.tree.communeA],
        deadline,
      });
    vi.spyOn(console, 'info').mockImplementation((...a) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  });
  afterEach(() => {
    out.length = 0;
    err.length = 0;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await c.t.close();
  });

  it('recomputes every task after the spans were edited by hand', async () => {
    await c.services.tasks.listTasks(c.people.secretariat, {});
    const before = await spans();
    expect(before.length).toBeGreaterThanOrEqual(3);
    await c.t.deps.db
      .updateTable('steerTaskStatusSpans')
      .set({ status: 'cancelled', bucket: null })
      .execute();
    expect(await runRebuildSteerStatus([], c.t.deps)).toBe(0);
    expect(await spans()).toEqual(before);
    expect(out.join('\n')).toMatch(/status spans of 3 tasks rebuilt/);
  });

  it('refuses arguments it does not know', async () => {
    expect(await runRebuildSteerStatus(['--all'], c.t.deps)).toBe(2);
    expect(err.join('\n')).toMatch(/Usage: npx dxboard rebuild-steer-status/);
  });
});
