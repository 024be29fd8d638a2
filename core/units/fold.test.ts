import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, sortVietnamese } from './collation.js';
import { foldVietnamese, matchesFolded } from './fold.js';
import { inferUnitKind } from './kind.js';

describe('foldVietnamese', () => {
  it.each([
    ['Bắc Kạn', 'bac kan'],
    ['BẮC KẠN', 'bac kan'],
    ['Đắk Lắk', 'dak lak'],
    ['đường  Điện Biên   Phủ ', 'duong dien bien phu'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Phường Phan Đình Phùng', 'phuong phan dinh phung'],
    ['Ngọc Hà', 'ngoc ha'],
  ])('folds %s to %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds decomposed (NFD) input the same as composed input', () => {
    expect(foldVietnamese('Bắc Kạn'.normalize('NFD'))).toBe('bac kan');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => foldVietnamese(foldVietnamese(s)) === foldVietnamese(s)));
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(fc.string(), (s) => foldVietnamese(s.toUpperCase()) === foldVietnamese(s.toLowerCase())),
    );
  });

  it('keeps only ASCII for Vietnamese letters', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    const letter = fc.constantFrom(...letters, ...letters.toUpperCase(), ' ');
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 30 }), (chars) =>
        /^[a-z ]*$/.test(foldVietnamese(chars.join(''))),
      ),
    );
  });

  it('matches a folded fragment anywhere in the name', () => {
    expect(matchesFolded('Tỉnh Bắc Kạn', 'bac kan')).toBe(true);
    expect(matchesFolded('Tỉnh Bắc Kạn', 'BẮC')).toBe(true);
    expect(matchesFolded('Tỉnh Bắc Kạn', 'bac giang')).toBe(false);
  });
});

describe('Vietnamese collation', () => {
  it('sorts by the Vietnamese alphabet (a ă â b … d đ e ê …)', () => {
    const names = ['Đức Xuân', 'Yên Bình', 'Ân Thi', 'Dân Tiến', 'Ăn Khê', 'An Khánh', 'Bắc Kạn', 'Êa Súp'];
    expect(sortVietnamese(names, (n) => n)).toEqual([
      'An Khánh',
      'Ăn Khê',
      'Ân Thi',
      'Bắc Kạn',
      'Dân Tiến',
      'Đức Xuân',
      'Êa Súp',
      'Yên Bình',
    ]);
  });

  it('compares numbers inside names numerically', () => {
    expect(compareVietnamese('Phường 2', 'Phường 10')).toBeLessThan(0);
  });

  it('is a total order consistent with itself', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        (a, b) => Math.sign(compareVietnamese(a, b)) === -Math.sign(compareVietnamese(b, a)),
      ),
    );
  });
});

describe('inferUnitKind', () => {
  it.each([
    ['Tỉnh', 1, 'province'],
    ['Thành phố', 1, 'province'],
    ['Thành phố', 2, 'district'],
    ['Huyện', 2, 'district'],
    ['Thị xã', 2, 'district'],
    ['Xã', 3, 'commune'],
    ['Phường', 2, 'commune'],
    ['Đặc khu', 2, 'commune'],
    ['Sở', 2, 'agency'],
  ] as const)('%s at level %i is a %s', (type, level, kind) => {
    expect(inferUnitKind(type, level)).toBe(kind);
  });
});
