import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayInVietnam } from './format.js';

describe('vi-VN formats', () => {
  it('shows calendar dates day-first without shifting the day across time zones', () => {
    expect(formatDate('2025-07-01', 'vi')).toBe('01/07/2025');
    expect(formatDate('2025-07-01', 'en')).toBe('01/07/2025');
    expect(formatDate('', 'vi')).toBe('');
  });

  it('shows instants in Vietnam time (UTC+7)', () => {
    // 18:30 UTC on 30 June is already 1 July in Hà Nội.
    expect(formatDateTime('2025-06-30T18:30:00Z', 'vi')).toMatch(/01\/07\/2025/);
    expect(formatDateTime('2025-06-30T18:30:00Z', 'vi')).toMatch(/01:30:00/);
  });

  it('groups thousands with dots and uses a decimal comma in Vietnamese', () => {
    expect(formatNumber(3334900, 'vi')).toBe('3.334.900');
    expect(formatNumber(3334900, 'en')).toBe('3,334,900');
    expect(formatNumber(91.25, 'vi', 1)).toBe('91,3');
    expect(formatPercent(0.912, 'vi')).toMatch(/^91,2\s?%$/);
  });

  it('takes today in Asia/Ho_Chi_Minh', () => {
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });
});
