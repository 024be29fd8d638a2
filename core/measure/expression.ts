// A small, safe arithmetic language for formula rules: numbers, component codes, + - * /, unary minus,
// parentheses, min(...) and max(...). Parsed by recursive descent and compiled to closures; never eval.

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'ref'; code: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { type: 'call'; fn: 'min' | 'max'; args: Expr[] };

export class ExpressionError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at ${position}`);
  }
}

type Token = { kind: 'num' | 'ident' | 'op'; text: string; pos: number };

const MAX_LENGTH = 500;
const MAX_DEPTH = 50;
export const RESERVED_NAMES = new Set(['min', 'max']);

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new ExpressionError('too_long', MAX_LENGTH);
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|(<=|>=|==|[-+*/(),<>]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m)
      throw new ExpressionError('unexpected_character', pos + (/^\s*/.exec(src.slice(pos))?.[0].length ?? 0));
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1], pos: start });
    else if (m[2] !== undefined) tokens.push({ kind: 'ident', text: m[2], pos: start });
    else tokens.push({ kind: 'op', text: m[3], pos: start });
    pos = re.lastIndex;
  }
  return tokens;
}

export function parseExpression(src: string): Expr {
  return parseTokens(src, false) as Expr;
}

export const COMPARISON_OPS = ['<', '<=', '>', '>=', '=='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type Comparison = { op: ComparisonOp; left: Expr; right: Expr };

/**
 * A consistency rule: exactly one comparison between two arithmetic expressions, e.g. "A + B <= C".
 * Kept apart from parseExpression so formulas never yield booleans (their behaviour is unchanged).
 */
export function parseComparison(src: string): Comparison {
  return parseTokens(src, true) as Comparison;
}

function parseTokens(src: string, comparison: boolean): Expr | Comparison {
  const tokens = tokenize(src);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const expectOp = (text: string) => {
    const t = tokens[i];
    if (t?.kind !== 'op' || t.text !== text) {
      throw new ExpressionError(`expected '${text}'`, t?.pos ?? src.length);
    }
    i++;
  };
  const enter = () => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('too_deep', peek()?.pos ?? src.length);
  };

  function parseSum(): Expr {
    let left = parseProduct();
    for (let t = peek(); t && t.kind === 'op' && (t.text === '+' || t.text === '-'); t = peek()) {
      i++;
      left = { type: 'bin', op: t.text as '+' | '-', left, right: parseProduct() };
    }
    return left;
  }
  function parseProduct(): Expr {
    let left = parseUnary();
    for (let t = peek(); t && t.kind === 'op' && (t.text === '*' || t.text === '/'); t = peek()) {
      i++;
      left = { type: 'bin', op: t.text as '*' | '/', left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): Expr {
    const t = peek();
    if (t && t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      i++;
      enter();
      const arg = parseUnary();
      depth--;
      return t.text === '-' ? { type: 'neg', arg } : arg;
    }
    return parsePrimary();
  }
  function parsePrimary(): Expr {
    const t = peek();
    if (!t) throw new ExpressionError('unexpected_end', src.length);
    i++;
    if (t.kind === 'num') return { type: 'num', value: Number(t.text) };
    if (t.kind === 'ident') {
      const next = peek();
      if (RESERVED_NAMES.has(t.text) && next?.kind === 'op' && next.text === '(') {
        return parseCall(t.text as 'min' | 'max');
      }
      if (RESERVED_NAMES.has(t.text)) throw new ExpressionError(`expected '('`, next?.pos ?? src.length);
      return { type: 'ref', code: t.text };
    }
    if (t.text === '(') {
      enter();
      const inner = parseSum();
      depth--;
      expectOp(')');
      return inner;
    }
    throw new ExpressionError(`unexpected '${t.text}'`, t.pos);
  }
  function parseCall(fn: 'min' | 'max'): Expr {
    expectOp('(');
    enter();
    const args = [parseSum()];
    while (peek()?.kind === 'op' && peek().text === ',') {
      i++;
      args.push(parseSum());
    }
    depth--;
    expectOp(')');
    return { type: 'call', fn, args };
  }

  const expr = parseSum();
  if (comparison) {
    const t = peek();
    const op = COMPARISON_OPS.find((o) => t?.kind === 'op' && t.text === o);
    if (!op) throw new ExpressionError('expected_comparison', t?.pos ?? src.length);
    i++;
    const right = parseSum();
    if (i < tokens.length) throw new ExpressionError(`unexpected '${tokens[i].text}'`, tokens[i].pos);
    return { op, left: expr, right };
  }
  if (i < tokens.length) throw new ExpressionError(`unexpected '${tokens[i].text}'`, tokens[i].pos);
  return expr;
}

export function referencedCodes(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.type) {
    case 'ref':
      into.add(expr.code);
      break;
    case 'neg':
      referencedCodes(expr.arg, into);
      break;
    case 'bin':
      referencedCodes(expr.left, into);
      referencedCodes(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) referencedCodes(a, into);
      break;
    default:
      break;
  }
  return into;
}

// Compiles to a closure over a value vector; division by zero yields a non-finite number, which the
// caller reports as "not evaluable" rather than throwing.
export function compileExpression(
  expr: Expr,
  indexOf: (code: string) => number,
): (v: Float64Array) => number {
  switch (expr.type) {
    case 'num': {
      const n = expr.value;
      return () => n;
    }
    case 'ref': {
      const idx = indexOf(expr.code);
      if (idx < 0) throw new ExpressionError(`unknown code ${expr.code}`, 0);
      return (v) => v[idx];
    }
    case 'neg': {
      const a = compileExpression(expr.arg, indexOf);
      return (v) => -a(v);
    }
    case 'bin': {
      const l = compileExpression(expr.left, indexOf);
      const r = compileExpression(expr.right, indexOf);
      if (expr.op === '+') return (v) => l(v) + r(v);
      if (expr.op === '-') return (v) => l(v) - r(v);
      if (expr.op === '*') return (v) => l(v) * r(v);
      return (v) => {
        const d = r(v);
        return d === 0 ? Number.NaN : l(v) / d;
      };
    }
    case 'call': {
      const args = expr.args.map((a) => compileExpression(a, indexOf));
      const pick = expr.fn === 'min' ? Math.min : Math.max;
      return (v) => pick(...args.map((f) => f(v)));
    }
  }
}

export function evaluateExpression(src: string, values: Record<string, number>): number {
  const codes = Object.keys(values);
  const vec = Float64Array.from(codes.map((c) => values[c]));
  return compileExpression(parseExpression(src), (c) => codes.indexOf(c))(vec);
}

// Equality tolerates float noise (e.g. 0.1 + 0.2 == 0.3); a NaN side (division by zero) is never satisfied.
const EQ_EPS = 1e-9;

export function compareNumbers(op: ComparisonOp, left: number, right: number): boolean {
  if (!Number.isFinite(left) || !Number.isFinite(right)) return false;
  const tol = EQ_EPS * Math.max(1, Math.abs(left), Math.abs(right));
  switch (op) {
    case '<':
      return left < right - tol;
    case '<=':
      return left <= right + tol;
    case '>':
      return left > right + tol;
    case '>=':
      return left >= right - tol;
    case '==':
      return Math.abs(left - right) <= tol;
  }
}

/** Evaluates a comparison over named values; unknown codes throw ExpressionError like formulas do. */
export function evaluateComparison(src: string, values: Record<string, number>): boolean {
  const c = parseComparison(src);
  const codes = Object.keys(values);
  const vec = Float64Array.from(codes.map((k) => values[k]));
  const indexOf = (k: string) => codes.indexOf(k);
  return compareNumbers(
    c.op,
    compileExpression(c.left, indexOf)(vec),
    compileExpression(c.right, indexOf)(vec),
  );
}

export function comparisonCodes(c: Comparison): Set<string> {
  return referencedCodes(c.right, referencedCodes(c.left));
}
