import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from './interpolate.js';

describe('fillPlaceholders', () => {
  it('fills names and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });

  it('chooses the English plural branch by number', () => {
    const t = 'up {n, plural, one {# place} other {# places}}.';
    expect(fillPlaceholders(t, { n: 1 }, 'en')).toBe('up 1 place.');
    expect(fillPlaceholders(t, { n: 2 }, 'en')).toBe('up 2 places.');
    expect(fillPlaceholders(t, { n: 0 }, 'en')).toBe('up 0 places.');
  });

  it('uses "other" in Vietnamese and exact =N branches first', () => {
    const t = '{n, plural, =0 {không có giá trị} one {# giá trị} other {# giá trị}}';
    expect(fillPlaceholders(t, { n: 1 }, 'vi')).toBe('1 giá trị');
    expect(fillPlaceholders(t, { n: 0 }, 'vi')).toBe('không có giá trị');
  });

  it('shows a number already formatted for display as given', () => {
    const t = '+{n, plural, one {# point} other {# points}}';
    expect(fillPlaceholders(t, { n: '1,5' }, 'en')).toBe('+1,5 points');
    expect(fillPlaceholders(t, { n: '1' }, 'en')).toBe('+1 point');
  });

  it('mixes plural choices with plain placeholders', () => {
    expect(
      fillPlaceholders(
        '{who}: {n, plural, one {# value} other {# values}} written',
        { who: 'A', n: 1 },
        'en',
      ),
    ).toBe('A: 1 value written');
  });
});
