import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Steer's urging (joined into audit-steps.ts): an urging letter to the province about an overdue
// task it leads (created first, outside the steps), and the reminder settings.

// The shape of audit-steps.ts's steps, restated so the two files do not import each other.
type Ctx = Record<string, number | string>;
type Step = {
  op: string;
  request: (ctx: Ctx) => { url: string; payload?: unknown } | Promise<{ url: string; payload?: unknown }>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

export function steerUrgingSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  return [
    {
      op: 'POST /api/steer/urging/units/{unitId}/letters',
      request: async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/steer/tasks',
          headers: env.admin().headers,
          payload: {
            ownerUnitId: tree.province,
            title: 'Cập nhật cơ sở dữ liệu cán bộ',
            leadUnitIds: [tree.province],
            deadline: '15/01/2026',
            assignedOn: '2026-01-05',
          },
        });
        if (res.statusCode >= 300)
          throw new Error(`urging task: ${res.statusCode} ${res.body.slice(0, 300)}`);
        return {
          url: `/api/steer/urging/units/${tree.province}/letters`,
          payload: { number: '12', signerName: 'Nguyễn Văn B' },
        };
      },
    },
    {
      op: 'PUT /api/steer/urging/settings',
      request: () => ({
        url: '/api/steer/urging/settings',
        payload: { beforeDays: [10, 3, 1], overdueEveryDays: 5, cycleBeforeDays: 7 },
      }),
    },
  ];
}
