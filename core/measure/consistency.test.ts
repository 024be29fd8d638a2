import { describe, expect, it } from 'vitest';
import {
  compareNumbers,
  comparisonCodes,
  ExpressionError,
  evaluateComparison,
  evaluateExpression,
  parseComparison,
  parseExpression,
} from './expression.js';
import { tinyFramework } from './test-fixtures.js';
import { hasErrors, validateFramework } from './validate.js';

describe('comparisons for consistency rules', () => {
  it('parses one comparison between two arithmetic sides', () => {
    const c = parseComparison('X.HT.1 <= X.HT.2');
    expect(c.op).toBe('<=');
    expect(c.left).toEqual({ type: 'ref', code: 'X.HT.1' });
    expect(c.right).toEqual({ type: 'ref', code: 'X.HT.2' });
    expect([...comparisonCodes(parseComparison('A + B <= max(C, 2) * D'))]).toEqual(['A', 'B', 'C', 'D']);
  });

  it('evaluates every operator, equality tolerating float noise', () => {
    const v = { A: 2, B: 3, C: 5 };
    expect(evaluateComparison('A + B <= C', v)).toBe(true);
    expect(evaluateComparison('A + B < C', v)).toBe(false);
    expect(evaluateComparison('A + B >= C', v)).toBe(true);
    expect(evaluateComparison('A > B', v)).toBe(false);
    expect(evaluateComparison('B > A', v)).toBe(true);
    expect(evaluateComparison('A + B == C', v)).toBe(true);
    expect(evaluateComparison('A == B', v)).toBe(false);
    expect(evaluateComparison('0.1 + 0.2 == 0.3', {})).toBe(true);
    expect(evaluateComparison('A < C', v)).toBe(true);
  });

  it('never holds when a side cannot be evaluated (division by zero)', () => {
    expect(evaluateComparison('A / B <= 1', { A: 1, B: 0 })).toBe(false);
    expect(compareNumbers('==', Number.NaN, Number.NaN)).toBe(false);
  });

  it('rejects a missing, doubled or dangling comparison with a position', () => {
    for (const [bad, reason] of [
      ['A + B', 'expected_comparison'],
      ['A < B < C', "unexpected '<'"],
      ['A <=', 'unexpected_end'],
      ['A = B', 'unexpected_character'],
      ['A => B', 'unexpected_character'],
      ['A < > B', "unexpected '>'"],
    ] as const) {
      expect(() => parseComparison(bad), bad).toThrow(ExpressionError);
      try {
        parseComparison(bad);
      } catch (e) {
        expect((e as ExpressionError).reason, bad).toBe(reason);
      }
    }
  });

  it('keeps formulas arithmetic: a comparison inside a formula is still a syntax error', () => {
    expect(() => parseExpression('A <= B')).toThrow(ExpressionError);
    expect(evaluateExpression('A - B', { A: 3, B: 1 })).toBe(2);
  });
});

describe('validateFramework on consistency rules', () => {
  const withRules = (rules: { code: string; expression: string; message: string }[]) => ({
    ...tinyFramework(),
    consistencyRules: rules,
  });

  it('accepts rules over known component codes', () => {
    const issues = validateFramework(withRules([{ code: 'R1', expression: 'A + C <= 100', message: 'x' }]));
    expect(issues.filter((i) => i.code.startsWith('consistency'))).toEqual([]);
    expect(hasErrors(issues)).toBe(hasErrors(validateFramework(tinyFramework())));
  });

  it('reports unknown codes, syntax errors and duplicate rule codes as errors with their path', () => {
    const issues = validateFramework(
      withRules([
        { code: 'R1', expression: 'A <= NOPE', message: 'x' },
        { code: 'R2', expression: 'A + B', message: 'x' },
        { code: 'R1', expression: 'A >= 0', message: 'x' },
      ]),
    );
    expect(issues).toContainEqual({
      severity: 'error',
      path: ['consistencyRules', 0, 'expression'],
      code: 'consistency_unknown_code',
      params: { code: 'NOPE', in: 'R1' },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: ['consistencyRules', 1, 'expression'],
        code: 'consistency_syntax',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: ['consistencyRules', 2, 'code'],
        code: 'duplicate_code',
      }),
    );
  });
});
