import { describe, expect, it } from 'vitest';
import { RatioRuleSchema } from '../contracts/measure-framework.js';
import { describeExplanation } from './messages.js';
import { scoreComponent } from './scoring.js';
import { comp, HEAD_RULE, MEETINGS_RULE } from './test-fixtures.js';

describe('worked examples from the provincial index sets', () => {
  it('meetings per year 4/3/2/1 → 20/15/10/5, otherwise 0', () => {
    const c = comp('MEET', 20, MEETINGS_RULE);
    const points = [0, 1, 2, 3, 4, 9].map((n) => scoreComponent(c, { number: n }).points);
    expect(points).toEqual([0, 5, 10, 15, 20, 20]);
    expect(scoreComponent(c, { number: 0 }).explanation.code).toBe('below_all_steps');
    expect(scoreComponent(c, { number: 3 }).explanation).toEqual({
      code: 'step_matched',
      params: { value: 3, min: 3, points: 15 },
    });
  });

  it('a/b × max, capped at max; b = 0 is not evaluable with the reason', () => {
    const c = comp('RATIO', 20, { kind: 'ratio', cap: true });
    expect(scoreComponent(c, { numerator: 3, denominator: 4 }).points).toBe(15);
    expect(scoreComponent(c, { numerator: 0, denominator: 4 }).points).toBe(0);
    const capped = scoreComponent(c, { numerator: 6, denominator: 4 });
    expect(capped.points).toBe(20);
    expect(capped.explanation.code).toBe('ratio_capped');
    const zero = scoreComponent(c, { numerator: 3, denominator: 0 });
    expect(zero).toMatchObject({ points: 0, maxPoints: 20, status: 'not_evaluable' });
    expect(zero.explanation).toEqual({ code: 'division_by_zero', params: { numerator: 3, denominator: 0 } });
  });

  it('ratio without cap rejects a/b > 1 instead of scoring it', () => {
    const c = comp('RATIO', 20, { kind: 'ratio', cap: false });
    const r = scoreComponent(c, { numerator: 5, denominator: 4 });
    expect(r.status).toBe('not_evaluable');
    expect(r.explanation.code).toBe('ratio_exceeds_one');
  });

  it('ratio with fullAt gives full points from the threshold and reads percents', () => {
    const c = comp('SAT', 10, { kind: 'ratio', cap: true, fullAt: 0.9 }, { valueType: 'percent' });
    expect(scoreComponent(c, { number: 45 }).points).toBeCloseTo(5, 10);
    expect(scoreComponent(c, { number: 90 }).points).toBe(10);
    expect(scoreComponent(c, { number: 99 }).points).toBe(10);
  });

  it('chairman → full, deputy → half, none → 0; an unknown choice is explained', () => {
    const c = comp('HEAD', 20, HEAD_RULE);
    expect(scoreComponent(c, { choice: 'chairman' }).points).toBe(20);
    expect(scoreComponent(c, { choice: 'deputy' }).points).toBe(10);
    expect(scoreComponent(c, { choice: 'none' }).points).toBe(0);
    const bad = scoreComponent(c, { choice: 'mayor' });
    expect(bad.status).toBe('not_evaluable');
    expect(bad.explanation).toEqual({ code: 'unknown_choice', params: { choice: 'mayor' } });
  });
});

describe('each rule kind', () => {
  it('boolean: yes → max, no → 0; a cited document or a date counts as yes', () => {
    const c = comp('PORTAL', 5, { kind: 'boolean' });
    expect(scoreComponent(c, { bool: true }).points).toBe(5);
    expect(scoreComponent(c, { bool: false }).points).toBe(0);
    expect(scoreComponent(c, { documentRef: '12/KH-UBND' }).points).toBe(5);
    expect(scoreComponent(c, { number: 1 }).explanation.code).toBe('wrong_value_type');
  });

  it('minmax with fixed bounds is clipped, and reversed when lower is better', () => {
    const up = comp('UP', 10, { kind: 'minmax', lower: 20, upper: 70, higherIsBetter: true });
    expect(scoreComponent(up, { number: 45 }).points).toBeCloseTo(5, 10);
    expect(scoreComponent(up, { number: 10 }).points).toBe(0);
    expect(scoreComponent(up, { number: 100 }).points).toBe(10);
    const down = comp('DOWN', 10, { kind: 'minmax', lower: 0, upper: 5, higherIsBetter: false });
    expect(scoreComponent(down, { number: 0 }).points).toBe(10);
    expect(scoreComponent(down, { number: 4 }).points).toBeCloseTo(2, 10);
    expect(scoreComponent(down, { number: 8 }).points).toBe(0);
  });

  it('target: distance to target with and without baseline, both directions', () => {
    const plain = comp('T1', 20, { kind: 'target', target: 20, higherIsBetter: true });
    expect(scoreComponent(plain, { number: 15 }).points).toBe(15);
    expect(scoreComponent(plain, { number: 25 }).points).toBe(20);
    const based = comp('T2', 10, { kind: 'target', target: 90, baseline: 50, higherIsBetter: true });
    expect(scoreComponent(based, { number: 70 }).points).toBe(5);
    expect(scoreComponent(based, { number: 40 }).points).toBe(0);
    const lower = comp('T3', 10, { kind: 'target', target: 2, higherIsBetter: false });
    expect(scoreComponent(lower, { number: 1 }).points).toBe(10);
    expect(scoreComponent(lower, { number: 4 }).points).toBe(5);
    const lowerBased = comp('T4', 10, { kind: 'target', target: 10, baseline: 30, higherIsBetter: false });
    expect(scoreComponent(lowerBased, { number: 20 }).points).toBe(5);
  });

  it('deadline: on or before the due date → max, late → latePoints', () => {
    const c = comp('PLAN', 10, { kind: 'deadline', due: '2025-03-31', latePoints: 5 });
    expect(scoreComponent(c, { date: '2025-03-31' }).points).toBe(10);
    expect(scoreComponent(c, { date: '2025-04-01' }).points).toBe(5);
  });

  it('steps read a numerator/denominator pair as a percentage', () => {
    const c = comp('S', 10, {
      kind: 'steps',
      steps: [
        { min: 50, points: 5 },
        { min: 90, points: 10 },
      ],
    });
    expect(scoreComponent(c, { numerator: 9, denominator: 10 }).points).toBe(10);
    expect(scoreComponent(c, { numerator: 6, denominator: 10 }).points).toBe(5);
    expect(scoreComponent(c, { numerator: 6, denominator: 0 }).explanation.code).toBe('division_by_zero');
  });

  it('formula reads other values from the context and explains missing inputs', () => {
    const c = comp('F', 10, { kind: 'formula', expression: '(A + B) / 200', result: 'fraction' });
    expect(scoreComponent(c, null, { refValues: { A: 80, B: 40 } }).points).toBeCloseTo(6, 10);
    const missing = scoreComponent(c, null, { refValues: { A: 80 } });
    expect(missing.status).toBe('missing');
    expect(missing.explanation).toEqual({ code: 'formula_input_missing', params: { input: 'B' } });
    const divZero = comp('G', 10, { kind: 'formula', expression: 'A / B', result: 'fraction' });
    const r = scoreComponent(divZero, null, { refValues: { A: 1, B: 0 } });
    expect(r.status).toBe('not_evaluable');
    expect(r.explanation.code).toBe('division_by_zero');
  });

  it('informational components score 0 of 0', () => {
    const c = comp('INFO', 0, { kind: 'none' }, { informational: true });
    expect(scoreComponent(c, { number: 42 })).toMatchObject({ points: 0, maxPoints: 0, status: 'scored' });
  });

  it('missing and not applicable values, and applicability by unit kind or group', () => {
    const c = comp(
      'K',
      10,
      { kind: 'boolean' },
      { appliesTo: { unitKinds: ['commune'], unitGroups: ['kts'] } },
    );
    expect(scoreComponent(c, undefined, { unitKind: 'commune' }).status).toBe('missing');
    expect(scoreComponent(c, { notApplicable: true }, { unitKind: 'commune' }).status).toBe('not_applicable');
    expect(scoreComponent(c, { bool: true }, { unitKind: 'ward' })).toMatchObject({
      status: 'not_applicable',
      points: 0,
    });
    expect(scoreComponent(c, { bool: true }, { unitKind: 'department', unitGroups: ['kts'] }).points).toBe(
      10,
    );
  });
});

describe('explanations in words', () => {
  it('renders every explanation code the engine emits, in Vietnamese and English', async () => {
    const { describeExplanation, EXPLANATION_MESSAGES } = await import('./messages.js');
    const c = comp('MEET', 20, MEETINGS_RULE);
    const r = scoreComponent(c, { number: 3 });
    expect(describeExplanation(r.explanation, 'vi')).toBe('Giá trị 3 đạt mức từ 3: 15 điểm');
    expect(describeExplanation(r.explanation, 'en')).toBe('Value 3 reaches 3: 15 points');
    const ratio = scoreComponent(comp('R', 10, { kind: 'ratio', cap: true }), {
      numerator: 2,
      denominator: 3,
    });
    expect(describeExplanation(ratio.explanation, 'vi')).toBe('Tỷ lệ đạt 0,6667 (đạt 1 được tối đa)');
    for (const code of [
      'missing_value',
      'division_by_zero',
      'formula_input_missing',
      'not_applicable_to_unit',
    ]) {
      expect(EXPLANATION_MESSAGES[code].vi.length).toBeGreaterThan(0);
    }
  });
});

describe('explanations in the reader’s number format', () => {
  it('writes decimals with a comma in Vietnamese and a dot in English', async () => {
    const { describeExplanation } = await import('./messages.js');
    const explanation = { code: 'ratio', params: { ratio: 0.8, fullAt: 1 } };
    expect(describeExplanation(explanation, 'vi')).toBe('Tỷ lệ đạt 0,8 (đạt 1 được tối đa)');
    expect(describeExplanation(explanation, 'en')).toBe('Ratio 0.8 (full points at 1)');
  });
});

describe('ratio over no cases (0/0)', () => {
  const ratio = (zeroCases?: 'full' | 'zero' | 'not_applicable') =>
    comp('R', 20, { kind: 'ratio', cap: true, ...(zeroCases ? { zeroCases } : {}) });
  const none = { numerator: 0, denominator: 0 };

  it('without zeroCases stays not evaluable, as before', () => {
    expect(scoreComponent(ratio(), none)).toMatchObject({
      status: 'not_evaluable',
      explanation: { code: 'division_by_zero' },
    });
  });

  it('zeroCases: full → full points, zero → 0 points, not_applicable → maximum removed', () => {
    expect(scoreComponent(ratio('full'), none)).toMatchObject({
      status: 'scored',
      points: 20,
      explanation: { code: 'zero_cases_full' },
    });
    expect(scoreComponent(ratio('zero'), none)).toMatchObject({
      status: 'scored',
      points: 0,
      explanation: { code: 'zero_cases_zero' },
    });
    expect(scoreComponent(ratio('not_applicable'), none)).toMatchObject({
      status: 'not_applicable',
      points: 0,
      explanation: { code: 'zero_cases_not_applicable' },
    });
  });

  it('cases counted over no cases (3/0) stay not evaluable whatever zeroCases says', () => {
    expect(scoreComponent(ratio('full'), { numerator: 3, denominator: 0 }).status).toBe('not_evaluable');
  });

  it('explains itself in Vietnamese and English', () => {
    const text = (z: 'full' | 'zero' | 'not_applicable', locale: 'vi' | 'en') =>
      describeExplanation(scoreComponent(ratio(z), none).explanation, locale);
    expect(text('full', 'vi')).toBe('Không có trường hợp nào: tính đủ điểm');
    expect(text('zero', 'vi')).toBe('Không có trường hợp nào: 0 điểm');
    expect(text('not_applicable', 'vi')).toMatch(/^Không có trường hợp nào: không áp dụng/);
    expect(text('full', 'en')).toBe('No cases: full points');
    expect(text('not_applicable', 'en')).toMatch(/^No cases: not applicable/);
  });

  it('is part of the framework contract, optional so stored frameworks stay valid', () => {
    const rule = { kind: 'ratio', cap: true };
    expect(RatioRuleSchema.parse(rule)).not.toHaveProperty('zeroCases');
    expect(RatioRuleSchema.parse({ ...rule, zeroCases: 'full' }).zeroCases).toBe('full');
    expect(RatioRuleSchema.safeParse({ ...rule, zeroCases: 'half' }).success).toBe(false);
  });
});
