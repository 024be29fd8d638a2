import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/helpers/file-fixtures.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createNewsServices } from '../news.module.js';
import { type NewsScenario, newsInput, newsScenario } from '../news-test-fixtures.js';

// The staff's workflow on both databases: 401 → 400 → 403 → 404 → happy path; a draft is approved by a second
// person only (the author and the submitter are refused), returned with a note, scheduled and published by the
// job exactly once, withdrawn; an autosave over a newer save is a 409; covers are resized and lose their EXIF.

describe.each(testDialects())('News items on %s', (dialect) => {
  let s: NewsScenario;
  beforeAll(async () => {
    s = await newsScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  const url = (id: number, rest = '') => `/api/news/items/${id}${rest}`;
  const audits = async (action: string) =>
    (await s.t.deps.db.selectFrom('auditLog').select('id').where('action', '=', action).execute()).length;

  it('creates a draft: 401 → 400 → 403 → 201, slug from the title, audited', async () => {
    const body = newsInput({ unitId: s.tree.province });
    expect((await s.call(null, 'POST', '/api/news/items', body)).status).toBe(401);
    const bad = await s.call(s.writer, 'POST', '/api/news/items', { ...body, kind: 'rumour', title: '' });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(
      (await s.call(s.writer, 'POST', '/api/news/items', { ...body, pillars: ['society', 'society'] }))
        .status,
    ).toBe(400);
    expect((await s.call(s.writer, 'POST', '/api/news/items', { ...body, slug: 'Có Dấu' })).status).toBe(400);
    expect((await s.call(s.officer, 'POST', '/api/news/items', body)).status).toBe(403);
    // A commune's secretariat writes for its commune only.
    expect((await s.call(s.communeSecretariat, 'POST', '/api/news/items', body)).status).toBe(403);
    const before = await audits('news.item.create');
    const created = await s.call(s.writer, 'POST', '/api/news/items', {
      ...body,
      unitIds: [s.tree.communeA],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      slug: 'to-cong-nghe-so-song-cau-mot-nam',
      revision: 1,
      units: [{ id: s.tree.communeA }],
      can: { edit: true, submit: true, approve: false, withdraw: false },
    });
    expect(await audits('news.item.create')).toBe(before + 1);
    // The same title again gets the next free slug; a taken explicit slug is a field error.
    expect((await s.draft()).slug).toBe('to-cong-nghe-so-song-cau-mot-nam-2');
    const taken = await s.call(s.writer, 'POST', '/api/news/items', {
      ...body,
      slug: 'to-cong-nghe-so-song-cau-mot-nam',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.errors?.[0]?.field ?? JSON.stringify(taken.body)).toContain('slug');
    const unknownUnit = await s.call(s.writer, 'POST', '/api/news/items', { ...body, unitIds: [999_999] });
    expect(unknownUnit.status).toBe(400);
  });

  it('scopes reads: 404 for an unknown id, 403 outside the unit, lists only the subtree', async () => {
    const item = await s.draft({ title: 'Tin của tỉnh' });
    const communeItem = await s.draft(
      { unitId: s.tree.communeA, title: 'Tin của xã A' },
      s.communeSecretariat,
    );
    expect((await s.call(s.writer, 'GET', url(2_000_000))).status).toBe(404);
    expect((await s.call(s.communeSecretariat, 'GET', url(item.id))).status).toBe(403);
    expect((await s.call(s.writer, 'GET', url(communeItem.id))).status).toBe(200);
    const communeList = await s.call(
      s.communeSecretariat,
      'GET',
      `/api/news/items?unitId=${s.tree.communeA}`,
    );
    expect(communeList.body.items.map((i: { title: string }) => i.title)).toEqual(['Tin của xã A']);
    expect(
      (await s.call(s.communeSecretariat, 'GET', `/api/news/items?unitId=${s.tree.province}`)).status,
    ).toBe(403);
    const all = await s.call(s.writer, 'GET', `/api/news/items?unitId=${s.tree.province}&status=draft`);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body.items[0]).not.toHaveProperty('body');
  });

  it('saves drafts by revision: a stale autosave is a 409 and nothing is lost', async () => {
    const item = await s.draft({ title: 'Bản nháp tự lưu' });
    const save = (revision: number, title: string) =>
      s.call(s.writer, 'PUT', url(item.id), { ...newsInput({ title }), unitId: undefined, revision });
    const first = await save(1, 'Bản nháp lần 1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 2, title: 'Bản nháp lần 1', slug: 'ban-nhap-lan-1' });
    const stale = await save(1, 'Bản nháp cũ');
    expect(stale.status).toBe(409);
    expect((await s.call(s.writer, 'GET', url(item.id))).body.title).toBe('Bản nháp lần 1');
  });

  it('is approved by a second person only; the author and the submitter are refused', async () => {
    const item = await s.draft({ title: 'Tin cần duyệt' });
    expect((await s.call(s.writer, 'POST', url(item.id, '/approve'))).status).toBe(403);
    const submitted = await s.call(s.writer, 'POST', url(item.id, '/submit'), {});
    expect(submitted.body).toMatchObject({ status: 'pending', can: { edit: false, approve: false } });
    // Editing while waiting is refused.
    const edit = await s.call(s.writer, 'PUT', url(item.id), {
      ...newsInput(),
      unitId: undefined,
      revision: 1,
    });
    expect(edit.status).toBe(409);
    const own = await s.call(s.writer, 'POST', url(item.id, '/approve'));
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('người thứ hai');
    expect((await s.call(s.officer, 'POST', url(item.id, '/approve'))).status).toBe(403);
    expect((await s.call(s.communeSecretariat, 'POST', url(item.id, '/approve'))).status).toBe(403);
    expect((await s.call(s.approver, 'GET', url(item.id))).body.can.approve).toBe(true);
    const approved = await s.call(s.approver, 'POST', url(item.id, '/approve'));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', publishedAt: '2026-06-15T02:00:00.000Z' });
    expect((await s.call(s.approver, 'POST', url(item.id, '/approve'))).status).toBe(409);
    const pub = await s.call(null, 'GET', `/api/public/news/${item.slug}`);
    expect(pub.status).toBe(200);
    expect(pub.body).not.toHaveProperty('authorName');
    // Withdrawn: gone from the portal, editable again as a draft.
    expect((await s.call(s.writer, 'POST', url(item.id, '/withdraw'), { reason: '' })).status).toBe(400);
    const withdrawn = await s.call(s.approver, 'POST', url(item.id, '/withdraw'), { reason: 'Sai số liệu' });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await s.call(null, 'GET', `/api/public/news/${item.slug}`)).status).toBe(404);
    const redraft = await s.call(s.writer, 'PUT', url(item.id), {
      ...newsInput({ title: 'Tin cần duyệt (sửa)' }),
      unitId: undefined,
      revision: withdrawn.body.revision,
    });
    expect(redraft.body.status).toBe('draft');
  });

  it('a submitter who did not write it cannot approve it either; return sends it back with a note', async () => {
    const item = await s.draft({ title: 'Tin người khác gửi' });
    await s.call(s.approver, 'POST', url(item.id, '/submit'), {});
    expect((await s.call(s.approver, 'POST', url(item.id, '/approve'))).status).toBe(403);
    expect((await s.call(s.writer, 'POST', url(item.id, '/approve'))).status).toBe(403);
    const returned = await s.call(s.approver, 'POST', url(item.id, '/return'), { note: 'Thêm ảnh' });
    expect(returned.body).toMatchObject({ status: 'draft', returnNote: 'Thêm ảnh' });
    expect((await s.call(s.approver, 'POST', url(item.id, '/return'), { note: 'lần nữa' })).status).toBe(409);
  });

  it('schedules: approved before the time it waits, the job publishes it once at the time', async () => {
    const item = await s.draft({ title: 'Tin hẹn giờ' });
    const past = await s.call(s.writer, 'POST', url(item.id, '/submit'), {
      publishAt: '2026-06-15T01:00:00Z',
    });
    expect(past.status).toBe(400);
    expect((await s.call(s.writer, 'POST', url(item.id, '/submit'), { publishAt: 'mai' })).status).toBe(400);
    await s.call(s.writer, 'POST', url(item.id, '/submit'), { publishAt: '2026-06-16T01:00:00+07:00' });
    const approved = await s.call(s.approver, 'POST', url(item.id, '/approve'));
    expect(approved.body).toMatchObject({
      status: 'scheduled',
      publishAt: '2026-06-15T18:00:00.000Z',
      publishedAt: null,
    });
    expect((await s.call(null, 'GET', `/api/public/news/${item.slug}`)).status).toBe(404);
    const services = createNewsServices(s.t.deps);
    expect(await services.items.publishDue()).toBe(0);
    s.t.clock.set('2026-06-15T18:00:01.000Z');
    const before = await audits('news.item.publish');
    const [a, b] = await Promise.all([services.items.publishDue(), services.items.publishDue()]);
    expect(a + b).toBe(1);
    expect(await services.items.publishDue()).toBe(0);
    expect(await audits('news.item.publish')).toBe(before + 1);
    const pub = await s.call(null, 'GET', `/api/public/news/${item.slug}`);
    expect(pub.body.publishedAt).toBe('2026-06-15T18:00:00.000Z');
    s.t.clock.set('2026-06-15T02:00:00.000Z');
  });

  it('resizes the cover, strips its EXIF, and refuses what is not a picture', async () => {
    const item = await s.draft({ title: 'Tin có ảnh' });
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#1864ab' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-gps-owner' } })
      .toBuffer();
    expect((await sharp(big).metadata()).exif).toBeDefined();
    const upload = (data: Buffer, who = s.writer) => {
      const m = multipartBody({ name: 'anh.jpg', data, contentType: 'image/jpeg' });
      return s.t.app.inject({
        method: 'POST',
        url: url(item.id, '/cover'),
        headers: { ...who.headers, ...m.headers },
        payload: m.payload,
      });
    };
    expect((await upload(big, s.communeSecretariat)).statusCode).toBe(403);
    expect((await upload(Buffer.from('<html>not a picture</html>'))).statusCode).toBe(415);
    const res = await upload(big);
    expect(res.statusCode).toBe(200);
    expect(res.json().hasCover).toBe(true);
    const cover = await s.t.app.inject({ url: url(item.id, '/cover'), headers: s.writer.headers });
    expect(cover.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(cover.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 800]);
    expect(meta.exif).toBeUndefined();
    expect(cover.rawPayload.includes(Buffer.from('secret-gps-owner'))).toBe(false);
    // Not published: no public cover.
    expect((await s.call(null, 'GET', `/api/public/news/${item.slug}/cover`)).status).toBe(404);
  });
});
