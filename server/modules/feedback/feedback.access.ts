import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the Feedback module (see server/lib/access-table.ts). '$feedbackReport' is a
// report with the target unit, '$feedbackCode' its public code, '$feedbackPhoto' its photo, '$feedbackCategory' a
// category; seeded by test/security/authz-world-feedback.ts. The citizens' API and Open311 are public by design
// (what they show is masked); their writes need a secret the matrix does not hold (a solved challenge, a one-time
// code, the reporter's contact, an api_key), so they answer 4xx to everyone there.

const report = { params: { id: '$feedbackReport' } };

const staffRows: AccessRow[] = [
  {
    operation: 'GET /api/feedback/categories',
    permission: 'signed-in',
    unit: 'none',
    example: {},
  },
  {
    operation: 'POST /api/feedback/categories',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: {
      body: {
        code: 'MATRIX_NEW',
        nameVi: 'Lĩnh vực thử',
        nameEn: 'Test category',
        deadlineAmount: 10,
        deadlineKind: 'working_days',
      },
    },
  },
  {
    operation: 'PUT /api/feedback/categories/{id}',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: {
      params: { id: '$feedbackCategory' },
      body: {
        code: 'MATRIX_CAT',
        nameVi: 'Lĩnh vực sửa',
        nameEn: 'Edited',
        deadlineAmount: 7,
        deadlineKind: 'days',
      },
    },
  },
  {
    operation: 'GET /api/feedback/calendar',
    permission: 'signed-in',
    unit: 'none',
    example: { query: { year: 2026 } },
  },
  {
    operation: 'PUT /api/feedback/calendar/{day}',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: { params: { day: '2026-12-24' }, body: { kind: 'holiday', name: 'Ngày nghỉ của tỉnh' } },
  },
  {
    operation: 'DELETE /api/feedback/calendar/{day}',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: { params: { day: '2026-09-01' } },
  },
  {
    operation: 'GET /api/feedback/routing-rules',
    permission: 'signed-in',
    unit: 'none',
    example: {},
  },
  {
    operation: 'POST /api/feedback/routing-rules',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: { body: { categoryId: '$feedbackCategory', areaUnitId: '$unit', unitId: '$unit' } },
  },
  {
    operation: 'DELETE /api/feedback/routing-rules/{id}',
    permission: 'feedback.manage',
    unit: 'top-level',
    example: { params: { id: '$feedbackRoutingRule' } },
  },
  {
    operation: 'GET /api/feedback/reports',
    permission: 'feedback.read',
    unit: 'none',
    example: { query: { status: 'in_progress' } },
  },
  {
    operation: 'GET /api/feedback/reports/{id}',
    permission: 'feedback.read',
    unit: 'feedback.unit',
    example: report,
  },
  {
    operation: 'POST /api/feedback/reports/{id}/assign',
    permission: 'feedback.manage',
    unit: 'feedback.unit',
    example: { ...report, body: { unitId: '$unit', reason: 'Chuyển đúng thẩm quyền' } },
  },
  {
    operation: 'GET /api/feedback/reports.xlsx',
    permission: 'feedback.read',
    unit: 'none',
    example: { query: { status: 'in_progress' } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/merge',
    permission: 'feedback.manage',
    unit: 'feedback.unit',
    example: { ...report, body: { intoId: '$feedbackReport', reason: 'Trùng phản ánh' } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/accept',
    permission: 'feedback.handle',
    unit: 'feedback.unit',
    example: report,
  },
  {
    operation: 'POST /api/feedback/reports/{id}/answer',
    permission: 'feedback.handle',
    unit: 'feedback.unit',
    example: { ...report, body: { answer: 'Đã xử lý xong', fileIds: [] } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/refuse',
    permission: 'feedback.manage',
    unit: 'feedback.unit',
    example: { ...report, body: { kind: 'duplicate', reason: 'Trùng phản ánh khác' } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/close',
    permission: 'feedback.manage',
    unit: 'feedback.unit',
    example: { ...report, body: {} },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/notes',
    permission: 'feedback.handle',
    unit: 'feedback.unit',
    example: { ...report, body: { text: 'Đã gọi điện cho người phản ánh' } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/extension',
    permission: 'feedback.handle',
    unit: 'feedback.unit',
    example: { ...report, body: { days: 5, reason: 'Cần khảo sát hiện trường' } },
  },
  {
    operation: 'POST /api/feedback/reports/{id}/extension/decision',
    permission: 'feedback.manage',
    unit: 'feedback.unit',
    example: { ...report, body: { approve: true } },
  },
];

const P = '/api/public/feedback';
const code = { params: { code: '$feedbackCode' } };

const publicRows: AccessRow[] = [
  { operation: `GET ${P}/settings`, permission: 'public', unit: 'none', example: {} },
  { operation: `GET ${P}/categories`, permission: 'public', unit: 'none', example: {} },
  { operation: `GET ${P}/areas`, permission: 'public', unit: 'none', example: {}, participants: true },
  { operation: `GET ${P}/challenge`, permission: 'public', unit: 'none', example: {} },
  {
    operation: `POST ${P}/otp`,
    permission: 'public',
    unit: 'none',
    expectPublic: '4xx',
    example: {
      body: {
        contact: { kind: 'email', value: 'nguoidan@example.vn' },
        purpose: 'submit',
        pow: { challenge: 'not-a-real-challenge', nonce: '1' },
      },
    },
  },
  { operation: `POST ${P}/photos`, permission: 'public', unit: 'none', example: { upload: 'png' } },
  {
    operation: `POST ${P}/reports`,
    permission: 'public',
    unit: 'none',
    expectPublic: '4xx',
    example: {
      body: {
        categoryId: '$feedbackCategory',
        title: 'Đèn đường hỏng',
        description: 'Đèn đường trước nhà văn hoá không sáng',
        address: 'Thôn 2',
        contact: { kind: 'email', value: 'nguoidan@example.vn' },
        otp: { otpId: 'not-a-real-code-id', code: '123456' },
      },
    },
  },
  { operation: `GET ${P}/reports`, permission: 'public', unit: 'none', example: {}, participants: true },
  {
    operation: `GET ${P}/reports/nearby`,
    permission: 'public',
    unit: 'none',
    example: { query: { categoryId: '$feedbackCategory', lat: 21.3, lng: 105.6 } },
    participants: true,
  },
  {
    operation: `GET ${P}/reports/{code}`,
    permission: 'public',
    unit: 'none',
    example: code,
    participants: true,
  },
  {
    operation: `GET ${P}/reports/{code}/files/{fileId}`,
    permission: 'public',
    unit: 'none',
    example: { params: { code: '$feedbackCode', fileId: '$feedbackPhoto' } },
  },
  {
    operation: `POST ${P}/reports/{code}/rating`,
    permission: 'public',
    unit: 'none',
    expectPublic: '4xx',
    example: { ...code, body: { satisfied: true, contact: 'someone-else@example.vn' } },
  },
  {
    operation: `POST ${P}/reports/{code}/subscribe`,
    permission: 'public',
    unit: 'none',
    expectPublic: '4xx',
    example: {
      ...code,
      body: { email: 'nguoidan@example.vn', otp: { otpId: 'not-a-real-code-id', code: '123456' } },
    },
  },
  {
    operation: `GET ${P}/stats`,
    permission: 'public',
    unit: 'none',
    example: { query: { year: 2026 } },
    participants: true,
  },
];

const O = '/api/open311/v2';
const open311Rows: AccessRow[] = [
  {
    operation: `GET ${O}/{file}`,
    permission: 'public',
    unit: 'none',
    example: { params: { file: 'requests.json' } },
    participants: true,
  },
  {
    operation: `POST ${O}/{file}`,
    permission: 'public',
    unit: 'none',
    expectPublic: '4xx',
    example: {
      params: { file: 'requests.json' },
      body: { service_code: 'MATRIX_CAT', description: 'Không có api_key' },
    },
  },
  {
    operation: `GET ${O}/services/{file}`,
    permission: 'public',
    unit: 'none',
    example: { params: { file: '$feedbackServiceFile' } },
  },
  {
    operation: `GET ${O}/tokens/{file}`,
    permission: 'public',
    unit: 'none',
    example: { params: { file: '$feedbackRequestFile' } },
  },
  {
    operation: `GET ${O}/requests/{file}`,
    permission: 'public',
    unit: 'none',
    example: { params: { file: '$feedbackRequestFile' } },
    participants: true,
  },
];

export const feedbackAccess: AccessRow[] = [...staffRows, ...publicRows, ...open311Rows];
