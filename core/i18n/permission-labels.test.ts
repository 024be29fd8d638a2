import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../accounts/permissions.js';
import { PERMISSION_LABELS, permissionLabel } from './permission-labels.js';

describe('permission labels', () => {
  it('name every permission in words, never as its code', () => {
    expect(Object.keys(PERMISSION_LABELS).sort()).toEqual([...PERMISSIONS].sort());
    for (const p of PERMISSIONS) {
      for (const locale of ['vi', 'en'] as const) {
        expect(permissionLabel(p, locale)).not.toMatch(/^[a-z]+\.[a-z_]+$/);
      }
    }
    expect(permissionLabel('measure.push', 'vi')).toBe('Đẩy số liệu từ hệ thống khác');
  });
});
