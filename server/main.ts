import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { createDeps } from './deps-factory.js';
import { startupHooks } from './startup.js';

// Starts the server: migrate, run start-up hooks (demo data on first run), listen, shut down gracefully.
async function main() {
  const config = loadConfig();
  const deps = await createDeps(config);
  await migrateToLatest(deps.db);
  const app = await buildApp(deps, { logger: true });
  const human = process.stdout.isTTY && config.logFormat !== 'json';
  const progress = (line: string) => (human ? console.info(line) : app.log.info({ startup: line }));
  const banner: string[] = [];
  for (const hook of startupHooks) banner.push(...(await hook(deps, progress)));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const urls = { portal: `${url}/`, staff: `${url}/app/`, apiDocs: `${url}/api/docs` };
  if (human) {
    console.info(
      [
        '',
        `DXBoard ${config.version} (${deps.database.dialect}) is running:`,
        `  Public portal: ${urls.portal}`,
        `  Staff app:     ${urls.staff}`,
        `  API docs:      ${urls.apiDocs}`,
        ...banner,
        '',
      ].join('\n'),
    );
  } else {
    // Not a terminal (systemd, containers, files): every line is JSON, the banner included.
    app.log.info(
      { version: config.version, db: deps.database.dialect, urls, notes: banner },
      'DXBoard is running',
    );
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stopping must not depend on every background job ending: a job cut short is safe (its transaction rolls
    // back; in-process jobs are re-derived from the database at the next start, BullMQ hands a stalled job to
    // another process). So the graceful close gets a bounded time, and the log says which step was cut.
    let phase = 'closing the server and background jobs';
    const watchdog = setTimeout(() => {
      app.log.warn({ signal, phase, graceMs: config.shutdownGraceMs }, 'shutdown grace period over: exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    watchdog.unref();
    await app.close();
    phase = 'closing the database';
    await deps.database.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
