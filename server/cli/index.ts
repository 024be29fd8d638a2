import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { createDeps } from '../deps-factory.js';
import { type CliCommand, commands } from './commands.js';

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`);
  return ['Usage: npx dxboard <command> [options]', '', 'Commands:', ...lines].join('\n');
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.info(usage());
    return name ? 0 : 1;
  }
  const command: CliCommand | undefined = commands[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  const config = loadConfig();
  const deps = await createDeps(config);
  try {
    if (command.migrateFirst !== false) await migrateToLatest(deps.db);
    return await command.run(rest, deps);
  } finally {
    for (const close of deps.closers) await close();
    await deps.database.destroy();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
