import { type LoggedIn, loginAs } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Steer plans and tasks in the authorisation matrix's world: for the sibling commune and for the province, an
// issued plan and a draft plan issued by that unit, a task group, and a task it leads with a progress report
// carrying proposals and a pending extension request, their titles carrying the target's marker. Adds '$plan',
// '$draftPlan', '$group', '$task', '$progress' and '$extension' to each target's ids. None of it involves `home`.

type Target = 'sibling' | 'province';
/** The part of the matrix's world this seed needs (structural: authz-world.ts imports this file). */
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

async function seedFor(world: World, markers: Record<Target, string>, target: Target) {
  const { t, control } = world;
  const marker = markers[target];
  const unit = world.ids[target].unit;
  const plan = (body: Record<string, unknown>) =>
    call<{ id: number }>(t, control, 'POST', '/api/steer/plans', {
      numberSymbol: `1/KH-${marker}`,
      issuingBody: `Ban Chỉ đạo ${marker}`,
      issuingUnitId: unit,
      issuedOn: '2026-01-10',
      title: `Kế hoạch chuyển đổi số ${marker}`,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      ...body,
    });
  const issued = await plan({});
  await call(t, control, 'POST', `/api/steer/plans/${issued.id}/issue`);
  const draft = await plan({ numberSymbol: `2/KH-${marker}` });
  const group = await call<{ id: number }>(t, control, 'POST', `/api/steer/plans/${issued.id}/groups`, {
    code: 'I',
    title: `Nhóm nhiệm vụ ${marker}`,
  });
  const task = await call<{ id: number }>(t, control, 'POST', '/api/steer/tasks', {
    planId: issued.id,
    groupId: group.id,
    title: `Nhiệm vụ ${marker}`,
    isKey: true,
    leadUnitIds: [unit],
    deadline: 'Quý IV/2026',
  });
  // The lead unit's own officer reports (the province's admin reports only for the province itself).
  const officer = await loginAs(t, { role: 'officer', unitId: unit });
  const progress = await call<{ id: number }>(t, officer, 'POST', `/api/steer/tasks/${task.id}/progress`, {
    percent: 30,
    text: `Tiến độ ${marker}`,
    proposals: `Kiến nghị ${marker}`,
  });
  const extension = await call<{ id: number }>(t, officer, 'POST', `/api/steer/tasks/${task.id}/extensions`, {
    requestedDue: '2027-03-31',
    reason: `Lý do ${marker}`,
  });
  Object.assign(world.ids[target], {
    plan: issued.id,
    draftPlan: draft.id,
    group: group.id,
    task: task.id,
    progress: progress.id,
    extension: extension.id,
  });
}

export async function seedSteerTasksWorld(world: World, markers: Record<Target, string>): Promise<void> {
  await seedFor(world, markers, 'sibling');
  await seedFor(world, markers, 'province');
}
