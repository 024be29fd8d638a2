import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../../lib/actor.js';
import type { KpiDefinitionRow, KpisRepository, KpiValueRow, UnitRef } from '../kpis.repository.js';
import { createKpiReadsService } from './kpi-reads.service.js';

// Fast tests of the reads service on a fake repository (no database): the rules, not the SQL.

const PROVINCE = 1;
const COMMUNE = 2;
const OTHER = 3;

const definition: KpiDefinitionRow = {
  id: 7,
  code: 'DVC_ONLINE',
  nameVi: 'Hồ sơ trực tuyến',
  nameEn: 'Online applications',
  description: null,
  unitOfMeasure: 'hồ sơ',
  valueType: 'count',
  periodicity: 'monthly',
  timeAggregation: 'sum',
  appliesToKinds: '[]',
  higherIsBetter: 1,
  dhis2DataElement: null,
  isBuiltin: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function value(periodCode: string, periodStart: string, v: number, unitId = COMMUNE): KpiValueRow {
  return {
    id: Number(periodStart.replaceAll('-', '')),
    kpiId: definition.id,
    unitId,
    periodCode,
    periodStart,
    periodEnd: periodStart,
    value: v,
    numerator: null,
    denominator: null,
    source: 'api',
    note: null,
    isDemo: 0,
    enteredByUserId: 1,
    enteredByTokenId: null,
    enteredByLabel: 'a@x.vn',
    enteredAt: '2026-03-01T00:00:00.000Z',
    createdAt: '2026-03-01T00:00:00.000Z',
  };
}

const units: UnitRef[] = [
  { id: COMMUNE, code: '05500', kind: 'commune', type: 'ward', level: 2, structureId: 1 },
  { id: OTHER, code: '05501', kind: 'commune', type: 'ward', level: 2, structureId: 1 },
];
const ancestors = new Map([
  [COMMUNE, [COMMUNE, PROVINCE]],
  [OTHER, [OTHER]],
]);
const values = [
  value('2026-01', '2026-01-01', 5),
  value('2026-02', '2026-02-01', 7),
  value('2026-02', '2026-02-01', 100, OTHER),
];

// Only what the reads service calls; anything else would throw, so a test fails if the service starts
// depending on more than it should.
const fakeRepo = {
  definitionByCode: async (code: string) => (code === definition.code ? definition : undefined),
  unitsByIds: async (ids: number[]) => units.filter((u) => ids.includes(u.id)),
  ancestorsOf: async (ids: number[]) => new Map(ids.map((id) => [id, ancestors.get(id) ?? []])),
  valuesInSpan: async (unitIds: number[], start: string, end: string) =>
    values.filter((v) => unitIds.includes(v.unitId) && v.periodStart >= start && v.periodStart <= end),
  valuesOfUnit: async (kpiId: number, unitId: number) =>
    values.filter((v) => v.kpiId === kpiId && v.unitId === unitId),
} as unknown as KpisRepository;

const reader = (unitId: number): UserActor => ({
  kind: 'user',
  userId: 9,
  email: 'r@x.vn',
  fullName: 'Reader',
  sessionId: 's',
  grants: [{ role: 'viewer', unitId }],
});

describe('KPI reads service (fake repository)', () => {
  const reads = createKpiReadsService({ repo: fakeRepo });

  it('rolls a unit’s own monthly values up into a quarter by the KPI’s rule (sum)', async () => {
    expect(await reads.getKpiValue(COMMUNE, 'dvc_online', '2026-Q1')).toEqual({
      value: 12,
      numerator: null,
      denominator: null,
      derived: 12,
      periodsReported: 2,
    });
  });

  it('answers null for an unknown KPI, a malformed period or a finer period than the KPI’s', async () => {
    expect(await reads.getKpiValue(COMMUNE, 'NOPE', '2026-Q1')).toBeNull();
    expect(await reads.getKpiValue(COMMUNE, 'DVC_ONLINE', 'Q1-2026')).toBeNull();
  });

  it('checks in the order 401 → 403 → 404', async () => {
    await expect(reads.valuesOf(null, 'DVC_ONLINE', { unitId: COMMUNE })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // Another commune's reader: the unit is outside the scope, whether or not the KPI exists.
    await expect(reads.valuesOf(reader(OTHER), 'NOPE', { unitId: COMMUNE })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(reads.valuesOf(reader(PROVINCE), 'NOPE', { unitId: COMMUNE })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists a readable unit’s values, never another unit’s', async () => {
    const page = await reads.valuesOf(reader(PROVINCE), 'DVC_ONLINE', { unitId: COMMUNE });
    expect(page.items.map((i) => [i.period, i.value])).toEqual([
      ['2026-01', 5],
      ['2026-02', 7],
    ]);
  });
});
