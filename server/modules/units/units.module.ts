import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../lib/access-guard.js';
import { registerUnitEditRoutes } from './edit/units-edit.routes.js';
import { createUnitsEditService } from './edit/units-edit.service.js';
import { createUnitsImportService as importServiceOf } from './import/units-import.service.js';
import { registerLineageRoutes } from './lineage/lineage.routes.js';
import { createLineageService } from './lineage/lineage.service.js';
import { registerUnitTreeRoutes } from './tree/units.routes.js';
import { createUnitsService } from './tree/units.service.js';
import { createUnitsRepository } from './units.repository.js';
import type {
  LineageService,
  UnitsEditService,
  UnitsImportService,
  UnitsModuleDeps,
  UnitsService,
} from './units.types.js';
import { createUnitsWriteRepository } from './units-write.repository.js';

// Units: administrative units and agencies over time (structures, the tree as of a date, lineage across
// mergers and splits, headcounts).

export type UnitsServices = { reads: UnitsService; edit: UnitsEditService; lineage: LineageService };

/** Wiring only: repositories → services. Also what the module's database tests build their services with. */
export function createUnitsServices(deps: UnitsModuleDeps): UnitsServices {
  const repo = createUnitsRepository(deps.db);
  const write = createUnitsWriteRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const reads = createUnitsService({ clock: deps.clock, repo, guard });
  return {
    reads,
    edit: createUnitsEditService({ ...deps, repo, write, guard, reads }),
    lineage: createLineageService({ ...deps, repo, write, guard }),
  };
}

/** CSV imports of units and lineage, for the CLI and the demo seed. */
export function createUnitsImportService(deps: UnitsModuleDeps): UnitsImportService {
  return importServiceOf({
    ...deps,
    read: createUnitsRepository(deps.db),
    write: createUnitsWriteRepository(deps.db),
  });
}

// Wiring only: repositories → services → routes.
export function registerUnitsModule(app: FastifyInstance, deps: UnitsModuleDeps) {
  const { reads, edit, lineage } = createUnitsServices(deps);
  registerUnitTreeRoutes(app, reads);
  registerUnitEditRoutes(app, edit);
  registerLineageRoutes(app, lineage);
}
