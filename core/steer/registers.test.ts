import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedCounts,
  addMonthsClamped,
  campaignProgress,
  findOverlaps,
  isSystemReviewDue,
  type OverlapInput,
  PURPOSE_CATEGORIES,
  SYSTEM_STATUSES,
  systemDateErrors,
  systemReviewDueOn,
  unitShares,
  unitsWithoutProduct,
} from './registers.js';

const sys = (id: number, o: Partial<OverlapInput> = {}): OverlapInput => ({
  id,
  ownerUnitId: 10,
  purposeCategory: 'document_management',
  scope: 'unit',
  status: 'operating',
  ...o,
});

describe('findOverlaps', () => {
  it('groups two live systems of one category in one unit', () => {
    expect(findOverlaps([sys(2), sys(1), sys(3, { purposeCategory: 'email' })])).toEqual([
      { purposeCategory: 'document_management', scope: 10, systemIds: [1, 2] },
    ]);
  });

  it('does not group the same category in two units when the province runs none', () => {
    expect(findOverlaps([sys(1, { ownerUnitId: 10 }), sys(2, { ownerUnitId: 11 })])).toEqual([]);
  });

  it('puts a unit’s own system with the province-wide system of its category', () => {
    const groups = findOverlaps([
      sys(1, { scope: 'province', ownerUnitId: 1 }),
      sys(7, { ownerUnitId: 11 }),
      sys(5, { ownerUnitId: 12, purposeCategory: 'surveillance' }),
    ]);
    expect(groups).toEqual([
      { purposeCategory: 'document_management', scope: 'province', systemIds: [1, 7] },
    ]);
  });

  it('ignores retired systems and the categories that name no job (other, sector)', () => {
    expect(findOverlaps([sys(1), sys(2, { status: 'retired' })])).toEqual([]);
    expect(
      findOverlaps([sys(1, { purposeCategory: 'other' }), sys(2, { purposeCategory: 'other' })]),
    ).toEqual([]);
    expect(
      findOverlaps([sys(1, { purposeCategory: 'sector' }), sys(2, { purposeCategory: 'sector' })]),
    ).toEqual([]);
  });

  it('counts planned and building systems: a second one planned is an overlap too', () => {
    expect(findOverlaps([sys(1), sys(2, { status: 'planned' })])).toHaveLength(1);
  });

  it('orders groups by category, province scope first', () => {
    const groups = findOverlaps([
      sys(1, { purposeCategory: 'email' }),
      sys(2, { purposeCategory: 'email' }),
      sys(3, { ownerUnitId: 4 }),
      sys(4, { ownerUnitId: 4 }),
      sys(5, { scope: 'province', purposeCategory: 'one_stop' }),
      sys(6, { scope: 'province', purposeCategory: 'one_stop' }),
    ]);
    expect(groups.map((g) => g.purposeCategory)).toEqual(['document_management', 'one_stop', 'email']);
  });

  it('property: every grouped system is live, each system is in at most one group, groups have ≥ 2', () => {
    const arb = fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 10_000 }),
        ownerUnitId: fc.integer({ min: 1, max: 4 }),
        purposeCategory: fc.constantFrom(...PURPOSE_CATEGORIES),
        scope: fc.constantFrom('province' as const, 'unit' as const),
        status: fc.constantFrom(...SYSTEM_STATUSES),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const systems = raw.map((s, i) => ({ ...s, id: i + 1 }));
        const groups = findOverlaps(systems);
        const seen = new Set<number>();
        for (const g of groups) {
          expect(g.systemIds.length).toBeGreaterThanOrEqual(2);
          for (const id of g.systemIds) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
            const s = systems[id - 1];
            expect(s.status).not.toBe('retired');
            expect(s.purposeCategory).toBe(g.purposeCategory);
          }
        }
      }),
    );
  });
});

describe('unitShares', () => {
  it('judges only systems in operation; a share is null with none', () => {
    const rows = unitShares([
      {
        ownerUnitId: 2,
        status: 'operating',
        lgspIntegrated: true,
        securityLevel: 2,
        securityPlanApproved: true,
      },
      {
        ownerUnitId: 2,
        status: 'operating',
        lgspIntegrated: false,
        securityLevel: 3,
        securityPlanApproved: false,
      },
      {
        ownerUnitId: 2,
        status: 'operating',
        lgspIntegrated: true,
        securityLevel: null,
        securityPlanApproved: true,
      },
      {
        ownerUnitId: 2,
        status: 'planned',
        lgspIntegrated: false,
        securityLevel: null,
        securityPlanApproved: false,
      },
      {
        ownerUnitId: 1,
        status: 'retired',
        lgspIntegrated: true,
        securityLevel: 1,
        securityPlanApproved: true,
      },
    ]);
    expect(rows).toEqual([
      {
        unitId: 1,
        operating: 0,
        integrated: 0,
        securityApproved: 0,
        integratedShare: null,
        securityShare: null,
      },
      {
        unitId: 2,
        operating: 3,
        integrated: 2,
        securityApproved: 1,
        integratedShare: 66.7,
        securityShare: 33.3,
      },
    ]);
  });
});

describe('products', () => {
  const units = [
    { id: 1, name: 'Xã B', group: 'commune' as const },
    { id: 2, name: 'Sở Y tế', group: 'department' as const },
    { id: 3, name: 'Xã A', group: 'commune' as const },
    { id: 4, name: 'Sở Tư pháp', group: 'department' as const },
  ];
  const products = [
    { unitId: 1, year: 2026, status: 'accepted' as const },
    { unitId: 1, year: 2026, status: 'accepted' as const },
    { unitId: 2, year: 2026, status: 'returned' as const },
    { unitId: 2, year: 2026, status: 'submitted' as const },
    { unitId: 3, year: 2025, status: 'accepted' as const },
  ];

  it('counts accepted products of the year only', () => {
    expect([...acceptedCounts(products, 2026)]).toEqual([[1, 2]]);
    expect([...acceptedCounts(products, 2025)]).toEqual([[3, 1]]);
  });

  it('lists units with none, departments first then by name, with what they declared', () => {
    expect(unitsWithoutProduct(units, products, 2026)).toEqual([
      { id: 4, name: 'Sở Tư pháp', group: 'department', submitted: 0, returned: 0 },
      { id: 2, name: 'Sở Y tế', group: 'department', submitted: 1, returned: 1 },
      { id: 3, name: 'Xã A', group: 'commune', submitted: 0, returned: 0 },
    ]);
  });
});

describe('systemDateErrors', () => {
  it('refuses a go-live before the start and a retirement before going live', () => {
    expect(
      systemDateErrors({ startDate: '2026-03-01', goLiveDate: '2026-02-28', retirementDate: null }),
    ).toEqual([{ field: 'goLiveDate', code: 'steer.system_golive_before_start' }]);
    expect(
      systemDateErrors({ startDate: '2024-01-01', goLiveDate: '2025-01-01', retirementDate: '2024-12-31' }),
    ).toEqual([{ field: 'retirementDate', code: 'steer.system_retired_before_live' }]);
    expect(
      systemDateErrors({ startDate: '2024-01-01', goLiveDate: null, retirementDate: '2023-12-31' }),
    ).toEqual([{ field: 'retirementDate', code: 'steer.system_retired_before_live' }]);
  });
  it('accepts the same day and missing dates', () => {
    expect(
      systemDateErrors({ startDate: '2026-03-01', goLiveDate: '2026-03-01', retirementDate: '2026-03-01' }),
    ).toEqual([]);
    expect(systemDateErrors({ startDate: null, goLiveDate: null, retirementDate: '2020-01-01' })).toEqual([]);
  });
});

describe('campaignProgress', () => {
  it('is overdue only after the due day with something unconfirmed', () => {
    const items = [{ confirmed: true }, { confirmed: false }];
    expect(campaignProgress(items, '2026-03-31', '2026-03-31')).toEqual({
      total: 2,
      confirmed: 1,
      unconfirmed: 1,
      overdue: false,
    });
    expect(campaignProgress(items, '2026-03-31', '2026-04-01').overdue).toBe(true);
    expect(campaignProgress([{ confirmed: true }], '2026-03-31', '2026-04-01').overdue).toBe(false);
  });
});

describe('system review due', () => {
  const base = {
    status: 'operating' as const,
    lastReviewDate: null,
    goLiveDate: null,
    registeredOn: '2025-05-10',
  };
  it('falls due a year after the last review, else go-live, else registration', () => {
    expect(systemReviewDueOn({ ...base, lastReviewDate: '2025-03-01', goLiveDate: '2024-01-01' })).toBe(
      '2026-03-01',
    );
    expect(systemReviewDueOn({ ...base, goLiveDate: '2024-07-15' })).toBe('2025-07-15');
    expect(systemReviewDueOn(base)).toBe('2026-05-10');
  });
  it('is due on the day itself and after, not the day before', () => {
    const s = { ...base, lastReviewDate: '2025-03-01' };
    expect(isSystemReviewDue(s, '2026-02-28')).toBe(false);
    expect(isSystemReviewDue(s, '2026-03-01')).toBe(true);
    expect(isSystemReviewDue(s, '2027-01-01')).toBe(true);
  });
  it('never for a system that is not operating', () => {
    for (const status of ['planned', 'building', 'retired'] as const) {
      expect(systemReviewDueOn({ ...base, status })).toBeNull();
      expect(isSystemReviewDue({ ...base, status }, '2030-01-01')).toBe(false);
    }
  });
  it('clamps a leap day to the month end', () => {
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-11-30', 3)).toBe('2026-02-28');
  });
});
