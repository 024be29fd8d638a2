import { describe, expect, it } from 'vitest';
import type { Framework } from '../contracts/measure-framework.js';
import { compileFramework } from './compile.js';
import { bandFor, scoreUnit, scoreUnits } from './scoring.js';
import { comp, tinyFramework } from './test-fixtures.js';

const FULL = {
  A: { number: 4 },
  B: { choice: 'chairman' },
  C: { numerator: 5, denominator: 5 },
  D: { bool: true },
  E: { number: 100 },
  F: { number: 50 },
};

describe('scoreUnit rollups', () => {
  it('a unit with everything at the top scores 100/100 = 1 in the top band', () => {
    const r = scoreUnit(tinyFramework(), FULL);
    expect(r.total).toEqual({ code: 'total', points: 100, maxPoints: 100, applicableMax: 100, value: 1 });
    expect(r.band?.code).toBe('NC');
  });

  it('rolls up by main index, group and pillar (component pillar overrides its main index)', () => {
    const r = scoreUnit(tinyFramework(), {
      A: { number: 2 }, // 10
      B: { choice: 'deputy' }, // 10
      C: { numerator: 1, denominator: 4 }, // 5
      D: { bool: false }, // 0
      E: { number: 40 }, // 8
      F: { number: 25 }, // 5, pillar government
    });
    const byCode = (list: { code: string; points: number }[]) =>
      Object.fromEntries(list.map((n) => [n.code, n.points]));
    expect(byCode(r.mainIndices)).toEqual({ M1: 20, M2: 5, M3: 13 });
    expect(byCode(r.groups)).toEqual({ G1: 20, G2: 18 });
    expect(byCode(r.pillars)).toEqual({ government: 25, economy: 5, society: 8 });
    expect(r.pillars.find((p) => p.code === 'government')?.maxPoints).toBe(50);
    expect(r.total.points).toBe(38);
    expect(r.total.value).toBeCloseTo(0.38, 12);
    expect(r.band?.code).toBe('KD');
  });

  it('N/A rebasing: one N/A component of max 20 out of 100, scoring 40, gives value 0.5', () => {
    const r = scoreUnit(tinyFramework(), {
      A: { notApplicable: true }, // max 20 removed
      B: { choice: 'chairman' }, // 20
      C: { numerator: 1, denominator: 1 }, // 20
      D: { bool: false },
      E: { number: 0 },
      F: { number: 0 },
    });
    expect(r.total.points).toBe(40);
    expect(r.total.maxPoints).toBe(100);
    expect(r.total.applicableMax).toBe(80);
    expect(r.total.value).toBe(0.5);
    expect(r.components.find((c) => c.code === 'A')?.status).toBe('not_applicable');
  });

  it('missing and not-evaluable components keep their maximum (scored 0)', () => {
    const r = scoreUnit(tinyFramework(), { ...FULL, A: undefined, C: { numerator: 1, denominator: 0 } });
    expect(r.components.find((c) => c.code === 'A')?.status).toBe('missing');
    expect(r.components.find((c) => c.code === 'C')?.status).toBe('not_evaluable');
    expect(r.total).toMatchObject({ points: 60, applicableMax: 100, value: 0.6 });
  });

  it('a main index where nothing applies has value null, not NaN', () => {
    const fw = tinyFramework();
    const r = scoreUnit(fw, { ...FULL, A: { notApplicable: true }, B: { notApplicable: true } });
    const m1 = r.mainIndices.find((m) => m.code === 'M1');
    expect(m1).toEqual({ code: 'M1', points: 0, maxPoints: 40, applicableMax: 0, value: null });
    expect(r.total.value).toBe(1);
  });

  it('applies components by unit kind and rebases', () => {
    const fw = tinyFramework();
    fw.groups[1].mainIndices[0].components[1] = comp(
      'D',
      10,
      { kind: 'boolean' },
      { appliesTo: { unitKinds: ['commune'] } },
    );
    const ward = scoreUnit(fw, { ...FULL, D: { bool: true } }, { unitKind: 'ward' });
    const commune = scoreUnit(fw, { ...FULL, D: { bool: true } }, { unitKind: 'commune' });
    expect(ward.total).toMatchObject({ points: 90, applicableMax: 90, value: 1 });
    expect(commune.total).toMatchObject({ points: 100, applicableMax: 100 });
  });
});

describe('formulas inside a framework', () => {
  function withFormula(expression: string): Framework {
    const fw = tinyFramework();
    fw.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression,
      result: 'fraction',
    });
    return fw;
  }

  it('are evaluated after their inputs, reading ratio pairs as percentages', () => {
    const r = scoreUnit(withFormula('(C + E) / 200'), {
      ...FULL,
      C: { numerator: 1, denominator: 2 },
      E: { number: 30 },
    });
    const f = r.components.find((c) => c.code === 'F');
    expect(f?.points).toBeCloseTo(4, 12); // (50 + 30) / 200 × 10
    expect(f?.explanation).toEqual({ code: 'formula', params: { value: 0.4 } });
  });

  it('explain a missing or not-applicable input', () => {
    const missing = scoreUnit(withFormula('C / 100'), { ...FULL, C: undefined });
    expect(missing.components.find((c) => c.code === 'F')?.explanation).toEqual({
      code: 'formula_input_missing',
      params: { input: 'C' },
    });
    const na = scoreUnit(withFormula('C / 100'), { ...FULL, C: { notApplicable: true } });
    expect(na.components.find((c) => c.code === 'F')?.status).toBe('not_evaluable');
  });

  it('refuse to compile when circular', () => {
    const fw = withFormula('E + 1');
    fw.groups[1].mainIndices[1].components[0] = comp('E', 20, {
      kind: 'formula',
      expression: 'F / 2',
      result: 'fraction',
    });
    expect(() => compileFramework(fw)).toThrow(/formula_cycle/);
  });
});

describe('bands and batch scoring', () => {
  const bands = tinyFramework().bands;
  it('picks the band whose threshold is the highest one reached', () => {
    expect([0, 0.59999, 0.6, 0.79, 0.8, 1].map((v) => bandFor(bands, v)?.code)).toEqual([
      'KD',
      'KD',
      'HT',
      'HT',
      'NC',
      'NC',
    ]);
    expect(bandFor(bands, null)).toBeNull();
  });

  it('scoreUnits gives the same results as scoreUnit one by one', () => {
    const fw = tinyFramework();
    const units = [
      { unitId: 1, values: FULL },
      { unitId: 2, values: { A: { number: 1 } } },
    ];
    const batch = scoreUnits(fw, units);
    expect(batch.map((b) => b.result.total.points)).toEqual([100, 5]);
    expect(batch[1].result).toEqual(scoreUnit(fw, units[1].values));
  });
});

describe('compileFramework refuses what validation rejects', () => {
  it('throws a FrameworkCompileError for a syntax error, an unknown code or a duplicate code', async () => {
    const { FrameworkCompileError } = await import('./compile.js');
    const syntax = tinyFramework();
    syntax.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression: 'A +',
      result: 'fraction',
    });
    expect(() => compileFramework(syntax)).toThrow(FrameworkCompileError);
    const unknown = tinyFramework();
    unknown.groups[1].mainIndices[1].components[1] = comp('F', 10, {
      kind: 'formula',
      expression: 'ZZ',
      result: 'fraction',
    });
    expect(() => compileFramework(unknown)).toThrow(/unknown_code_in_formula: F/);
    const dup = tinyFramework();
    dup.groups[1].mainIndices[1].components[1].code = 'A';
    expect(() => compileFramework(dup)).toThrow(/duplicate_component_code/);
  });
});
