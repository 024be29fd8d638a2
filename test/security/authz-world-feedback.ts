import { createFeedbackServices } from '../../server/modules/feedback/feedback.module.js';
import { PNG_1X1 } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Feedback in the authorisation matrix's world: one category (code MATRIX_CAT) and, for the sibling commune and
// for the province, a citizen report with a photo assigned to that unit, with an internal note carrying the
// target's marker (staff-only text: the public views must never show it). Adds '$feedbackCategory',
// '$feedbackReport', '$feedbackRoutingRule' (a routing rule for the target unit's area), '$feedbackCode', '$feedbackPhoto', '$feedbackServiceFile', '$feedbackRequestFile'.

type Target = 'sibling' | 'province';
type World = { t: TestApp; control: LoggedIn; ids: Record<Target, { unit: number }> };

async function call<T>(
  t: TestApp,
  who: LoggedIn,
  method: string,
  url: string,
  payload?: unknown,
): Promise<T> {
  const res = await t.app.inject({
    method: method as 'POST',
    url,
    headers: who.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  if (res.statusCode >= 300)
    throw new Error(`seed ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json() as T;
}

export async function seedFeedbackWorld(world: World, markers: Record<Target, string>) {
  const { t, control } = world;
  const category = await call<{ id: number }>(t, control, 'POST', '/api/feedback/categories', {
    code: 'MATRIX_CAT',
    nameVi: 'Hạ tầng giao thông',
    nameEn: 'Roads',
    deadlineAmount: 5,
    deadlineKind: 'working_days',
  });
  const services = createFeedbackServices(t.deps);
  for (const target of ['sibling', 'province'] as const) {
    const ctx = { actor: null, ip: '203.0.113.9' };
    const photo = await services.citizen.uploadPhoto(ctx, PNG_1X1, 'anh.png', false);
    const file = await t.deps.files.getByPublicId(photo.id);
    const created = await services.reports.create(ctx, {
      categoryId: category.id,
      title: 'Mặt đường hư hỏng',
      description: 'Mặt đường bong tróc trước trường học',
      address: 'Đường liên xã',
      contact: { kind: 'phone', value: '0912000111' },
      showName: false,
      photoFileIds: file ? [file.id] : [],
      source: 'web',
    });
    const unitId = world.ids[target].unit;
    await call(t, control, 'POST', `/api/feedback/reports/${created.id}/assign`, { unitId });
    await call(t, control, 'POST', `/api/feedback/reports/${created.id}/notes`, {
      text: `Ghi chú nội bộ ${markers[target]}`,
    });
    const rule = await call<{ id: number }>(t, control, 'POST', '/api/feedback/routing-rules', {
      categoryId: category.id,
      areaUnitId: unitId,
      unitId,
    });
    Object.assign(world.ids[target], {
      feedbackRoutingRule: rule.id,
      feedbackCategory: category.id,
      feedbackReport: created.id,
      feedbackCode: created.code,
      feedbackPhoto: photo.id,
      feedbackServiceFile: 'MATRIX_CAT.json',
      feedbackRequestFile: `${created.code}.json`,
    });
  }
}
