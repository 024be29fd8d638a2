import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// Steer reports in the authorisation matrix's world: an issued Q1/2026 report of the sibling commune and one of
// the province, numbered with the target's marker (shown by the list, the report and its files). Adds
// '$steerReport' to each target's ids.

type Target = 'sibling' | 'province';
/** The part of the matrix's world this seed needs (structural: authz-world.ts imports this file). */
type World = { t: TestApp; control: LoggedIn; ids: Record<Target, { unit: number }> };

async function issue(world: World, unitId: number, marker: string): Promise<number> {
  const res = await world.t.app.inject({
    method: 'POST',
    url: '/api/steer/reports',
    headers: world.control.headers,
    payload: { unitId, period: '2026-Q1', numberSymbol: `7/BC-${marker}` },
  });
  if (res.statusCode !== 201) throw new Error(`seed report: ${res.statusCode} ${res.body.slice(0, 400)}`);
  return res.json().id;
}

export async function seedSteerReportsWorld(world: World, markers: Record<Target, string>): Promise<void> {
  for (const target of ['sibling', 'province'] as const)
    Object.assign(world.ids[target], {
      steerReport: await issue(world, world.ids[target].unit, markers[target]),
    });
}
