import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { registerKpiDefinitionRoutes } from './definitions/kpi-definitions.routes.js';
import { createKpiDefinitionsService, ensureKpiCatalogue } from './definitions/kpi-definitions.service.js';
import { registerKpiImportRoutes } from './imports/kpi-imports.routes.js';
import {
  createKpiImportsService,
  PARSE_IMPORT_JOB,
  type ParseImportPayload,
} from './imports/kpi-imports.service.js';
import { createKpisRepository } from './kpis.repository.js';
import type { KpiFeed, KpiPublicReader, KpiReader, KpisModuleDeps } from './kpis.types.js';
import { createKpiFeedService } from './values/kpi-feed.js';
import { createKpiIngestService } from './values/kpi-ingest.service.js';
import { createKpiPublicReader as createPublicReader } from './values/kpi-public.js';
import { registerKpiReadRoutes } from './values/kpi-reads.routes.js';
import { createKpiReadsService } from './values/kpi-reads.service.js';
import { registerKpiValueRoutes } from './values/kpi-values.routes.js';

// Operational KPIs (e-documents, digital signatures, online services and payments, internet and
// smartphone users, e-commerce, community teams): definitions, targets, values pushed by other systems
// (JSON, DHIS2 dataValueSets) or imported from xlsx, and reads against targets.

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
export function createKpiReader(deps: Pick<Deps, 'db'>): KpiReader {
  const reads = createKpiReadsService({ repo: createKpisRepository(deps.db) });
  return { getKpiValue: reads.getKpiValue };
}

/** For the public portal: the year figures of chosen KPIs for a unit (aggregates, no actor). */
export function createKpiPublicReader(deps: Pick<Deps, 'db'>): KpiPublicReader {
  return createPublicReader({ repo: createKpisRepository(deps.db) });
}

/** For other modules: computed values (e.g. Steer's register KPIs) written in the caller's transaction. */
export function createKpiFeed(deps: Pick<Deps, 'audit' | 'clock'>): KpiFeed {
  return createKpiFeedService(deps);
}

export function registerKpisModule(app: FastifyInstance, deps: KpisModuleDeps) {
  const services = createKpisServices(deps);
  deps.jobs.registerHandler<ParseImportPayload>(PARSE_IMPORT_JOB, (payload) =>
    services.imports.handleParseJob(payload),
  );
  app.register(async (scope) => {
    registerKpiReadRoutes(scope, services.reads);
    registerKpiDefinitionRoutes(scope, services.definitions);
    registerKpiValueRoutes(scope, services.ingest);
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
