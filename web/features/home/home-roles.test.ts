import { describe, expect, it } from 'vitest';
import { homeBlocks } from './home-roles.js';

const g = (role: 'admin' | 'secretariat' | 'leader' | 'officer' | 'viewer', unitId: number) => ({
  role,
  unitId,
  unitName: `Đơn vị ${unitId}`,
});

describe('homeBlocks', () => {
  it('gives the secretariat both the dashboard and the appraisal queue', () => {
    expect(homeBlocks([g('secretariat', 1)])).toEqual({
      dashboardUnitId: 1,
      appraiser: true,
      officerUnits: [],
      viewer: false,
    });
  });

  it('gives leaders and admins the dashboard only', () => {
    expect(homeBlocks([g('leader', 1)])).toMatchObject({
      dashboardUnitId: 1,
      appraiser: false,
      viewer: false,
    });
    expect(homeBlocks([g('admin', 1)])).toMatchObject({
      dashboardUnitId: 1,
      appraiser: false,
      viewer: false,
    });
  });

  it('gives officers their units once each, in grant order', () => {
    expect(homeBlocks([g('officer', 5), g('viewer', 2), g('officer', 7), g('officer', 5)])).toEqual({
      dashboardUnitId: null,
      appraiser: false,
      officerUnits: [
        { id: 5, name: 'Đơn vị 5' },
        { id: 7, name: 'Đơn vị 7' },
      ],
      viewer: false,
    });
  });

  it('falls back to the read-only summary for viewers and for people without a role', () => {
    expect(homeBlocks([g('viewer', 3)])).toEqual({
      dashboardUnitId: null,
      appraiser: false,
      officerUnits: [],
      viewer: true,
    });
    expect(homeBlocks([]).viewer).toBe(true);
  });
});
