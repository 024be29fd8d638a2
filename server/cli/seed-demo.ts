import type { Deps } from '../deps.js';
import { seedDemo } from '../modules/units/demo/demo-seed.js';

export { seedDemo };

// `dxboard seed-demo`: the demo province, its predecessors, departments, headcounts and demo users.
export async function runSeedDemo(_args: string[], deps: Deps): Promise<number> {
  const lines = await seedDemo(deps, (line) => console.info(line));
  for (const line of lines) console.info(line);
  return 0;
}
