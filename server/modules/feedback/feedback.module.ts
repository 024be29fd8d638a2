import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { vietnamDate } from '../../../core/time/vietnam-date.js';
import { linkBaseUrl } from '../../config.js';
import type { Deps } from '../../deps.js';
import { createAccessGuard } from '../../lib/access-guard.js';
import { createAuthenticator } from '../accounts/accounts.module.js';
import { createKpiFeed } from '../kpis/kpis.module.js';
import { createNotifier } from '../notifications/notifications.module.js';
import { createCitizenIdentityReader } from '../sso/sso.module.js';
import { registerCategoriesRoutes } from './categories/categories.routes.js';
import { createCategoriesService } from './categories/categories.service.js';
import { registerCitizenRoutes } from './citizen/citizen.routes.js';
import { createCitizenService } from './citizen/citizen.service.js';
import { createPowGateOn } from './citizen/pow-gate.js';
import { feedbackSettings } from './feedback.settings.js';
import type { FeedbackModuleDeps, FeedbackSettings, PowGate } from './feedback.types.js';
import { createFeedbackKpiWriter } from './kpis/feedback-kpis.js';
import { registerOpen311Routes } from './open311/open311.routes.js';
import { createOpen311Service } from './open311/open311.service.js';
import { registerReportsRoutes } from './reports/reports.routes.js';
import { createReportsService } from './reports/reports.service.js';
import { registerFeedbackRulesRoutes } from './rules/rules.routes.js';
import { createFeedbackRulesService } from './rules/rules.service.js';
import { createFeedbackRepository } from './shared/feedback.repository.js';
import { createPublicAnswers } from './shared/public-answers.js';

// Feedback: citizen reports (phản ánh kiến nghị) — categories, the public form with a verified contact, routing
// to a handling unit, deadlines in working days, answers with evidence, satisfaction, Open311 GeoReport v2, the
// on-time and satisfaction KPIs Measure scores, reminders to units and updates to citizens. Wiring only.

export const FEEDBACK_DAILY_JOB = 'feedback.daily';
/** Reports not routed by their receive-by time (4 or 8 working hours): checked often, not with the daily work. */
export const FEEDBACK_RECEIVE_JOB = 'feedback.receive-reminders';
export const FEEDBACK_RECEIVE_EVERY_MS = 15 * 60_000;

export function createFeedbackServices(
  deps: Pick<Deps, 'db' | 'clock' | 'audit' | 'config' | 'jobs' | 'files' | 'rateLimiter' | 'cache'>,
  settings: FeedbackSettings = feedbackSettings(),
) {
  const repo = createFeedbackRepository(deps.db);
  const answers = createPublicAnswers(deps.cache, () => repo.revisions());
  const guard = createAccessGuard(deps.db);
  const notifier = createNotifier(deps);
  const kpis = createFeedbackKpiWriter({ db: deps.db, clock: deps.clock, repo, feed: createKpiFeed(deps) });
  const base = { ...deps, repo, guard, notifier, kpis };
  const reports = createReportsService(base);
  const categories = createCategoriesService(base);
  const rules = createFeedbackRulesService(base);
  const citizen = createCitizenService({
    ...base,
    reports,
    citizens: createCitizenIdentityReader(deps),
    answers,
    // With an SMS gateway the notification service sends the phone's code; the log sender is for development.
    settings: { ...settings, logPhoneCodes: settings.logPhoneCodes && !deps.config.notify.sms },
    log: (line) => console.info(JSON.stringify(line)),
  });
  const open311 = createOpen311Service({
    repo,
    answers,
    reports,
    settings,
    authenticator: createAuthenticator(deps),
    now: () => deps.clock.now(),
  });
  return { repo, reports, categories, rules, citizen, open311, kpis };
}
export type FeedbackServices = ReturnType<typeof createFeedbackServices>;

/** The self-hosted proof-of-work check, for other modules' public forms (contest registration). */
export function createPowGate(
  deps: Pick<Deps, 'db' | 'clock'>,
  settings: Pick<FeedbackSettings, 'powDifficulty'> = feedbackSettings(),
): PowGate {
  return createPowGateOn({
    repo: createFeedbackRepository(deps.db),
    clock: deps.clock,
    difficulty: settings.powDifficulty,
  });
}

/** The daily work: due-soon and overdue notices (once each by their keys), then the quarter's KPIs. */
export async function runFeedbackDaily(deps: Pick<Deps, 'clock'>, services: FeedbackServices) {
  const reminded = await services.reports.remindDue(vietnamDate(deps.clock.now()));
  const kpis = await services.kpis.writeAll({ actor: null });
  return { reminded, kpis };
}

export function registerFeedbackModule(app: FastifyInstance, deps: FeedbackModuleDeps) {
  const services = createFeedbackServices(deps);
  deps.jobs.registerHandler(FEEDBACK_DAILY_JOB, async () => {
    await runFeedbackDaily(deps, services);
  });
  deps.jobs.registerHandler(FEEDBACK_RECEIVE_JOB, async () => {
    await services.reports.remindReceive();
  });
  app.register(async (scope) => {
    registerCategoriesRoutes(scope, services.categories);
    registerReportsRoutes(scope, services.reports);
    registerFeedbackRulesRoutes(scope, services.rules);
  });
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: deps.config.uploadMaxBytes + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
    registerCitizenRoutes(scope, services.citizen, deps.config.uploadMaxBytes);
  });
  app.register(async (scope) =>
    registerOpen311Routes(scope, services.open311, () => linkBaseUrl(deps.config) ?? ''),
  );
}

/**
 * Start-up hook: the daily job at once and every six hours, the receive-by reminders every 15 minutes (a report
 * due to be routed within 4 working hours cannot wait six); their notices are sent once each by their keys.
 */
export async function startFeedbackJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(FEEDBACK_DAILY_JOB, null, { jobId: 'feedback_daily_startup' });
  await deps.jobs.schedule(FEEDBACK_DAILY_JOB, 6 * 60 * 60_000);
  await deps.jobs.schedule(FEEDBACK_RECEIVE_JOB, FEEDBACK_RECEIVE_EVERY_MS);
  return [];
}
