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
  const banner: string[] = [];
  for (const hook of startupHooks) banner.push(...(await hook(deps)));
  const app = await buildApp(deps, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.info(
    [
      '',
      `DXBoard ${config.version} (${deps.database.dialect}) is running:`,
      `  Public portal: ${url}/`,
      `  Staff app:     ${url}/app/`,
      `  API docs:      ${url}/api/docs`,
      ...banner,
      '',
    ].join('\n'),
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
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
