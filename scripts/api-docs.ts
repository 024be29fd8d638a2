// Regenerates the endpoint list in docs/api.md from the OpenAPI document the server serves:
//   npx tsx scripts/api-docs.ts                        (writes docs/api.md)
//   npx tsx scripts/api-docs.ts --check                (exits 1 when docs/api.md is out of date)
//   npx tsx scripts/api-docs.ts --openapi openapi.json (writes the OpenAPI document itself, no server needed)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { createDeps } from '../server/deps-factory.js';

const START = '<!-- endpoints:start -->';
const END = '<!-- endpoints:end -->';

type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  'x-access'?: { permission?: string; unit?: string };
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
};

/** The document GET /api/openapi.json answers, from an app on a throwaway database. */
export async function loadOpenApiDocument(): Promise<Document> {
  const dir = mkdtempSync(join(tmpdir(), 'dxboard-apidocs-'));
  const database = openDatabase({ kind: 'sqlite', path: join(dir, 'db.sqlite') });
  try {
    await migrateToLatest(database.db);
    const deps = await createDeps(loadConfig({ DATA_DIR: dir }), { database });
    const app = await buildApp(deps);
    await app.ready();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
    await app.close();
    return doc;
  } finally {
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export async function renderEndpointTable(doc?: Document): Promise<string> {
  const { paths, tags = [] } = doc ?? (await loadOpenApiDocument());
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      const { permission = '', unit = 'none' } = op['x-access'] ?? {};
      const access = unit === 'none' ? permission : `${permission} (${unit})`;
      const row = `| \`${method.toUpperCase()}\` | \`${path}\` | \`${op.operationId ?? ''}\` | ${cell(op.summary ?? '')} | ${access} |`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), row]);
    }
  }
  const describe = new Map(tags.map((t) => [t.name, t.description]));
  const sections = [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, rows]) =>
      [
        `### ${tag}`,
        '',
        ...(describe.get(tag) ? [describe.get(tag), ''] : []),
        '| method | path | operationId | summary | who may call |',
        '|---|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
  return [START, '', ...sections.flatMap((s) => [s, '']), END].join('\n');
}

export function replaceEndpointSection(markdown: string, table: string): string {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < 0) return `${markdown.trimEnd()}\n\n${table}\n`;
  return `${markdown.slice(0, start)}${table}${markdown.slice(end + END.length)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const openapiAt = process.argv.indexOf('--openapi');
  if (openapiAt > 0) {
    const out = process.argv[openapiAt + 1] ?? 'openapi.json';
    writeFileSync(out, `${JSON.stringify(await loadOpenApiDocument(), null, 2)}\n`);
    console.info(`${out} written.`);
    process.exit(0);
  }
  const file = 'docs/api.md';
  const current = readFileSync(file, 'utf8');
  const next = replaceEndpointSection(current, await renderEndpointTable());
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('docs/api.md is out of date: run `npx tsx scripts/api-docs.ts`.');
      process.exit(1);
    }
    console.info('docs/api.md is up to date.');
  } else {
    writeFileSync(file, next);
    console.info('docs/api.md updated.');
  }
}
