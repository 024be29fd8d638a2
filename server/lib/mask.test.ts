import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText } from './mask.js';

// Issue 8, finding 9: ids written in groups and phones written "84…" without "+" went through unmasked.

describe('maskText', () => {
  it.each([
    ['CCCD 001234567890', 'CCCD *********890'],
    ['CCCD 0012 3456 7890 cấp 2021', 'CCCD *********890 cấp 2021'],
    ['CCCD: 001.234.567.890', 'CCCD: *********890'],
    ['số 001-234-567-890', 'số *********890'],
  ])('masks a citizen id %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each([
    ['gọi 0912345678', 'gọi 091****678'],
    ['gọi 0912 345 678', 'gọi 091****678'],
    ['gọi +84 912 345 678', 'gọi 849*****678'],
    ['gọi 84912345678', 'gọi 849*****678'],
    ['gọi 84 912 345 678', 'gọi 849*****678'],
  ])('masks a phone %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('leaves dates, years, short numbers and longer digit runs alone', () => {
    for (const text of ['ngày 2026-03-02', 'năm 2025, 12 xã', 'mã 1234567890123', 'điểm 84.5']) {
      expect(maskText(text)).toBe(text);
    }
  });

  it('masks personal keys and free text deep inside objects', () => {
    expect(
      maskPersonalData({ phone: '84912345678', note: ['CCCD 0012 3456 7890'], cccd: '0012 3456 7890' }),
    ).toEqual({ phone: '849*****678', note: ['CCCD *********890'], cccd: '*********890' });
  });
});
