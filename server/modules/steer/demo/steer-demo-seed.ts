import type { Deps } from '../../../deps.js';
import { seedDemoMeetings } from './meetings-demo.js';
import { seedDemoRegisters } from './registers-demo.js';
import { seedDemoReports } from './reports-demo.js';
import { seedDemoTasks } from './tasks-demo.js';

// Start-up hook: the demo province's DX plan for the year (plans, tasks in every state, a meeting with its
// conclusions, products and information systems), loaded once into a demo database. Each feature adds its
// seed here in dependency order; every seed is idempotent (it checks for its own demo rows first).
export async function seedDemoSteerOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  const lines = [...(await seedDemoTasks(deps))];
  // The registers link their products to the plan's tasks: after the tasks.
  lines.push(...(await seedDemoRegisters(deps)));
  // The meeting's conclusions become tasks: after the plan's tasks.
  lines.push(...(await seedDemoMeetings(deps)));
  // The issued report counts the plan's tasks and the meeting's: after both.
  lines.push(...(await seedDemoReports(deps)));
  return lines;
}
