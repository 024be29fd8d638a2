import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of News (joined into audit-steps.ts): the admin writes a draft, saves it, sets its cover, sends it
// for approval; a second person (a secretariat member of the province) approves it, then withdraws it; a second
// item is sent and returned.

// The shape of audit-steps.ts's steps, restated so the two files do not import each other.
type Ctx = Record<string, number | string>;
type Request = {
  url: string;
  payload?: unknown;
  raw?: { payload: Buffer; headers: Record<string, string> };
  as?: () => Record<string, string>;
};
type Step = {
  op: string;
  request: (ctx: Ctx) => Request | Promise<Request>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

const item = (title: string) => ({
  kind: 'story',
  title,
  summary: 'Tóm tắt',
  body: 'Nội dung.',
  pillars: ['society'],
  unitIds: [],
});

export function newsSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  let second: LoggedIn | null = null;
  const secondPerson = async () => {
    second ??= await loginAs(t, { role: 'secretariat', unitId: tree.province });
    return second;
  };
  const asSecond = async (url: string, payload?: unknown): Promise<Request> => {
    const who = await secondPerson();
    return { url, payload, as: () => who.headers };
  };
  return [
    {
      op: 'POST /api/news/items',
      request: () => ({
        url: '/api/news/items',
        payload: { ...item('Tin kiểm tra nhật ký'), unitId: tree.province },
      }),
      after: (b, c) => {
        c.newsItem = Number(b.id);
      },
    },
    {
      op: 'PUT /api/news/items/{id}',
      request: (c) => ({
        url: `/api/news/items/${c.newsItem}`,
        payload: { ...item('Tin đã sửa'), revision: 1 },
      }),
    },
    {
      op: 'POST /api/news/items/{id}/cover',
      request: (c) => ({
        url: `/api/news/items/${c.newsItem}/cover`,
        raw: multipartBody({ name: 'anh.png', data: PNG_1X1, contentType: 'image/png' }),
      }),
    },
    {
      op: 'POST /api/news/items/{id}/submit',
      request: (c) => ({ url: `/api/news/items/${c.newsItem}/submit`, payload: {} }),
    },
    {
      op: 'POST /api/news/items/{id}/approve',
      request: (c) => asSecond(`/api/news/items/${c.newsItem}/approve`),
    },
    {
      op: 'POST /api/news/items/{id}/withdraw',
      request: (c) => asSecond(`/api/news/items/${c.newsItem}/withdraw`, { reason: 'Kiểm tra' }),
    },
    {
      op: 'POST /api/news/items/{id}/return',
      request: async () => {
        const admin = env.admin().headers;
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/news/items',
          headers: admin,
          payload: { ...item('Tin trả lại'), unitId: tree.province },
        });
        const id = created.json().id;
        await t.app.inject({
          method: 'POST',
          url: `/api/news/items/${id}/submit`,
          headers: admin,
          payload: {},
        });
        return asSecond(`/api/news/items/${id}/return`, { note: 'Bổ sung' });
      },
    },
  ];
}
