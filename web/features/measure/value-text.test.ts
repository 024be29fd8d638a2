import { describe, expect, it } from 'vitest';
import type { Component } from '../../../core/contracts/measure-framework.js';
import type { MeasureT } from './measure-i18n.js';
import { describeValue } from './value-text.js';

const t = ((key: string) =>
  ({ 'm.yes': 'Có', 'm.no': 'Không', 'm.notApplicable': 'Không áp dụng' })[key] ?? key) as MeasureT;
const head = {
  rule: {
    kind: 'choice',
    options: [
      { value: 'chu_tich', label: 'Chủ tịch', labelEn: 'Chair', points: 20 },
      { value: 'pho_chu_tich', label: 'Phó Chủ tịch', points: 10 },
    ],
  },
} as unknown as Component;

describe('an entered value in words (appraisal "Số liệu" column)', () => {
  it('shows a choice by its option label, never its key', () => {
    expect(describeValue({ choice: 'pho_chu_tich' }, head, t, 'vi-VN', 'vi')).toBe('Phó Chủ tịch');
    expect(describeValue({ choice: 'chu_tich' }, head, t, 'en-GB', 'en')).toBe('Chair');
    // No English label: the Vietnamese one, still not the key.
    expect(describeValue({ choice: 'pho_chu_tich' }, head, t, 'en-GB', 'en')).toBe('Phó Chủ tịch');
  });
  it('keeps ratios apart, dates as dd/mm/yyyy, and yes/no in words', () => {
    expect(describeValue({ numerator: 45, denominator: 50 }, undefined, t, 'vi-VN', 'vi')).toBe('45 / 50');
    expect(describeValue({ date: '2026-03-20' }, undefined, t, 'vi-VN', 'vi')).toBe('20/03/2026');
    expect(describeValue({ bool: true }, undefined, t, 'vi-VN', 'vi')).toBe('Có');
    expect(describeValue(null, undefined, t, 'vi-VN', 'vi')).toBe('–');
  });
});
