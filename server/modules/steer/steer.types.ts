import type { Deps } from '../../deps.js';

// Steer's public face (types only): plans, tasks, committee meetings, urging, reports and the registers.
// Each feature sub-folder adds its services' types here (or in a `<feature>/<feature>.types.ts` re-exported
// below), so a route never imports a service file.

/** What the module takes from the container. */
export type SteerModuleDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'config' | 'jobs' | 'mailer' | 'files'>;

// Committee meetings, conclusions turned into tasks, the briefing pack (meetings/).
export type * from './meetings/meetings.types.js';
// The DX products and information systems registers (products/, systems/).
export type * from './products/products.types.js';
// The leader dashboard (dashboard/, reports/), read by the DX dashboard module.
export type { SteerDashboardService } from './reports/reports.types.js';
export type * from './systems/systems.types.js';
// Plans, tasks, lifecycle, extensions, progress and status (tasks/, plans/, progress/).
export type * from './tasks/tasks.types.js';
// Urging (reminders, urging letters) and the unit officer's home (urging/, home/).
export type * from './urging/urging.types.js';
