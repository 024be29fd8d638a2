import fc from 'fast-check';
import type { Component, Framework } from '../contracts/measure-framework.js';

// Small frameworks for the engine's tests.

export function comp(
  code: string,
  maxPoints: number,
  rule: Component['rule'],
  extra: Partial<Component> = {},
): Component {
  const valueType: Component['valueType'] =
    rule.kind === 'ratio'
      ? 'ratio'
      : rule.kind === 'choice'
        ? 'choice'
        : rule.kind === 'boolean'
          ? 'boolean'
          : rule.kind === 'deadline'
            ? 'date'
            : 'number';
  return { code, name: code, valueType, informational: false, maxPoints, rule, ...extra };
}

export const MEETINGS_RULE: Component['rule'] = {
  kind: 'steps',
  steps: [
    { min: 1, points: 5 },
    { min: 2, points: 10 },
    { min: 3, points: 15 },
    { min: 4, points: 20 },
  ],
};

export const HEAD_RULE: Component['rule'] = {
  kind: 'choice',
  options: [
    { value: 'chairman', label: 'Chủ tịch', points: 20 },
    { value: 'deputy', label: 'Phó Chủ tịch', points: 10 },
    { value: 'none', label: 'Chưa có', points: 0 },
  ],
};

// Two groups, three main indices (one per pillar), 100 points.
export function tinyFramework(): Framework {
  return {
    code: 'TINY',
    name: 'Tiny',
    version: '1',
    maxPoints: 100,
    bands: [
      { code: 'KD', name: 'Khởi động', minValue: 0 },
      { code: 'HT', name: 'Hình thành', minValue: 0.6 },
      { code: 'NC', name: 'Nâng cao', minValue: 0.8 },
    ],
    groups: [
      {
        code: 'G1',
        name: 'Nền tảng',
        maxPoints: 40,
        mainIndices: [
          {
            code: 'M1',
            name: 'Nhận thức',
            maxPoints: 40,
            pillar: 'government',
            components: [comp('A', 20, MEETINGS_RULE), comp('B', 20, HEAD_RULE)],
          },
        ],
      },
      {
        code: 'G2',
        name: 'Hoạt động',
        maxPoints: 60,
        mainIndices: [
          {
            code: 'M2',
            name: 'Kinh tế số',
            maxPoints: 30,
            pillar: 'economy',
            components: [comp('C', 20, { kind: 'ratio', cap: true }), comp('D', 10, { kind: 'boolean' })],
          },
          {
            code: 'M3',
            name: 'Xã hội số',
            maxPoints: 30,
            pillar: 'society',
            components: [
              comp('E', 20, { kind: 'minmax', lower: 0, upper: 100, higherIsBetter: true }),
              comp('F', 10, { kind: 'target', target: 50, higherIsBetter: true }, { pillar: 'government' }),
            ],
          },
        ],
      },
    ],
  };
}

/** Any values for tinyFramework(): N/A, gaps, ratios with a zero denominator, out-of-range numbers. */
export const tinyUnitValues = fc.record({
  A: fc.oneof(
    fc.integer({ min: 0, max: 6 }).map((n) => ({ number: n })),
    fc.constant({ notApplicable: true as const }),
  ),
  B: fc.constantFrom('chairman', 'deputy', 'none').map((c) => ({ choice: c })),
  C: fc.tuple(fc.nat(50), fc.nat(50)).map(([a, b]) => ({ numerator: a, denominator: b })),
  D: fc.oneof(
    fc.boolean().map((b) => ({ bool: b })),
    fc.constant({ notApplicable: true as const }),
  ),
  E: fc.double({ min: -50, max: 150, noNaN: true }).map((n) => ({ number: n })),
  F: fc.option(
    fc.double({ min: 0, max: 100, noNaN: true }).map((n) => ({ number: n })),
    { nil: undefined },
  ),
});

/** A tinyFramework() unit worth 45 of 80 applicable points (E not applicable). */
export const TINY_BASE_VALUES = {
  A: { number: 2 }, // 10/20
  B: { choice: 'deputy' }, // 10/20
  C: { numerator: 1, denominator: 4 }, // 5/20
  D: { bool: true }, // 10/10
  E: { notApplicable: true as const },
  F: { number: 50 }, // 10/10
};
