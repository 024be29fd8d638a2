import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Steer's registers in the authorisation matrix's world: for the sibling commune and for the province, a
// submitted DX product, an information system in operation and a review campaign rooted at that unit, their
// names carrying the target's marker. Adds '$product', '$system', '$campaign' and '$reviewItem' (the target's own
// system in its campaign) to each target's ids.

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

type Target = 'sibling' | 'province';
/** The part of the matrix's world this seed needs (structural: authz-world.ts imports this file). */
type World = {
  t: TestApp;
  control: LoggedIn;
  ids: Record<Target, { unit: number }>;
};

export async function seedSteerRegistersWorld(world: World, markers: Record<Target, string>) {
  const { t, control } = world;
  const seeded: Partial<Record<Target, Record<string, number>>> = {};
  for (const target of ['sibling', 'province'] as const) {
    const marker = markers[target];
    const unitId = world.ids[target].unit;
    const product = await call<{ id: number }>(t, control, 'POST', '/api/steer/products', {
      unitId,
      year: 2026,
      name: `Sản phẩm số ${marker}`,
      description: `Mô tả ${marker}`,
      kind: 'app',
    });
    const system = await call<{ id: number }>(t, control, 'POST', '/api/steer/systems', {
      unitId,
      name: `Hệ thống ${marker}`,
      purpose: `Mục đích ${marker}`,
      purposeCategory: 'document_management',
      scope: 'unit',
      users: `Người dùng ${marker}`,
      status: 'operating',
      goLiveDate: '2024-01-15',
      hosting: 'provincial_dc',
      lgspIntegrated: false,
      nationalDbs: [],
      securityPlanApproved: false,
    });
    seeded[target] = { product: product.id, system: system.id };
  }
  for (const target of ['sibling', 'province'] as const) {
    const campaign = await call<{ id: number; items: { id: number; systemId: number }[] }>(
      t,
      control,
      'POST',
      '/api/steer/system-reviews',
      { name: `Rà soát ${markers[target]}`, rootUnitId: world.ids[target].unit, dueDate: '2026-12-31' },
    );
    const own = seeded[target] as Record<string, number>;
    const item = campaign.items.find((i) => i.systemId === own.system);
    if (!item) throw new Error(`seed: no review item for the ${target}'s system`);
    Object.assign(world.ids[target], { ...own, campaign: campaign.id, reviewItem: item.id });
  }
}
