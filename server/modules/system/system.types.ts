import type { Deps } from '../../deps.js';

/** What the system module (liveness and database check) needs from the container. */
export type SystemModuleDeps = Pick<Deps, 'database' | 'config'>;
