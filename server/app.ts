import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { maskText } from './lib/mask.js';
import { registerAccountsModule } from './modules/accounts/accounts.module.js';
import { registerAuditModule } from './modules/audit/audit.module.js';
import { registerCommunityModule } from './modules/community/community.module.js';
import { registerContestModule } from './modules/contest/contest.module.js';
import { registerDashboardModule } from './modules/dashboard/dashboard.module.js';
import { registerFeedbackModule } from './modules/feedback/feedback.module.js';
import { registerFilesModule } from './modules/files/files.module.js';
import { registerKpisModule } from './modules/kpis/kpis.module.js';
import { registerMeasureModule } from './modules/measure/measure.module.js';
import { registerNewsModule } from './modules/news/news.module.js';
import { registerNotificationsModule } from './modules/notifications/notifications.module.js';
import { registerPortalModule } from './modules/portal/portal.module.js';
import { registerSsoModule } from './modules/sso/sso.module.js';
import { registerSteerModule } from './modules/steer/steer.module.js';
import { registerSystemModule } from './modules/system/system.module.js';
import { registerUnitsModule } from './modules/units/units.module.js';
import { registerAuth } from './plugins/auth.js';
import { registerCompression } from './plugins/compress.js';
import { registerErrorHandling, sendFrameworkError } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerTextSafety } from './plugins/text-safety.js';
import { registerWebPlugin } from './plugins/web.js';

export type BuildAppOptions = { logger?: boolean };

// Builds the Fastify app from its dependencies; listen() lives in main.ts so tests use app.inject().
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.logLevel,
          serializers: {
            // URLs can carry phone numbers or citizen ids in query strings: never log them unmasked.
            req: (req) => ({ method: req.method, url: maskText(req.url), ip: req.ip }),
          },
        }
      : false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: sendFrameworkError,
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  registerErrorHandling(app);
  registerTextSafety(app);
  // Before any route: the plugin attaches itself to each route as it is added.
  await registerCompression(app);
  await registerOpenApi(app);
  await registerAuth(app, deps);

  // Modules register themselves; this list is the map of the product.
  registerSystemModule(app, deps);
  registerUnitsModule(app, deps);
  registerFilesModule(app, deps);
  registerAccountsModule(app, deps);
  registerAuditModule(app, deps);
  registerMeasureModule(app, deps);
  registerKpisModule(app, deps);
  registerNotificationsModule(app, deps);
  registerSteerModule(app, deps);
  registerSsoModule(app, deps);
  registerFeedbackModule(app, deps);
  registerCommunityModule(app, deps);
  registerContestModule(app, deps);
  registerDashboardModule(app, deps);
  registerNewsModule(app, deps);
  registerPortalModule(app, deps);

  // The built web entries (/ and /app/*); they never match /api/*.
  await registerWebPlugin(app);

  app.addHook('onClose', async () => {
    for (const close of deps.closers) await close();
  });
  return app;
}
