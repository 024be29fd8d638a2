import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Steer's committee meetings (joined into audit-steps.ts): a meeting of the province's committee,
// a document added and removed, the notice, conclusions added, edited, one turned into a task, one deleted.

// The shape of audit-steps.ts's steps, restated so the two files do not import each other.
type Ctx = Record<string, number | string>;
type Step = {
  op: string;
  request: (ctx: Ctx) => { url: string; payload?: unknown } | Promise<{ url: string; payload?: unknown }>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

export function steerMeetingSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  const url = (c: Ctx, rest = '') => `/api/steer/meetings/${c.meeting}${rest}`;
  return [
    {
      op: 'POST /api/steer/meetings',
      request: () => ({
        url: '/api/steer/meetings',
        payload: {
          unitId: tree.province,
          title: 'Họp Ban Chỉ đạo quý I',
          kind: 'regular_quarterly',
          date: '2026-03-20',
          time: '14:00',
          chairName: 'Trưởng ban',
          attendees: [{ unitId: tree.communeA }],
          agenda: [{ title: 'Đánh giá quý I' }],
        },
      }),
      after: (b, c) => {
        c.meeting = Number(b.id);
      },
    },
    {
      op: 'PATCH /api/steer/meetings/{id}',
      request: (c) => ({ url: url(c), payload: { location: 'Phòng họp 2' } }),
    },
    {
      op: 'POST /api/steer/meetings/{id}/documents',
      request: async (c) => {
        const upload = multipartBody({ name: 'du-thao.png', data: PNG_1X1, contentType: 'image/png' });
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/files?purpose=evidence',
          headers: { ...env.admin().headers, ...upload.headers },
          payload: upload.payload,
        });
        return { url: url(c, '/documents'), payload: { fileId: res.json().id, title: 'Dự thảo báo cáo' } };
      },
      after: (b, c) => {
        c.meetingDocument = Number((b.documents as { id: number }[])[0].id);
      },
    },
    {
      op: 'DELETE /api/steer/meetings/{id}/documents/{documentId}',
      request: (c) => ({ url: url(c, `/documents/${c.meetingDocument}`) }),
    },
    {
      op: 'PUT /api/steer/meetings/{id}/notice',
      request: (c) => ({
        url: url(c, '/notice'),
        payload: { numberSymbol: '12/TB-BCĐ', issuedOn: '2026-03-21' },
      }),
    },
    {
      op: 'POST /api/steer/meetings/{id}/conclusions',
      request: (c) => ({ url: url(c, '/conclusions'), payload: { text: 'Số hoá hồ sơ' } }),
      after: (b, c) => {
        c.conclusion = Number((b.conclusions as { id: number }[])[0].id);
      },
    },
    {
      op: 'PATCH /api/steer/meetings/{id}/conclusions/{conclusionId}',
      request: (c) => ({
        url: url(c, `/conclusions/${c.conclusion}`),
        payload: { text: 'Hoàn thành số hoá hồ sơ' },
      }),
    },
    {
      op: 'POST /api/steer/meetings/{id}/conclusions/{conclusionId}/task',
      request: (c) => ({
        url: url(c, `/conclusions/${c.conclusion}/task`),
        payload: { leadUnitId: tree.communeA, deadline: 'Quý II/2026' },
      }),
    },
    {
      op: 'DELETE /api/steer/meetings/{id}/conclusions/{conclusionId}',
      request: async (c) => {
        const res = await t.app.inject({
          method: 'POST',
          url: url(c, '/conclusions'),
          headers: env.admin().headers,
          payload: { text: 'Kết luận nhập nhầm' },
        });
        const added = (res.json().conclusions as { id: number }[]).at(-1);
        return { url: url(c, `/conclusions/${added?.id}`) };
      },
    },
  ];
}
