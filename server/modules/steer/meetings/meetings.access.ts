import type { AccessRow } from '../../../lib/access-table.js';

// The authorisation matrix rows of committee meetings (joined into steer.access.ts). A meeting belongs to its
// committee's unit: readers of that unit (steer.read) see it, its briefing pack and its conclusions; its secretariat
// (steer.manage there) edits it, its notice and conclusions and turns conclusions into tasks. The world seeds a
// meeting for the sibling commune and one for the province (test/security/authz-world-steer-meetings.ts).
export const meetingsAccess: AccessRow[] = [
  { operation: 'GET /api/steer/meetings', permission: 'steer.read', unit: 'none', example: {} },
  {
    operation: 'POST /api/steer/meetings',
    permission: 'steer.manage',
    unit: 'body:unitId',
    example: {
      body: {
        unitId: '$unit',
        title: 'Họp Ban Chỉ đạo quý I',
        kind: 'regular_quarterly',
        date: '2026-03-20',
        time: '14:00',
        chairName: 'Trưởng ban',
        attendees: [{ unitId: '$unit' }],
        agenda: [{ title: 'Đánh giá kết quả quý I' }],
      },
    },
  },
  {
    operation: 'GET /api/steer/meetings/{id}',
    permission: 'steer.read',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting' } },
  },
  {
    operation: 'PATCH /api/steer/meetings/{id}',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting' }, body: { location: 'Phòng họp số 2' } },
  },
  {
    operation: 'POST /api/steer/meetings/{id}/documents',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting' }, body: { fileId: '$meetingFile', title: 'Dự thảo báo cáo' } },
  },
  {
    operation: 'DELETE /api/steer/meetings/{id}/documents/{documentId}',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting', documentId: '$meetingDocument' } },
  },
  {
    operation: 'PUT /api/steer/meetings/{id}/notice',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: {
      params: { id: '$meeting' },
      body: { numberSymbol: '12/TB-BCĐ', issuedOn: '2026-03-21', signer: 'Trưởng ban' },
    },
  },
  {
    operation: 'POST /api/steer/meetings/{id}/conclusions',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting' }, body: { text: 'Đẩy nhanh số hoá hồ sơ' } },
  },
  {
    operation: 'PATCH /api/steer/meetings/{id}/conclusions/{conclusionId}',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting', conclusionId: '$conclusion' }, body: { text: 'Sửa kết luận' } },
  },
  {
    operation: 'DELETE /api/steer/meetings/{id}/conclusions/{conclusionId}',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting', conclusionId: '$spareConclusion' } },
  },
  {
    operation: 'POST /api/steer/meetings/{id}/conclusions/{conclusionId}/task',
    permission: 'steer.manage',
    unit: 'meeting.unit',
    example: {
      params: { id: '$meeting', conclusionId: '$conclusion' },
      body: { leadUnitId: '$unit', deadline: 'Quý II/2026' },
    },
  },
  {
    operation: 'GET /api/steer/meetings/{id}/briefing.docx',
    permission: 'steer.read',
    unit: 'meeting.unit',
    example: { params: { id: '$meeting' } },
  },
];
