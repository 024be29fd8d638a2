import { describe, expect, it } from 'vitest';
import { type Framework, FrameworkSchema } from '../contracts/measure-framework.js';
import { resolveDue } from './deadlines.js';
import { scoreUnit } from './scoring.js';
import {
  BUILT_IN_TEMPLATES,
  COMMUNE_SET,
  DEPARTMENT_SET,
  DTI_405_PROVINCE,
  DTI_922_PROVINCE,
  KTS_REMIT_GROUP,
} from './templates/index.js';
import { validateFramework } from './validate.js';

const mainIndices = (fw: Framework) => fw.groups.flatMap((g) => g.mainIndices);
const components = (fw: Framework) => mainIndices(fw).flatMap((m) => m.components);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(BUILT_IN_TEMPLATES.map((t) => [t.code, t] as const))('template %s', (_code, fw) => {
  it('parses with the contract schema and validates with no issues', () => {
    expect(FrameworkSchema.safeParse(fw).success).toBe(true);
    expect(validateFramework(fw)).toEqual([]);
  });

  it('marks every example component and names it in both languages', () => {
    for (const c of components(fw)) {
      expect(c.isExample).toBe(true);
      expect(c.description).toContain('(ví dụ, có thể chỉnh sửa)');
      expect(c.nameEn?.length).toBeGreaterThan(0);
      expect(c.requiredEvidence?.length).toBeGreaterThan(0);
      expect(c.verifyingAgency?.length).toBeGreaterThan(0);
    }
  });

  it('scores a unit with every component at its best to the full maximum', () => {
    const r = scoreUnit(fw, bestValues(fw));
    expect(r.total.points).toBeCloseTo(fw.maxPoints, 9);
    expect(r.total.value).toBeCloseTo(1, 12);
  });
});

describe('template structures', () => {
  it('922/QĐ-BTTTT: 9 main indices, 98 components, 1,000 points split as in the decision', () => {
    expect(components(DTI_922_PROVINCE)).toHaveLength(98);
    expect(DTI_922_PROVINCE.maxPoints).toBe(1000);
    expect(mainIndices(DTI_922_PROVINCE).map((m) => [m.name, m.components.length, m.maxPoints])).toEqual([
      ['Nhận thức số', 10, 100],
      ['Thể chế số', 11, 100],
      ['Hạ tầng số', 7, 100],
      ['Nhân lực số', 13, 100],
      ['An toàn thông tin mạng', 12, 100],
      ['Đô thị thông minh', 3, 0],
      ['Hoạt động chính quyền số', 22, 200],
      ['Hoạt động kinh tế số', 12, 150],
      ['Hoạt động xã hội số', 8, 150],
    ]);
    expect(
      DTI_922_PROVINCE.groups.map((g) => [g.maxPoints, sum(g.mainIndices.map((m) => m.components.length))]),
    ).toEqual([
      [500, 56],
      [500, 42],
    ]);
    expect(
      components(DTI_922_PROVINCE)
        .filter((c) => c.informational)
        .map((c) => c.code),
    ).toEqual(['DTTM.1', 'DTTM.2', 'DTTM.3']);
  });

  it('405/QĐ-BKHCN: 8 main indices, 47 components, 1,000 points, no smart city, about 20% KPI-fed', () => {
    expect(mainIndices(DTI_405_PROVINCE)).toHaveLength(8);
    expect(components(DTI_405_PROVINCE)).toHaveLength(47);
    expect(sum(mainIndices(DTI_405_PROVINCE).map((m) => m.maxPoints))).toBe(1000);
    expect(mainIndices(DTI_405_PROVINCE).some((m) => m.name.includes('Đô thị'))).toBe(false);
    const automatic = components(DTI_405_PROVINCE).filter((c) => c.kpiCode).length;
    expect(automatic / 47).toBeGreaterThanOrEqual(0.19);
    expect(automatic / 47).toBeLessThanOrEqual(0.25);
  });

  it('department set: 6 main indices, 32 components, 100 points; KTS only for departments with that remit', () => {
    expect(mainIndices(DEPARTMENT_SET)).toHaveLength(6);
    expect(components(DEPARTMENT_SET)).toHaveLength(32);
    const best = bestValues(DEPARTMENT_SET);
    const plain = scoreUnit(DEPARTMENT_SET, best, { unitKind: 'department' });
    const kts = scoreUnit(DEPARTMENT_SET, best, { unitKind: 'department', unitGroups: [KTS_REMIT_GROUP] });
    expect(plain.total).toMatchObject({ maxPoints: 100, applicableMax: 96 });
    expect(kts.total).toMatchObject({ maxPoints: 100, applicableMax: 100 });
  });

  it('commune set: 8 groups, 47 components, 100 points; rural components rebase wards', () => {
    expect(mainIndices(COMMUNE_SET).map((m) => m.components.length)).toEqual([5, 3, 5, 6, 4, 10, 6, 8]);
    expect(COMMUNE_SET.maxPoints).toBe(100);
    const best = bestValues(COMMUNE_SET);
    expect(scoreUnit(COMMUNE_SET, best, { unitKind: 'ward' }).total).toMatchObject({
      applicableMax: 95,
      value: 1,
    });
    expect(scoreUnit(COMMUNE_SET, best, { unitKind: 'commune' }).total.applicableMax).toBe(100);
    expect(scoreUnit(COMMUNE_SET, best, { unitKind: 'department' }).total.applicableMax).toBe(0);
  });
});

// The value that earns each component's maximum under its rule.
function bestValues(fw: Framework) {
  const values: Record<string, import('../contracts/measure-framework.js').ComponentValue> = {};
  for (const c of components(fw)) {
    const r = c.rule;
    if (r.kind === 'steps')
      values[c.code] =
        c.valueType === 'ratio'
          ? { numerator: 1, denominator: 1 }
          : { number: Math.max(...r.steps.map((s) => s.min)) };
    else if (r.kind === 'ratio')
      values[c.code] = c.valueType === 'ratio' ? { numerator: 1, denominator: 1 } : { number: 100 };
    else if (r.kind === 'choice')
      values[c.code] = { choice: [...r.options].sort((a, b) => b.points - a.points)[0].value };
    else if (r.kind === 'boolean')
      values[c.code] = c.valueType === 'document' ? { documentRef: 'QĐ 1/QĐ-UBND' } : { bool: true };
    else if (r.kind === 'minmax') values[c.code] = { number: r.higherIsBetter ? r.upper : r.lower };
    else if (r.kind === 'target') values[c.code] = { number: r.target };
    else if (r.kind === 'deadline') values[c.code] = { date: resolveDue(r.due, 2026) };
    else if (r.kind === 'none') values[c.code] = { number: 1 };
  }
  return values;
}
