import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/i18n-context.js';
import { userFormProblems } from './user-form-checks.js';

describe('new-user form checks', () => {
  it('ask for a name and a unit in words, on the field that needs them', () => {
    const problems = userFormProblems('  ', [{ unitId: 3 }, { unitId: null }]);
    expect(Object.keys(problems).sort()).toEqual(['fullName', 'grants.1.unitId']);
    expect(translate('vi', problems.fullName)).toBe('Nhập họ tên');
    expect(translate('vi', problems['grants.1.unitId'])).toBe('Chọn đơn vị');
  });

  it('find nothing in a complete form', () => {
    expect(userFormProblems('Trần An', [{ unitId: 3 }])).toEqual({});
    expect(userFormProblems('Trần An', [])).toEqual({});
  });
});
