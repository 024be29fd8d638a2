import type { Deps } from './deps.js';
import { seedDemoCommunityOnStartup } from './modules/community/demo/community-demo-seed.js';
import { seedContestDemoOnStartup, startContestJobsOnStartup } from './modules/contest/contest.module.js';
import { seedDemoFeedbackOnStartup } from './modules/feedback/demo/feedback-demo-seed.js';
import { startFeedbackJobsOnStartup } from './modules/feedback/feedback.module.js';
import { seedDemoKpisOnStartup } from './modules/kpis/demo/kpi-demo-seed.js';
import { ensureKpiCatalogueOnStartup } from './modules/kpis/kpis.module.js';
import { seedDemoMeasureOnStartup } from './modules/measure/demo/measure-demo-seed.js';
import { startMeasureJobsOnStartup } from './modules/measure/measure.module.js';
import { seedDemoNewsOnStartup } from './modules/news/demo/news-demo-seed.js';
import { startNewsJobsOnStartup } from './modules/news/news.module.js';
import {
  seedDemoNotificationsOnStartup,
  startNotificationJobsOnStartup,
} from './modules/notifications/notifications.module.js';
import { seedDemoSteerOnStartup } from './modules/steer/demo/steer-demo-seed.js';
import {
  startRegistersJobsOnStartup,
  startReportJobsOnStartup,
  startUrgingJobsOnStartup,
} from './modules/steer/steer.module.js';
import { seedDemoOnFirstRun } from './modules/units/demo/demo-seed.js';

// Work done once at start-up after migrations (e.g. loading demo data into an empty database).
// Each hook returns lines for the start-up banner and may report progress while it works (long demo loads);
// main.ts prints both for a terminal and logs them as JSON otherwise.
export type StartupHook = (deps: Deps, progress: (line: string) => void) => Promise<string[]>;

export const startupHooks: StartupHook[] = [
  seedDemoOnFirstRun,
  ensureKpiCatalogueOnStartup,
  seedDemoKpisOnStartup,
  seedDemoMeasureOnStartup,
  seedDemoNotificationsOnStartup,
  seedDemoSteerOnStartup,
  seedDemoFeedbackOnStartup,
  seedDemoCommunityOnStartup,
  startNotificationJobsOnStartup,
  startMeasureJobsOnStartup,
  startReportJobsOnStartup,
  startUrgingJobsOnStartup,
  startRegistersJobsOnStartup,
  seedContestDemoOnStartup,
  startContestJobsOnStartup,
  startFeedbackJobsOnStartup,
  seedDemoNewsOnStartup,
  startNewsJobsOnStartup,
];
