import type { Deps } from './deps.js';
import { seedDemoKpisOnStartup } from './modules/kpis/kpi-demo-seed.js';
import { ensureKpiCatalogueOnStartup } from './modules/kpis/kpis.module.js';
import { seedDemoMeasureOnStartup } from './modules/measure/measure-demo-seed.js';
import { seedDemoOnFirstRun } from './modules/units/demo-seed.js';

// Work done once at start-up after migrations (e.g. loading demo data into an empty database).
// Each hook returns lines for the start-up banner.
export type StartupHook = (deps: Deps) => Promise<string[]>;

export const startupHooks: StartupHook[] = [
  seedDemoOnFirstRun,
  ensureKpiCatalogueOnStartup,
  seedDemoKpisOnStartup,
  seedDemoMeasureOnStartup,
];
