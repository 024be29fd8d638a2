import { describe, expect, it } from 'vitest';
import { officialNameOf, placeOf } from './report-docx.issuer.js';

describe('report issuer names', () => {
  it('puts the unit type back in front of names imported without it', () => {
    expect(officialNameOf({ name: 'Thái Nguyên', type: 'Tỉnh' })).toBe('Tỉnh Thái Nguyên');
    expect(officialNameOf({ name: 'Bắc Kạn', type: 'Phường' })).toBe('Phường Bắc Kạn');
  });

  it('keeps names that already carry their type, and types that are not places', () => {
    expect(officialNameOf({ name: 'Tỉnh Thái Nguyên', type: 'Tỉnh' })).toBe('Tỉnh Thái Nguyên');
    expect(officialNameOf({ name: 'Sở Khoa học và Công nghệ', type: 'Sở' })).toBe('Sở Khoa học và Công nghệ');
  });

  it('takes the place name without its type for "…, ngày … tháng … năm …"', () => {
    expect(placeOf('Tỉnh Thái Nguyên')).toBe('Thái Nguyên');
    expect(placeOf('Thái Nguyên')).toBe('Thái Nguyên');
  });
});
