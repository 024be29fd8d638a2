import { describe, expect, it } from 'vitest';
import {
  canonicalUnitName,
  createUnitNameMatcher,
  isCollectiveUnitName,
  splitUnitNames,
} from './name-match.js';

const UNITS = [
  { id: 1, name: 'Sở Tài chính', type: 'Sở' },
  { id: 2, name: 'Sở Khoa học và Công nghệ', type: 'Sở' },
  { id: 3, name: 'Văn phòng Ủy ban nhân dân tỉnh', type: 'Văn phòng' },
  { id: 4, name: 'Tân Lập', type: 'Xã' },
  { id: 5, name: 'Tân Lập', type: 'Phường' },
  { id: 6, name: 'Phan Đình Phùng', type: 'Phường' },
  { id: 7, name: 'Công an tỉnh', type: 'Công an' },
  { id: 8, name: 'Sở Văn hóa, Thể thao và Du lịch', type: 'Sở' },
  { id: 9, name: 'Ban Chỉ đạo chuyển đổi số tỉnh', type: 'Ban Chỉ đạo' },
  { id: 10, name: 'Sở Nội vụ', type: 'Sở' },
  { id: 11, name: 'Đồng Hỷ', type: 'Xã' },
  // Stored with an English type and the prefix in the name (as some imports do).
  { id: 12, name: 'Phường Hoàng Văn Thụ', type: 'ward' },
];
const m = createUnitNameMatcher(UNITS);

describe('canonicalUnitName', () => {
  it('folds diacritics and case, expands abbreviations, drops punctuation', () => {
    expect(canonicalUnitName('UBND xã Tân Lập')).toBe('uy ban nhan dan xa tan lap');
    expect(canonicalUnitName('Sở KH&CN')).toBe('so khoa hoc va cong nghe');
    expect(canonicalUnitName('Sở TT & TT')).toBe('so thong tin va truyen thong');
    expect(canonicalUnitName('  Sở Văn hóa,  Thể thao và Du lịch. ')).toBe('so van hoa the thao va du lich');
  });
});

describe('unit name matcher', () => {
  it.each([
    ['Sở Tài chính', 1],
    ['SỞ TÀI CHÍNH', 1],
    ['so tai chinh', 1],
    ['Tài chính', 1],
    ['Sở KH&CN', 2],
    ['Sở Khoa học & Công nghệ', 2],
    ['Văn phòng UBND tỉnh', 3],
    ['VP UBND tỉnh', 3],
    ['UBND xã Tân Lập', 4],
    ['Ủy ban nhân dân xã Tân Lập', 4],
    ['Xã Tân Lập', 4],
    ['UBND phường Tân Lập', 5],
    ['Phường Tân Lập', 5],
    ['UBND phường Phan Đình Phùng', 6],
    ['Phan Dinh Phung', 6],
    ['Công an tỉnh', 7],
    ['Sở Văn hóa, Thể thao và Du lịch', 8],
    ['BCĐ CĐS tỉnh', 9],
    ['Đồng Hỷ', 11],
    ['UBND xa dong hy', 11],
    ['UBND phường Hoàng Văn Thụ', 12],
    ['Hoàng Văn Thụ', 12],
  ])('%s → unit %i', (text, id) => {
    expect(m.match(text)).toEqual({ status: 'matched', unitId: id });
  });

  it('a bare name two units share is ambiguous, with both as candidates', () => {
    expect(m.match('Tân Lập')).toEqual({ status: 'ambiguous', candidates: [4, 5] });
  });

  it('collective names are never matched to one unit', () => {
    for (const text of [
      'Các sở, ban, ngành',
      'UBND các xã, phường',
      'Các cơ quan, đơn vị liên quan',
      'Sở, ban, ngành',
      'Tất cả các xã',
      'Các địa phương',
    ]) {
      expect(isCollectiveUnitName(text)).toBe(true);
      expect(m.match(text).status).toBe('collective');
    }
    expect(isCollectiveUnitName('Sở Tài chính')).toBe(false);
  });

  it('an unknown name offers look-alike units as candidates, best first', () => {
    const r = m.match('Sở Thông tin và Truyền thông');
    expect(r.status).toBe('unknown');
    expect(m.match('Công an').status).toBe('unknown');
    expect(m.candidates('Công an')[0]).toBe(7);
    expect(m.candidates('Sở Khoa học')[0]).toBe(2);
    expect(m.match('Bộ Công an')).toEqual({ status: 'unknown', candidates: [7] });
    expect(m.match('').status).toBe('unknown');
  });
});

describe('splitUnitNames', () => {
  it('splits on semicolons, line breaks and commas that start a new unit name', () => {
    expect(splitUnitNames('Sở Tài chính, Sở Nội vụ; Công an tỉnh\nUBND các xã, phường')).toEqual([
      'Sở Tài chính',
      'Sở Nội vụ',
      'Công an tỉnh',
      'UBND các xã, phường',
    ]);
  });
  it('keeps names that hold commas whole', () => {
    expect(splitUnitNames('Sở Văn hóa, Thể thao và Du lịch, Sở Y tế')).toEqual([
      'Sở Văn hóa, Thể thao và Du lịch',
      'Sở Y tế',
    ]);
    expect(splitUnitNames('Các sở, ban, ngành, UBND các huyện, thành phố')).toEqual([
      'Các sở, ban, ngành',
      'UBND các huyện, thành phố',
    ]);
  });
  it('drops bullets and empty pieces', () => {
    expect(splitUnitNames('- Sở Tài chính;\n+ Sở Y tế.;  ;')).toEqual(['Sở Tài chính', 'Sở Y tế']);
    expect(splitUnitNames('')).toEqual([]);
  });
});
