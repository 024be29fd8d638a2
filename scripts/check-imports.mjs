#!/usr/bin/env node
// Keeps the layout true (docs/architecture.md): no import cycles among source files (type-only imports
// count too: they are how cycles start), and no import that goes up a layer:
//   core/            imports nothing from server/ or web/ (pure rules and contracts, no I/O)
//   server/lib, server/db import nothing from server/modules/ (shared code sits below modules); server/plugins
//                    use a module only through its x.module.ts or x.types.ts
//   server/modules/A imports another module B only through B's x.module.ts or x.types.ts (its public face)
//   server/modules/  imports nothing from server/plugins/ (plugins sit above modules)
//   web/             imports nothing from server/
// Prints every finding and exits 1 when there is one. Run by `npm test`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const ROOTS = ['core', 'server', 'web', 'bench', 'e2e', 'test', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|mjs)$/;

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|[;\n}])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base.replace(/\.mjs$/, '.mts'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export function buildGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const targets = new Set();
    for (const m of text.matchAll(IMPORT_RE)) {
      const target = resolveImport(file, m[1] ?? m[2]);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Tarjan's strongly connected components; every component with more than one file (or a self-loop) is a cycle. */
export function cyclesOf(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

const rel = (p) => relative(ROOT, p);
const moduleOf = (p) => rel(p).match(/^server\/modules\/([^/]+)\//)?.[1] ?? null;

export function upwardImports(graph) {
  const found = [];
  for (const [from, targets] of graph) {
    const f = rel(from);
    for (const to of targets) {
      const t = rel(to);
      const why =
        (f.startsWith('core/') &&
          (t.startsWith('server/') || t.startsWith('web/')) &&
          'core imports I/O layers') ||
        (/^server\/(lib|db)\//.test(f) &&
          t.startsWith('server/modules/') &&
          'shared server code imports a module') ||
        (f.startsWith('server/plugins/') &&
          t.startsWith('server/modules/') &&
          !/\/[^/]+\.(module|types)\.ts$/.test(t) &&
          'a plugin reaches inside a module (use its x.module.ts or x.types.ts)') ||
        (f.startsWith('web/') && t.startsWith('server/') && 'web imports server code') ||
        (f.startsWith('server/modules/') &&
          t.startsWith('server/plugins/') &&
          'a module imports a plugin (route hooks live in server/lib/request-auth.ts)') ||
        (moduleOf(from) &&
          moduleOf(to) &&
          moduleOf(from) !== moduleOf(to) &&
          !f.endsWith('.test.ts') &&
          !/\/[^/]+\.(module|types)\.ts$/.test(t) &&
          `module ${moduleOf(from)} reaches inside module ${moduleOf(to)} (use its x.module.ts or x.types.ts)`);
      if (why) found.push(`${f} → ${t}: ${why}`);
    }
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const files = ROOTS.flatMap((r) => walk(join(ROOT, r), []));
  const graph = buildGraph(files);
  const cycles = cyclesOf(graph);
  const upward = upwardImports(graph);
  for (const c of cycles) console.error(`cycle: ${c.map(rel).join(' ↔ ')}`);
  for (const u of upward) console.error(`upward import: ${u}`);
  console.info(
    `check-imports: ${graph.size} files, ${cycles.length} cycle(s), ${upward.length} upward or cross-module import(s)`,
  );
  process.exit(cycles.length || upward.length ? 1 : 0);
}
