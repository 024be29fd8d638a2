import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { testFramework } from '../measure-test-fixtures.js';
import { parseTargets, targetGaps, targetsJsonOf } from './targets.js';

describe('period targets', () => {
  const fw = testFramework() as Framework;

  it('stores "no targets" as null and reads it back as an empty set', () => {
    expect(targetsJsonOf({ total: null, mainIndices: {} })).toBeNull();
    expect(targetsJsonOf(undefined)).toBeNull();
    expect(parseTargets(null)).toEqual({ total: null, mainIndices: {} });
    const json = targetsJsonOf({ total: 0.65, mainIndices: { M1: 0.7 } });
    expect(parseTargets(json)).toEqual({ total: 0.65, mainIndices: { M1: 0.7 } });
  });

  it('gives a null gap (not met) when the unit has no value, and keeps a target whose index left the framework', () => {
    const gaps = targetGaps({ total: 0.65, mainIndices: { OLD: 0.5, M2: 0.6 } }, fw, null);
    expect(gaps.map((g) => [g.kind, g.code, g.name, g.value, g.gap, g.met])).toEqual([
      ['total', 'TEST', fw.name, null, null, false],
      ['mainIndex', 'M2', 'Xã hội số', null, null, false],
      ['mainIndex', 'OLD', 'OLD', null, null, false],
    ]);
  });

  it('rounds the gap and reads a value at the target as met', () => {
    const unit = { value: 0.6, mainIndices: [{ code: 'M1', value: 0.7 }] };
    const [total, m1] = targetGaps({ total: 0.65, mainIndices: { M1: 0.7 } }, fw, unit);
    expect(total).toMatchObject({ gap: 0.05, met: false });
    expect(m1).toMatchObject({ gap: 0, met: true });
  });
});
