// Flattens before/after JSON into dotted paths and lists what changed, for the audit viewer.

export type DiffChange = 'added' | 'removed' | 'changed';
export type DiffRow = { path: string; change: DiffChange; before?: unknown; after?: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves of a JSON value by path ("grants.0.role"); an empty object or array is itself a leaf. */
export function flattenJson(
  value: unknown,
  prefix = '',
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : isPlainObject(value)
      ? Object.entries(value)
      : null;
  if (!entries || entries.length === 0) {
    out.set(prefix, value);
    return out;
  }
  for (const [key, child] of entries) flattenJson(child, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const a = before === null || before === undefined ? new Map<string, unknown>() : flattenJson(before);
  const b = after === null || after === undefined ? new Map<string, unknown>() : flattenJson(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const rows: DiffRow[] = [];
  for (const path of paths) {
    const inA = a.has(path);
    const inB = b.has(path);
    if (inA && !inB) rows.push({ path, change: 'removed', before: a.get(path) });
    else if (!inA && inB) rows.push({ path, change: 'added', after: b.get(path) });
    else if (JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
      rows.push({ path, change: 'changed', before: a.get(path), after: b.get(path) });
  }
  return rows;
}

export function showJsonValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
