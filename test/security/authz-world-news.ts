import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// News in the authorisation matrix's world: for the sibling commune and for the province, a draft whose title
// carries the target's marker ('$newsItem'), one waiting for approval ('$newsPending') and one published with a
// cover ('$newsPublished', link name '$newsSlug'), written by the province's admin and approved by a second
// person (a secretariat member of the province). Published titles carry no marker: the portal shows them.

type Target = 'sibling' | 'province';
type World = {
  t: TestApp;
  control: LoggedIn;
  tree: { province: number };
  ids: Record<Target, { unit: number }>;
};

async function call(t: TestApp, who: LoggedIn, method: string, url: string, payload?: unknown) {
  const res = await t.app.inject({
    method: method as 'POST',
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300)
    throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json() as { id: number; slug: string };
}

export async function seedNewsWorld(world: World, markers: Record<Target, string>) {
  const { t, control } = world;
  const second = await loginAs(t, { role: 'secretariat', unitId: world.tree.province });
  for (const target of ['sibling', 'province'] as const) {
    const unitId = world.ids[target].unit;
    const write = (title: string, slug: string) =>
      call(t, control, 'POST', '/api/news/items', {
        unitId,
        kind: 'news',
        title,
        slug,
        summary: `Tóm tắt ${title}`,
        body: 'Nội dung.',
        pillars: ['government'],
        unitIds: [],
      });
    const draft = await write(`Bản nháp ${markers[target]}`, `ban-nhap-${target}`);
    const pending = await write(`Chờ duyệt ${markers[target]}`, `cho-duyet-${target}`);
    await call(t, control, 'POST', `/api/news/items/${pending.id}/submit`, {});
    const published = await write('Tin đã đăng', `tin-da-dang-${target}`);
    const m = multipartBody({ name: 'anh.png', data: PNG_1X1, contentType: 'image/png' });
    const cover = await t.app.inject({
      method: 'POST',
      url: `/api/news/items/${published.id}/cover`,
      headers: { ...control.headers, ...m.headers },
      payload: m.payload,
    });
    if (cover.statusCode !== 200) throw new Error(`seed cover: ${cover.statusCode} ${cover.body}`);
    await call(t, control, 'POST', `/api/news/items/${published.id}/submit`, {});
    await call(t, second, 'POST', `/api/news/items/${published.id}/approve`);
    Object.assign(world.ids[target], {
      newsItem: draft.id,
      newsPending: pending.id,
      newsPublished: published.id,
      newsSlug: published.slug,
    });
  }
}
