import { describe, expect, it } from 'vitest';
import type { Framework } from '../contracts/measure-framework.js';
import { consistencyViolations, violationsByComponent } from './consistency-violations.js';
import { tinyFramework } from './test-fixtures.js';

// The check the server runs on submit and the entry form runs as the user types.
function withRules(rules: Framework['consistencyRules']): Framework {
  return { ...tinyFramework(), consistencyRules: rules };
}

const A_LE_E = { code: 'R1', expression: 'A <= E', message: 'A không vượt quá E', messageEn: 'A ≤ E' };

describe('consistencyViolations', () => {
  it('reports a broken rule with its codes and both messages, and nothing once it holds', () => {
    const fw = withRules([A_LE_E]);
    expect(consistencyViolations(fw, { A: { number: 5 }, E: { number: 3 } })).toEqual([
      { rule: 'R1', codes: ['A', 'E'], message: 'A không vượt quá E', messageEn: 'A ≤ E' },
    ]);
    expect(consistencyViolations(fw, { A: { number: 3 }, E: { number: 3 } })).toEqual([]);
  });

  it('skips a rule with an unanswered, N/A or division-by-zero input', () => {
    const fw = withRules([{ code: 'R2', expression: 'C <= E', message: 'm' }]);
    expect(consistencyViolations(fw, { E: { number: 1 } })).toEqual([]);
    expect(consistencyViolations(fw, { C: { notApplicable: true }, E: { number: 1 } })).toEqual([]);
    expect(consistencyViolations(fw, { C: { numerator: 1, denominator: 0 }, E: { number: 1 } })).toEqual([]);
  });

  it('reads values as formulas do: a ratio as a percentage, a choice as its points, a yes as 1', () => {
    const fw = withRules([
      { code: 'R3', expression: 'C <= 50', message: 'c' },
      { code: 'R4', expression: 'B + D < 20', message: 'b' },
    ]);
    const broken = consistencyViolations(fw, {
      C: { numerator: 3, denominator: 4 },
      B: { choice: 'chairman' },
      D: { bool: true },
    });
    expect(broken.map((v) => v.rule)).toEqual(['R3', 'R4']);
    expect(broken[0].messageEn).toBe('c'); // falls back to the Vietnamese message
  });

  it('ignores a stored rule that no longer parses instead of throwing', () => {
    const fw = withRules([{ code: 'R5', expression: 'A = E', message: 'm' }]);
    expect(consistencyViolations(fw, { A: { number: 5 }, E: { number: 3 } })).toEqual([]);
  });

  it('groups violations by each component involved', () => {
    const fw = withRules([A_LE_E, { code: 'R6', expression: 'A + F <= 1', message: 'm6' }]);
    const byCode = violationsByComponent(
      consistencyViolations(fw, { A: { number: 5 }, E: { number: 3 }, F: { number: 1 } }),
    );
    expect([...byCode.keys()]).toEqual(['A', 'E', 'F']);
    expect(byCode.get('A')?.map((v) => v.rule)).toEqual(['R1', 'R6']);
    expect(byCode.get('F')?.map((v) => v.rule)).toEqual(['R6']);
  });
});
