import type { FastifyInstance } from 'fastify';
import { registerMeasureEngineMessages } from '../../../core/measure/messages.js';
import { createAccessGuard } from '../../lib/access-guard.js';
import './measure.messages.js';
import { createKpiReader } from '../kpis/kpis.module.js';
import { createNotifier, registerNotificationTemplates } from '../notifications/notifications.module.js';
import { registerAnalysisRoutes } from './analysis/analysis.routes.js';
import { createAnalysisService } from './analysis/analysis.service.js';
import { registerAppraisalRoutes } from './appraisal/appraisal.routes.js';
import { createAppraisalService } from './appraisal/appraisal.service.js';
import { createAppraisalQueueRepository } from './appraisal/appraisal-queue.repository.js';
import { registerAppraisalQueueRoutes } from './appraisal/appraisal-queue.routes.js';
import { createAppraisalQueueService } from './appraisal/appraisal-queue.service.js';
import { createExportsRepository } from './exports/exports.repository.js';
import { registerExportsRoutes } from './exports/exports.routes.js';
import { createExportsService } from './exports/exports.service.js';
import { registerViewExportsRoutes } from './exports/view-exports.routes.js';
import { createViewExportsService } from './exports/view-exports.service.js';
import { createFrameworkOwners } from './frameworks/framework-owners.js';
import { registerFrameworkXlsxRoutes } from './frameworks/framework-xlsx.routes.js';
import { createFrameworkXlsxService } from './frameworks/framework-xlsx.service.js';
import { createFrameworksRepository } from './frameworks/frameworks.repository.js';
import { registerFrameworksRoutes } from './frameworks/frameworks.routes.js';
import { createFrameworksService } from './frameworks/frameworks.service.js';
import { createHistoryRepository } from './history/history.repository.js';
import { registerHistoryRoutes } from './history/history.routes.js';
import { createHistoryService } from './history/history.service.js';
import { createReexpression } from './history/reexpression.js';
import type {
  KpiReader,
  MeasureModuleDeps,
  MeasurePublicReader,
  MeasureRepositories,
} from './measure.types.js';
import { createDeadlineReminders, MEASURE_DEADLINE_JOB } from './notices/deadline-reminders.js';
import { createMeasureNotices, MEASURE_NOTICE_TEMPLATES } from './notices/measure-notices.js';
import { createRemindersRepository } from './notices/reminders.repository.js';
import { createPeriodsRepository } from './periods/periods.repository.js';
import { registerPeriodsRoutes } from './periods/periods.routes.js';
import { createPeriodsService } from './periods/periods.service.js';
import { createPublicationRepository } from './publication/publication.repository.js';
import { registerPublicationRoutes } from './publication/publication.routes.js';
import { createPublicationService } from './publication/publication.service.js';
import { createPublicMeasureRepository } from './results/public.repository.js';
import { registerPublicMeasureRoutes } from './results/public.routes.js';
import { createPublicMeasureService } from './results/public.service.js';
import { createResultsRepository } from './results/results.repository.js';
import { registerPublishRoute, registerResultsRoutes } from './results/results.routes.js';
import { createResultsCore } from './results/results.service.js';
import { createResultsViews } from './results/results-views.service.js';
import { createSnapshotValuesRepository } from './results/snapshot-values.repository.js';
import { measureEngine } from './scoring/measure-engine.js';
import { createScoresRepository } from './scoring/scores.repository.js';
import { createScoresService } from './scoring/scores.service.js';
import { createMeasureUnitsRepository } from './shared/measure-units.repository.js';
import { registerKpiPrefillRoutes } from './submissions/kpi-prefill.routes.js';
import { createKpiPrefillService } from './submissions/kpi-prefill.service.js';
import { createSubmissionsRepository } from './submissions/submissions.repository.js';
import { registerSubmissionsRoutes } from './submissions/submissions.routes.js';
import { createSubmissionsService } from './submissions/submissions.service.js';

// Wiring only: repositories → services → routes.

export function createMeasureRepositories(db: MeasureModuleDeps['db']): MeasureRepositories {
  return {
    frameworks: createFrameworksRepository(db),
    periods: createPeriodsRepository(db),
    units: createMeasureUnitsRepository(db),
    submissions: createSubmissionsRepository(db),
    results: createResultsRepository(db),
    scores: createScoresRepository(db),
    snapshotValues: createSnapshotValuesRepository(db),
    exports: createExportsRepository(db),
    history: createHistoryRepository(db),
    publication: createPublicationRepository(db),
  };
}

/** The KPI reader defaults to the KPI module's; tests may pass their own. */
type ServiceDeps = MeasureModuleDeps & { kpis?: KpiReader };

/** Builds the Measure services from their repositories; exported so tests, the CLI and the benchmark call them. */
export function createMeasureServices(deps: ServiceDeps) {
  const { db, audit, clock } = deps;
  const repos = createMeasureRepositories(db);
  // Officers hear of returns, approvals, publication and deadlines through the notifications module.
  registerNotificationTemplates(MEASURE_NOTICE_TEMPLATES);
  const notices = createMeasureNotices(createNotifier(deps));
  const engine = measureEngine;
  const guard = createAccessGuard(db);
  const context = { ...repos, guard };
  const scores = createScoresService({ db, ...repos });
  const owners = createFrameworkOwners(db);
  const frameworks = createFrameworksService({
    db,
    frameworks: repos.frameworks,
    owners,
    audit,
    clock,
    engine,
  });
  const submissionDeps = { ...context, db, audit, clock, engine, scoresService: scores };
  const submissions = createSubmissionsService({ ...submissionDeps, files: deps.files });
  const results = createResultsCore({
    ...repos,
    db,
    audit,
    clock,
    guard,
    frameworksService: frameworks,
    scoresService: scores,
    notices,
  });
  const reexpression = createReexpression(repos);
  const readDeps = { ...repos, guard, engine, core: results, reexpression };
  const views = createResultsViews({ ...readDeps, clock });
  return {
    frameworks,
    frameworkXlsx: createFrameworkXlsxService(frameworks),
    periods: createPeriodsService({ ...context, db, audit, clock }),
    submissions,
    kpiPrefill: createKpiPrefillService({
      ...context,
      engine,
      submissionsService: submissions,
      kpis: deps.kpis ?? createKpiReader(deps),
    }),
    appraisal: createAppraisalService({ ...submissionDeps, notices }),
    appraisalQueue: createAppraisalQueueService({ repo: createAppraisalQueueRepository(db) }),
    publication: createPublicationService({
      ...repos,
      db,
      audit,
      clock,
      guard,
      notices,
      scoresService: scores,
    }),
    deadlineReminders: createDeadlineReminders({
      db,
      clock,
      notices,
      reminders: createRemindersRepository(db),
      days: deps.config.measureRemindDays,
    }),
    scores,
    results,
    views,
    viewExports: createViewExportsService({ views, periods: repos.periods, frameworks: repos.frameworks }),
    analysis: createAnalysisService(readDeps),
    exports: createExportsService({ ...readDeps, clock }),
    history: createHistoryService(readDeps),
    publicReads: createPublicMeasureService({
      repo: createPublicMeasureRepository(db),
      periods: repos.periods,
      units: repos.units,
      frameworks: repos.frameworks,
      core: results,
    }),
  };
}
export type MeasureServices = ReturnType<typeof createMeasureServices>;

/** For the public portal: published periods and the top of a published ranking, read as citizens read them. */
export function createMeasurePublicReader(deps: MeasureModuleDeps): MeasurePublicReader {
  const services = createMeasureServices(deps);
  return {
    ...services.publicReads,
    rankingTop: async (periodId, limit) =>
      JSON.parse(await services.views.publicRankingJson(periodId, { limit, offset: 0 })),
  };
}

export function registerMeasureModule(app: FastifyInstance, deps: MeasureModuleDeps) {
  // Framework issue codes (cycles, sums…) get their vi/en texts; a second call does nothing.
  registerMeasureEngineMessages();
  // A submission's audit rows carry only its status; the log's unit filter finds the unit from its id.
  const submissionsRepo = createSubmissionsRepository(deps.db);
  deps.audit.registerUnitOf('measure_submission', (exec, id) => submissionsRepo.unitOf(Number(id), exec));
  const services = createMeasureServices(deps);
  registerFrameworksRoutes(app, services.frameworks);
  registerPeriodsRoutes(app, services.periods);
  registerSubmissionsRoutes(app, services.submissions);
  registerKpiPrefillRoutes(app, services.kpiPrefill);
  registerAppraisalRoutes(app, services.appraisal);
  registerAppraisalQueueRoutes(app, services.appraisalQueue);
  registerPublishRoute(app, services.results);
  registerPublicationRoutes(app, services.publication);
  registerResultsRoutes(app, services.views);
  registerAnalysisRoutes(app, services.analysis);
  registerExportsRoutes(app, services.exports);
  registerViewExportsRoutes(app, services.viewExports);
  app.register(async (scope) => registerFrameworkXlsxRoutes(scope, services.frameworkXlsx));
  registerHistoryRoutes(app, services.history);
  registerPublicMeasureRoutes(app, services.publicReads);
  deps.jobs.registerHandler(MEASURE_DEADLINE_JOB, async () => {
    await services.deadlineReminders.run();
  });
}

/** Start-up hook: the deadline reminder at once and then daily (stored once across processes with BullMQ). */
export async function startMeasureJobsOnStartup(deps: Pick<MeasureModuleDeps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(MEASURE_DEADLINE_JOB, null, { jobId: 'measure_deadline_startup' });
  await deps.jobs.schedule(MEASURE_DEADLINE_JOB, 24 * 60 * 60_000);
  return [];
}
