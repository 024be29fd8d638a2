import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Steer's plans, tasks and progress (joined into audit-steps.ts): a plan of the province with a
// group and a task the province itself leads (so the province's admin reports on it as a member of the lead
// unit), progress and its answer, an extension and its decision, the lifecycle, and the deletions.

// The shape of audit-steps.ts's steps, restated so the two files do not import each other.
type Ctx = Record<string, number | string>;
type Step = {
  op: string;
  request: (ctx: Ctx) => { url: string; payload?: unknown } | Promise<{ url: string; payload?: unknown }>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

async function post(t: TestApp, admin: LoggedIn, url: string, payload?: unknown) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: admin.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as { id: number };
}

export function steerTaskSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  const plan = (numberSymbol: string) => ({
    numberSymbol,
    issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
    issuingUnitId: tree.province,
    issuedOn: '2026-01-15',
    title: 'Kế hoạch chuyển đổi số năm 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    legalBasis: [{ title: 'Nghị quyết số 57-NQ/TW', url: 'https://example.vn/57' }],
  });
  const task = (c: Ctx) => ({
    planId: c.steerPlan,
    groupId: c.steerGroup,
    title: 'Triển khai nền tảng số',
    isKey: true,
    leadUnitIds: [tree.province],
    coordinatingUnitIds: [tree.communeA],
    deadline: 'Quý IV/2026',
  });
  return [
    {
      op: 'POST /api/steer/plans',
      request: () => ({ url: '/api/steer/plans', payload: plan('3609/KH-BĐHCĐS') }),
      after: (body, c) => {
        c.steerPlan = Number(body.id);
      },
    },
    {
      op: 'PATCH /api/steer/plans/{id}',
      request: (c) => ({
        url: `/api/steer/plans/${c.steerPlan}`,
        payload: { title: 'Kế hoạch chuyển đổi số 2026' },
      }),
    },
    {
      op: 'POST /api/steer/plans/{id}/groups',
      request: (c) => ({
        url: `/api/steer/plans/${c.steerPlan}/groups`,
        payload: { code: 'I', title: 'Chính quyền số' },
      }),
      after: (body, c) => {
        c.steerGroup = Number(body.id);
      },
    },
    {
      op: 'PATCH /api/steer/plans/{id}/groups/{groupId}',
      request: (c) => ({
        url: `/api/steer/plans/${c.steerPlan}/groups/${c.steerGroup}`,
        payload: { title: 'Phát triển chính quyền số' },
      }),
    },
    {
      op: 'POST /api/steer/plans/{id}/issue',
      request: (c) => ({ url: `/api/steer/plans/${c.steerPlan}/issue` }),
    },
    {
      op: 'POST /api/steer/tasks',
      request: (c) => ({ url: '/api/steer/tasks', payload: task(c) }),
      after: (body, c) => {
        c.steerTask = Number(body.id);
      },
    },
    {
      op: 'PATCH /api/steer/tasks/{id}',
      request: (c) => ({ url: `/api/steer/tasks/${c.steerTask}`, payload: { deadline: 'Tháng 11/2026' } }),
    },
    {
      op: 'POST /api/steer/tasks/{id}/progress',
      request: (c) => ({
        url: `/api/steer/tasks/${c.steerTask}/progress`,
        payload: { percent: 40, text: 'Đã lắp đặt thiết bị', proposals: 'Đề nghị bổ sung kinh phí' },
      }),
      after: (body, c) => {
        c.steerProgress = Number(body.id);
      },
    },
    {
      op: 'POST /api/steer/tasks/{id}/progress/{progressId}/answer',
      request: (c) => ({
        url: `/api/steer/tasks/${c.steerTask}/progress/${c.steerProgress}/answer`,
        payload: { answer: 'Sở Tài chính bố trí trong quý III' },
      }),
    },
    {
      op: 'POST /api/steer/tasks/{id}/extensions',
      request: (c) => ({
        url: `/api/steer/tasks/${c.steerTask}/extensions`,
        payload: { requestedDue: '2027-03-31', reason: 'Chờ kinh phí' },
      }),
      after: (body, c) => {
        c.steerExtension = Number(body.id);
      },
    },
    {
      op: 'POST /api/steer/tasks/{id}/extensions/{extensionId}/decision',
      request: (c) => ({
        url: `/api/steer/tasks/${c.steerTask}/extensions/${c.steerExtension}/decision`,
        payload: { decision: 'approve', note: 'Đồng ý' },
      }),
    },
    {
      op: 'POST /api/steer/tasks/{id}/transitions',
      request: (c) => ({
        url: `/api/steer/tasks/${c.steerTask}/transitions`,
        payload: { action: 'report_done', text: 'Hoàn thành, Quyết định số 12/QĐ-UBND' },
      }),
    },
    {
      op: 'DELETE /api/steer/tasks/{id}',
      request: async (c) => {
        const spare = await post(t, env.admin(), '/api/steer/tasks', {
          ...task(c),
          title: 'Nhiệm vụ nhập nhầm',
        });
        return { url: `/api/steer/tasks/${spare.id}` };
      },
    },
    {
      op: 'DELETE /api/steer/plans/{id}/groups/{groupId}',
      request: async (c) => {
        const spare = await post(t, env.admin(), `/api/steer/plans/${c.steerPlan}/groups`, {
          code: 'IX',
          title: 'Nhóm thừa',
        });
        return { url: `/api/steer/plans/${c.steerPlan}/groups/${spare.id}` };
      },
    },
    {
      op: 'POST /api/steer/plans/{id}/supersede',
      request: async (c) => {
        const next = await post(t, env.admin(), '/api/steer/plans', plan('4000/KH-BĐHCĐS'));
        await post(t, env.admin(), `/api/steer/plans/${next.id}/issue`);
        return { url: `/api/steer/plans/${c.steerPlan}/supersede`, payload: { supersededById: next.id } };
      },
    },
    {
      op: 'DELETE /api/steer/plans/{id}',
      request: async () => {
        const draft = await post(t, env.admin(), '/api/steer/plans', plan('99/KH-NHÁP'));
        return { url: `/api/steer/plans/${draft.id}` };
      },
    },
  ];
}
