import type { Deps } from '../../deps.js';

export type DemoUnits = {
  provinceUnitId: number;
  departmentUnitId: number;
  communeUnitId: number;
  otherCommuneUnitId: number;
};
export type DemoLogin = { email: string; password: string; role: string; unitName: string };

// Placeholder until the accounts module lands: creates the demo users for each role.
export async function seedDemoUsers(_deps: Deps, _units: DemoUnits): Promise<DemoLogin[]> {
  return [];
}
