import { describe, expect, it } from 'vitest';
import { dueText } from './rule-summary.js';

describe('dueText', () => {
  it('writes a fixed deadline as dd/mm/yyyy and a yearly one as dd/mm each year', () => {
    expect(dueText('2026-03-31', true)).toBe('31/03/2026');
    expect(dueText('{year}-03-31', true)).toBe('31/03 hằng năm');
    expect(dueText('{year}-12-01', false)).toBe('01/12 each year');
  });
});
