import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation rows of Steer's plans, tasks and progress (joined into steer.access.ts). The examples refer
// to what test/security/authz-world-steer-tasks.ts seeds for each target unit: '$plan' (issued by it), '$draftPlan',
// '$group', '$task' (it leads it), '$extension' (pending), '$progress' (with proposals). 'task.unit' is the task's
// owner unit (the plan's issuing unit); reports and extension requests also need membership of the lead unit,
// which the service checks after the row's rule.
export const tasksAccess: AccessRow[] = [
  { operation: 'GET /api/steer/plans', permission: 'steer.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/steer/plans',
    permission: 'steer.manage',
    unit: 'body:issuingUnitId',
    example: {
      body: {
        numberSymbol: '12/KH-BCĐ',
        issuingBody: 'Ban Chỉ đạo',
        issuingUnitId: '$unit',
        issuedOn: '2026-02-01',
        title: 'Kế hoạch chuyển đổi số',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
      },
    },
  },
  {
    operation: 'GET /api/steer/plans/{id}',
    permission: 'steer.read',
    unit: 'plan.unit',
    example: { params: { id: '$plan' } },
  },
  {
    operation: 'PATCH /api/steer/plans/{id}',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan' }, body: { title: 'Kế hoạch sửa' } },
  },
  {
    operation: 'DELETE /api/steer/plans/{id}',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$draftPlan' } },
  },
  {
    operation: 'POST /api/steer/plans/{id}/issue',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$draftPlan' } },
  },
  {
    operation: 'POST /api/steer/plans/{id}/supersede',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan' }, body: { supersededById: '$plan' } },
  },
  {
    operation: 'GET /api/steer/plans/{id}/tree',
    permission: 'steer.read',
    unit: 'plan.unit',
    example: { params: { id: '$plan' }, query: { asOf: '2026-03-01' } },
  },
  {
    operation: 'POST /api/steer/plans/{id}/groups',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan' }, body: { code: 'IX', title: 'Nhóm mới' } },
  },
  {
    operation: 'PATCH /api/steer/plans/{id}/groups/{groupId}',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan', groupId: '$group' }, body: { title: 'Nhóm sửa' } },
  },
  {
    operation: 'DELETE /api/steer/plans/{id}/groups/{groupId}',
    permission: 'steer.manage',
    unit: 'plan.unit',
    example: { params: { id: '$plan', groupId: '$group' } },
  },
  {
    operation: 'GET /api/steer/tasks',
    permission: 'steer.read',
    unit: 'none',
    example: { query: { asOf: '2026-03-01' } },
  },
  {
    operation: 'POST /api/steer/tasks',
    permission: 'steer.manage',
    unit: 'body:ownerUnitId',
    example: {
      body: { ownerUnitId: '$unit', title: 'Nhiệm vụ mới', leadUnitIds: ['$unit'], deadline: 'Quý II/2026' },
    },
  },
  {
    operation: 'GET /api/steer/tasks/{id}',
    permission: 'steer.read',
    unit: 'task.unit',
    example: { params: { id: '$task' } },
  },
  {
    operation: 'PATCH /api/steer/tasks/{id}',
    permission: 'steer.manage',
    unit: 'task.unit',
    example: { params: { id: '$task' }, body: { title: 'Nhiệm vụ sửa' } },
  },
  {
    operation: 'DELETE /api/steer/tasks/{id}',
    permission: 'steer.manage',
    unit: 'task.unit',
    example: { params: { id: '$task' } },
  },
  {
    operation: 'POST /api/steer/tasks/{id}/transitions',
    permission: 'steer.report',
    unit: 'task.unit',
    example: { params: { id: '$task' }, body: { action: 'start' } },
  },
  {
    operation: 'POST /api/steer/tasks/{id}/extensions',
    permission: 'steer.report',
    unit: 'task.unit',
    example: { params: { id: '$task' }, body: { requestedDue: '2026-12-31', reason: 'Chờ kinh phí' } },
  },
  {
    operation: 'POST /api/steer/tasks/{id}/extensions/{extensionId}/decision',
    permission: 'steer.approve',
    unit: 'task.unit',
    example: { params: { id: '$task', extensionId: '$extension' }, body: { decision: 'approve' } },
  },
  {
    operation: 'POST /api/steer/tasks/{id}/progress',
    permission: 'steer.report',
    unit: 'task.unit',
    example: { params: { id: '$task' }, body: { percent: 40, text: 'Đã triển khai' } },
  },
  {
    operation: 'POST /api/steer/tasks/{id}/progress/{progressId}/answer',
    permission: 'steer.manage',
    unit: 'task.unit',
    example: { params: { id: '$task', progressId: '$progress' }, body: { answer: 'Đồng ý' } },
  },
];
