import type { FastifyInstance } from 'fastify';
import { registerMeasureEngineMessages } from '../../../core/measure/messages.js';
import type { Deps } from '../../deps.js';
import './measure.messages.js';
import { createKpiReader } from '../kpis/kpis.module.js';
import { registerAnalysisRoutes } from './analysis.routes.js';
import { createAnalysisService } from './analysis.service.js';
import { registerAppraisalRoutes } from './appraisal.routes.js';
import { createAppraisalService } from './appraisal.service.js';
import { createExportsRepository } from './exports.repository.js';
import { registerExportsRoutes } from './exports.routes.js';
import { createExportsService } from './exports.service.js';
import { registerFrameworkXlsxRoutes } from './framework-xlsx.routes.js';
import { createFrameworkXlsxService } from './framework-xlsx.service.js';
import { createFrameworksRepository } from './frameworks.repository.js';
import { registerFrameworksRoutes } from './frameworks.routes.js';
import { createFrameworksService } from './frameworks.service.js';
import { createHistoryRepository } from './history.repository.js';
import { registerHistoryRoutes } from './history.routes.js';
import { createHistoryService } from './history.service.js';
import { registerKpiPrefillRoutes } from './kpi-prefill.routes.js';
import { createKpiPrefillService } from './kpi-prefill.service.js';
import { measureEngine } from './measure-engine.js';
import { createMeasureUnitsRepository } from './measure-units.repository.js';
import { createPeriodsRepository } from './periods.repository.js';
import { registerPeriodsRoutes } from './periods.routes.js';
import { createPeriodsService } from './periods.service.js';
import { registerPublicMeasureRoutes } from './public.routes.js';
import { createResultsRepository } from './results.repository.js';
import { registerResultsRoutes } from './results.routes.js';
import { createResultsCore } from './results.service.js';
import { createResultsViews } from './results-views.service.js';
import { createScoresRepository } from './scores.repository.js';
import { createScoresService } from './scores.service.js';
import { createSubmissionsRepository } from './submissions.repository.js';
import { registerSubmissionsRoutes } from './submissions.routes.js';
import { createSubmissionsService } from './submissions.service.js';

/** Builds the Measure services from their repositories; exported so tests can call services directly. */
export function createMeasureServices(deps: Pick<Deps, 'db' | 'audit' | 'clock'>) {
  const { db, audit, clock } = deps;
  const engine = measureEngine;
  const repos = {
    frameworks: createFrameworksRepository(db),
    periods: createPeriodsRepository(db),
    units: createMeasureUnitsRepository(db),
    submissions: createSubmissionsRepository(db),
    results: createResultsRepository(db),
    scores: createScoresRepository(db),
  };
  const scoresService = createScoresService({ db, ...repos });
  const base = { db, audit, clock, engine, ...repos, scoresService };
  const frameworksService = createFrameworksService(base);
  const resultsDeps = { ...base, frameworksService };
  const resultsCore = createResultsCore(resultsDeps);
  const submissionsService = createSubmissionsService(base);
  return {
    frameworks: frameworksService,
    periods: createPeriodsService(base),
    submissions: submissionsService,
    kpiPrefill: createKpiPrefillService({ ...base, submissionsService, kpis: createKpiReader(deps) }),
    appraisal: createAppraisalService(base),
    results: resultsCore,
    scores: scoresService,
    views: createResultsViews(resultsDeps, resultsCore),
    analysis: createAnalysisService(resultsDeps, resultsCore),
    exports: createExportsService({ ...resultsDeps, exports: createExportsRepository(db) }, resultsCore),
    history: createHistoryService({
      history: createHistoryRepository(db),
      units: repos.units,
      periods: repos.periods,
      core: resultsCore,
    }),
  };
}
export type MeasureServices = ReturnType<typeof createMeasureServices>;

export function registerMeasureModule(
  app: FastifyInstance,
  deps: Pick<Deps, 'db' | 'audit' | 'clock' | 'files'>,
) {
  // Framework issue codes (cycles, sums…) get their vi/en texts; a second call does nothing.
  registerMeasureEngineMessages();
  const services = createMeasureServices(deps);
  registerFrameworksRoutes(app, services);
  registerPeriodsRoutes(app, services);
  registerSubmissionsRoutes(app, services, deps.files);
  registerKpiPrefillRoutes(app, services.kpiPrefill);
  registerAppraisalRoutes(app, services);
  registerResultsRoutes(app, services);
  registerAnalysisRoutes(app, services.analysis);
  registerExportsRoutes(app, services.exports);
  app.register(async (scope) =>
    registerFrameworkXlsxRoutes(scope, createFrameworkXlsxService(services.frameworks)),
  );
  registerHistoryRoutes(app, services.history);
  registerPublicMeasureRoutes(app, deps.db);
}
