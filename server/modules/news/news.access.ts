import type { AccessRow } from '../../lib/access-table.js';

// The authorisation rows of the News module (see server/lib/access-table.ts). '$newsItem' is a draft of the
// target unit (its title carries the target's marker), '$newsPending' one waiting for approval and
// '$newsPublished' a published one ('$newsSlug' its link name), seeded by test/security/authz-world-news.ts.
// The portal's reads name the publishing unit of a published item by design.
const item = {
  kind: 'news',
  title: 'Tin mới',
  summary: 'Tóm tắt tin',
  body: 'Nội dung tin.',
  pillars: ['society'],
  unitIds: [],
};

export const newsAccess: AccessRow[] = [
  {
    operation: 'GET /api/news/items',
    permission: 'news.write',
    unit: 'query:unitId',
    example: { query: { unitId: '$unit' } },
  },
  {
    operation: 'POST /api/news/items',
    permission: 'news.write',
    unit: 'body:unitId',
    example: { body: { ...item, unitId: '$unit' } },
  },
  {
    operation: 'GET /api/news/items/{id}',
    permission: 'news.write',
    unit: 'news.unit',
    example: { params: { id: '$newsItem' } },
  },
  {
    operation: 'PUT /api/news/items/{id}',
    permission: 'news.write',
    unit: 'news.unit',
    example: { params: { id: '$newsItem' }, body: { ...item, revision: 1 } },
  },
  {
    operation: 'GET /api/news/items/{id}/cover',
    permission: 'news.write',
    unit: 'news.unit',
    example: { params: { id: '$newsPublished' } },
  },
  {
    operation: 'POST /api/news/items/{id}/cover',
    permission: 'news.write',
    unit: 'news.unit',
    example: { params: { id: '$newsItem' }, upload: 'png' },
  },
  {
    operation: 'POST /api/news/items/{id}/submit',
    permission: 'news.write',
    unit: 'news.unit',
    example: { params: { id: '$newsItem' }, body: {} },
  },
  {
    operation: 'POST /api/news/items/{id}/approve',
    permission: 'news.approve',
    unit: 'news.unit',
    example: { params: { id: '$newsPending' } },
  },
  {
    operation: 'POST /api/news/items/{id}/return',
    permission: 'news.approve',
    unit: 'news.unit',
    example: { params: { id: '$newsPending' }, body: { note: 'Bổ sung số liệu' } },
  },
  {
    operation: 'POST /api/news/items/{id}/withdraw',
    permission: 'news.approve',
    unit: 'news.unit',
    example: { params: { id: '$newsPublished' }, body: { reason: 'Thông tin chưa chính xác' } },
  },
  {
    operation: 'GET /api/public/news',
    permission: 'public',
    unit: 'none',
    example: {},
    participants: true,
  },
  {
    operation: 'GET /api/public/news.atom',
    permission: 'public',
    unit: 'none',
    example: {},
    participants: true,
  },
  {
    operation: 'GET /api/public/news/{slug}',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$newsSlug' } },
    participants: true,
  },
  {
    operation: 'GET /api/public/news/{slug}/cover',
    permission: 'public',
    unit: 'none',
    example: { params: { slug: '$newsSlug' } },
  },
];
