import { buildSampleAppendix } from '../../server/modules/steer/import/appendix-sample.js';
import { multipartBody } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Plan appendix imports in the authorisation matrix's world: the province's admin uploads the sample appendix into
// the sibling's and the province's plan ('$plan', seeded by authz-world-steer-tasks.ts). Adds '$steerImport' to
// each target's ids. Imports belong to their uploader, so the principals of `home` must get a 404 on them.

type Target = 'sibling' | 'province';
type World = { t: TestApp; control: LoggedIn; ids: Record<Target, { unit: number }> };

async function seedFor(world: World, target: Target) {
  const { t, control } = world;
  const plan = (world.ids[target] as { plan?: number }).plan;
  if (!plan) throw new Error('seed the Steer plans (authz-world-steer-tasks.ts) before the imports');
  const body = multipartBody({ name: `phu-luc-${target}.xlsx`, data: await buildSampleAppendix(2026) });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/steer/plans/${plan}/imports`,
    headers: { ...control.headers, ...body.headers },
    payload: body.payload,
  });
  if (res.statusCode !== 201)
    throw new Error(`seed appendix import: ${res.statusCode} ${res.body.slice(0, 400)}`);
  Object.assign(world.ids[target], { steerImport: res.json().id });
}

export async function seedSteerImportWorld(world: World): Promise<void> {
  await seedFor(world, 'sibling');
  await seedFor(world, 'province');
}
