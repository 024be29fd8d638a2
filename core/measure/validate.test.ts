import { describe, expect, it } from 'vitest';
import { ExpressionError, evaluateExpression, parseExpression, referencedCodes } from './expression.js';
import { comp, tinyFramework } from './test-fixtures.js';
import { formulaOrder, hasErrors, validateFramework } from './validate.js';

describe('expression language', () => {
  it('evaluates arithmetic with precedence, unary minus, min and max', () => {
    expect(evaluateExpression('1 + 2 * 3', {})).toBe(7);
    expect(evaluateExpression('(1 + 2) * 3', {})).toBe(9);
    expect(evaluateExpression('-A + 10 / 4', { A: 1 })).toBe(1.5);
    expect(evaluateExpression('min(A, B.2, 7) + max(1, 2)', { A: 5, 'B.2': 3 })).toBe(5);
    expect(evaluateExpression('2 - -3', {})).toBe(5);
  });

  it('returns NaN on division by zero instead of Infinity', () => {
    expect(evaluateExpression('A / B', { A: 1, B: 0 })).toBeNaN();
  });

  it('lists referenced codes', () => {
    expect([...referencedCodes(parseExpression('max(CQS.2, CQS.3) / (NT.1 + 1)'))]).toEqual([
      'CQS.2',
      'CQS.3',
      'NT.1',
    ]);
  });

  it('rejects what is not in the language, with a position', () => {
    for (const bad of [
      '1 +',
      '(1 + 2',
      'A B',
      'max 1',
      'process.exit(1)',
      "A; require('fs')",
      '2 ** 3',
      'min()',
    ]) {
      expect(() => parseExpression(bad), bad).toThrow(ExpressionError);
    }
    let error: unknown;
    try {
      parseExpression('1 + $');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).position).toBe(4);
  });

  it('limits nesting depth', () => {
    expect(() => parseExpression(`${'('.repeat(80)}1${')'.repeat(80)}`)).toThrow(/too_deep/);
  });
});

describe('validateFramework', () => {
  it('accepts a consistent framework with no issues', () => {
    expect(validateFramework(tinyFramework())).toEqual([]);
  });

  it('reports duplicate codes with both paths', () => {
    const fw = tinyFramework();
    fw.groups[1].mainIndices[0].components[0].code = 'A';
    const dup = validateFramework(fw).find((i) => i.code === 'duplicate_code');
    expect(dup).toMatchObject({
      severity: 'error',
      path: ['groups', 1, 'mainIndices', 0, 'components', 0, 'code'],
      params: { code: 'A', firstAt: 'groups.0.mainIndices.0.components.0' },
    });
  });

  it('reports children whose points do not add up to the parent as an error', () => {
    const fw = tinyFramework();
    fw.groups[0].mainIndices[0].components[0].maxPoints = 25;
    const issues = validateFramework(fw);
    expect(issues.find((i) => i.code === 'points_mismatch')).toMatchObject({
      severity: 'error',
      path: ['groups', 0, 'mainIndices', 0, 'maxPoints'],
      params: { declared: 40, childrenSum: 45 },
    });
    expect(hasErrors(issues)).toBe(true);
  });

  it('reports steps that are not monotonic and points above the maximum', () => {
    const fw = tinyFramework();
    fw.groups[0].mainIndices[0].components[0] = comp('A', 20, {
      kind: 'steps',
      steps: [
        { min: 2, points: 10 },
        { min: 1, points: 5 },
        { min: 4, points: 25 },
      ],
    });
    const codes = validateFramework(fw).map((i) => `${i.severity}:${i.code}:${i.path.slice(-2).join('.')}`);
    expect(codes).toContain('error:steps_not_monotonic:steps.1');
    expect(codes).toContain('error:points_exceed_max:2.points');
  });

  it('reports choice points above the maximum and a rule that does not fit the value type', () => {
    const fw = tinyFramework();
    const b = fw.groups[0].mainIndices[0].components[1];
    if (b.rule.kind === 'choice') b.rule.options[0].points = 30;
    b.valueType = 'number';
    const codes = validateFramework(fw).map((i) => i.code);
    expect(codes).toContain('points_exceed_max');
    expect(codes).toContain('rule_value_type_mismatch');
  });

  it('reports unknown codes and syntax errors in formulas', () => {
    const fw = tinyFramework();
    fw.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression: 'A + ZZ',
      result: 'fraction',
    });
    expect(validateFramework(fw).find((i) => i.code === 'formula_unknown_code')?.params).toEqual({
      code: 'ZZ',
      in: 'F',
    });
    fw.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression: 'A +',
      result: 'fraction',
    });
    expect(validateFramework(fw).find((i) => i.code === 'formula_syntax')?.severity).toBe('error');
  });

  it('rejects circular formulas and reports the cycle path', () => {
    const fw = tinyFramework();
    const [e, f] = fw.groups[1].mainIndices[1].components.map((c) => c.code);
    fw.groups[1].mainIndices[1].components = [
      comp(e, 20, { kind: 'formula', expression: `${f} + 1`, result: 'fraction' }),
      comp(f, 10, { kind: 'formula', expression: `D + ${e}`, result: 'fraction' }),
    ];
    const cycle = validateFramework(fw).find((i) => i.code === 'formula_cycle');
    expect(cycle?.severity).toBe('error');
    expect(cycle?.params.cycle).toBe('E → F → E');
    const self = tinyFramework();
    self.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression: 'F * 2',
      result: 'fraction',
    });
    expect(formulaOrder(self)).toEqual({ ok: false, cycle: ['F', 'F'] });
  });

  it('orders formulas so that each comes after the formulas it reads', () => {
    const fw = tinyFramework();
    fw.groups[1].mainIndices[1].components = [
      comp('E', 20, { kind: 'formula', expression: 'F + 1', result: 'fraction' }),
      comp('F', 10, { kind: 'formula', expression: 'A * 2', result: 'fraction' }),
    ];
    expect(formulaOrder(fw)).toEqual({ ok: true, order: ['F', 'E'] });
  });

  it('reports bands out of order and reserved codes', () => {
    const fw = tinyFramework();
    fw.bands = [fw.bands[1], fw.bands[0]];
    fw.groups[0].mainIndices[0].components[0].code = 'max';
    const codes = validateFramework(fw).map((i) => i.code);
    expect(codes).toContain('bands_not_ascending');
    expect(codes).toContain('reserved_code');
  });
});

describe('issue messages', () => {
  it('every issue code validateFramework can emit has a Vietnamese and English message', async () => {
    const { readFileSync } = await import('node:fs');
    const { FRAMEWORK_ISSUE_MESSAGES } = await import('./messages.js');
    const source = readFileSync(new URL('./validate.ts', import.meta.url), 'utf8');
    // The code is the quoted argument followed by the params object or the closing parenthesis.
    const calls = [...source.matchAll(/add\(\s*'(?:error|warning)'[^;]*;/g)].map((m) => m[0]);
    const codes = calls.map((call) => /'([a-z_]+)'(?=\s*(?:,\s*\{|\)))/.exec(call)?.[1] ?? call);
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      expect(FRAMEWORK_ISSUE_MESSAGES[code]?.vi, code).toBeTruthy();
      expect(FRAMEWORK_ISSUE_MESSAGES[code]?.en, code).toBeTruthy();
    }
  });
});
