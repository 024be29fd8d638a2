import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { createKpiDefinitionsService, ensureKpiCatalogue } from './kpi-definitions.service.js';
import { registerKpiImportRoutes } from './kpi-imports.routes.js';
import { createKpiImportsService, PARSE_IMPORT_JOB, type ParseImportPayload } from './kpi-imports.service.js';
import { createKpiIngestService } from './kpi-ingest.service.js';
import { createKpiReadsService } from './kpi-reads.service.js';
import { createKpisRepository } from './kpis.repository.js';
import { registerKpiRoutes } from './kpis.routes.js';

// Operational KPIs (e-documents, digital signatures, online services and payments, internet and
// smartphone users, e-commerce, community teams): definitions, targets, values pushed by other systems
// (JSON, DHIS2 dataValueSets) or imported from xlsx, and reads against targets.

type KpiDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'config' | 'jobs'>;

export function createKpisServices(deps: Pick<Deps, 'db' | 'audit' | 'clock' | 'jobs'>) {
  const repo = createKpisRepository(deps.db);
  const base = { ...deps, repo };
  const ingest = createKpiIngestService(base);
  return {
    repo,
    ingest,
    reads: createKpiReadsService({ repo }),
    definitions: createKpiDefinitionsService(base),
    imports: createKpiImportsService({ ...base, ingest }),
  };
}

/** For other modules (framework components fed by a KPI): a unit's own figure for a KPI and period. */
export function createKpiReader(deps: Pick<Deps, 'db'>) {
  const reads = createKpiReadsService({ repo: createKpisRepository(deps.db) });
  return { getKpiValue: reads.getKpiValue };
}

export function registerKpisModule(app: FastifyInstance, deps: KpiDeps) {
  const services = createKpisServices(deps);
  deps.jobs.registerHandler<ParseImportPayload>(PARSE_IMPORT_JOB, (payload) =>
    services.imports.handleParseJob(payload),
  );
  app.register(async (scope) => {
    registerKpiRoutes(scope, services);
    await registerKpiImportRoutes(scope, services, deps.config.uploadMaxBytes);
  });
}

/** Start-up hook: the built-in KPI catalogue exists on every install, demo or not. */
export async function ensureKpiCatalogueOnStartup(
  deps: Pick<Deps, 'db' | 'audit' | 'clock'>,
): Promise<string[]> {
  const added = await ensureKpiCatalogue({ ...deps, repo: createKpisRepository(deps.db) });
  return added ? [`KPIs: ${added} built-in definitions added`] : [];
}
