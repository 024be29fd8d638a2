// Text that can do harm beyond its meaning.
// - C0 control characters (U+0000–U+001F except tab, LF, CR): PostgreSQL refuses U+0000, so a SQLite
//   database holding one could not be restored into PostgreSQL, and the others are never typed on
//   purpose. Input is refused wherever text enters (requests, imported cells); restore reports them.
// - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make a name display in another
//   order than it reads ("Xã A‮gnp.exe"). Stored as typed, they are made visible in exports.

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasForbiddenControl(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** The code point of the first forbidden control character, e.g. "U+0000"; null when the text is clean. */
export function firstForbiddenControl(text: string): string | null {
  const match = FORBIDDEN_CONTROL.exec(text);
  return match ? codePointLabel(match[0]) : null;
}

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Every string inside `value` (keys included) that holds a forbidden control character, with its dotted
 * path. Iterative, and paths are built only for hits: a request body may nest thousands of levels deep.
 */
export function findForbiddenControls(
  value: unknown,
  path: string,
  limit = 20,
): { field: string; codePoint: string }[] {
  type Node = { parent: number; key: string; isObjectKey: boolean };
  const nodes: Node[] = [{ parent: -1, key: path, isObjectKey: false }];
  const pathOf = (index: number) => {
    const keys: string[] = [];
    for (let i = index; i >= 0; i = nodes[i].parent) keys.push(nodes[i].key);
    return keys.reverse().join('.');
  };
  const found: { field: string; codePoint: string }[] = [];
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length && found.length < limit) {
    const [current, index] = stack.pop() as [unknown, number];
    // A key is text too: a record keyed by user input must not smuggle one in.
    const keyCodePoint = nodes[index].isObjectKey ? firstForbiddenControl(nodes[index].key) : null;
    if (keyCodePoint) found.push({ field: pathOf(index), codePoint: keyCodePoint });
    if (typeof current === 'string') {
      const codePoint = firstForbiddenControl(current);
      if (codePoint) found.push({ field: pathOf(index), codePoint });
      continue;
    }
    if (!current || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    const entries = Array.isArray(current)
      ? current.map((v, i) => [String(i), v] as const)
      : Object.entries(current);
    // Pushed in reverse so fields are reported in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      nodes.push({ parent: index, key, isObjectKey: !Array.isArray(current) });
      stack.push([child, nodes.length - 1]);
    }
  }
  return found;
}

/** Makes bidi controls visible ("[U+202E]"), so exported names display in the order they are stored. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROL, (c) => `[${codePointLabel(c)}]`);
}
