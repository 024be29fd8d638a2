import { describe, expect, it } from 'vitest';
import { inferUnitKind, MEASURE_UNIT_KINDS, measureUnitKind, peerGroupOf, STORED_KIND_OF } from './kind.js';

describe('unit kinds', () => {
  it('classifies units for frameworks from their GSO type and stored kind, and groups peers', () => {
    expect(measureUnitKind({ type: 'Phường', kind: 'commune', level: 2 })).toBe('ward');
    expect(measureUnitKind({ type: 'Xã', kind: 'commune', level: 2 })).toBe('commune');
    expect(measureUnitKind({ type: 'Thị trấn', kind: 'commune', level: 3 })).toBe('commune');
    expect(measureUnitKind({ type: 'Đặc khu', kind: 'commune', level: 2 })).toBe('special_zone');
    expect(measureUnitKind({ type: 'Sở', kind: 'agency', level: 2 })).toBe('department');
    expect(measureUnitKind({ type: 'Ban Chỉ đạo', kind: 'agency', level: 2 })).toBe('department');
    expect(measureUnitKind({ type: 'Tỉnh', kind: 'province', level: 1 })).toBe('province');
    expect(measureUnitKind({ type: 'Thành phố', kind: 'province', level: 1 })).toBe('province');
    expect(measureUnitKind({ type: 'Thành phố', kind: 'district', level: 2 })).toBe('district');
    expect(measureUnitKind({ type: 'Huyện', kind: 'district', level: 2 })).toBe('district');
    expect(peerGroupOf('ward')).toBe('commune_level');
    expect(peerGroupOf('special_zone')).toBe('commune_level');
    expect(peerGroupOf('department')).toBe('department');
  });

  it('refines the stored kind: a unit’s measure kind maps back onto the kind stored for it', () => {
    const rows = [
      { type: 'Phường', level: 2 },
      { type: 'Xã', level: 2 },
      { type: 'Đặc khu', level: 2 },
      { type: 'Huyện', level: 2 },
      { type: 'Tỉnh', level: 1 },
    ];
    for (const r of rows) {
      const stored = inferUnitKind(r.type, r.level);
      expect(STORED_KIND_OF[measureUnitKind({ ...r, kind: stored })]).toBe(stored);
    }
    expect(STORED_KIND_OF[measureUnitKind({ type: 'Sở', kind: 'agency', level: 2 })]).toBe('agency');
    expect(Object.keys(STORED_KIND_OF).sort()).toEqual([...MEASURE_UNIT_KINDS].sort());
  });
});
