import { describe, expect, it } from 'vitest';
import { givenName } from './person-name.js';

describe('givenName', () => {
  it('is the last word of a Vietnamese name', () => {
    expect(givenName('Nguyễn Thị Thu Hương')).toBe('Hương');
    expect(givenName('  Lê   Văn  Minh ')).toBe('Minh');
    expect(givenName('Hoa')).toBe('Hoa');
    expect(givenName('')).toBe('');
  });
});
