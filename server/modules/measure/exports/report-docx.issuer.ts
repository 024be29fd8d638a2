import type { MeasureUnit } from '../shared/measure-units.repository.js';

// Who issues the report, derived from the period's root unit (never a fixed province): for a province,
// its Department of Science and Technology (the standing agency for DX since 2025) under the provincial
// People's Committee; for a commune or ward, its People's Committee. Every part can be overridden.

export type ReportOptions = {
  /** The number part of "Số: 12/BC-SKHCN". */
  number?: string;
  parentBody?: string;
  issuer?: string;
  symbol?: string;
  signerName?: string;
};

export type Issuer = {
  parentBody: string;
  issuer: string;
  symbol: string;
  place: string;
  superior: string;
  authority?: string;
  signerTitle: string;
};

const PLACE_PREFIXES = /^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã)\s+/iu;

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "Tỉnh Thái Nguyên" → "Thái Nguyên" (the place name in "Thái Nguyên, ngày …"). */
export function placeOf(unitName: string): string {
  return unitName.trim().replace(PLACE_PREFIXES, '') || unitName.trim();
}

/**
 * The unit's official name with its type ("Tỉnh Thái Nguyên", "Phường Bắc Kạn"): imported units keep the
 * type apart from the name, as the national code lists do.
 */
export function officialNameOf(unit: Pick<MeasureUnit, 'name' | 'type'>): string {
  const name = unit.name.trim();
  if (PLACE_PREFIXES.test(name) || !PLACE_PREFIXES.test(`${unit.type} `)) return name;
  return `${unit.type} ${name}`;
}

function defaultIssuer(root: MeasureUnit): Issuer {
  const isProvince = root.type.toLowerCase() === 'province' || root.level === 1;
  const place = placeOf(root.name);
  const official = officialNameOf(root);
  if (isProvince) {
    return {
      parentBody: `UBND ${upper(official)}`,
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      symbol: 'BC-SKHCN',
      place,
      superior: `UBND ${official}`,
      authority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
    };
  }
  return {
    parentBody: '',
    issuer: `ỦY BAN NHÂN DÂN ${upper(official)}`,
    symbol: 'BC-UBND',
    place,
    superior: 'Ban Chỉ đạo cấp trên',
    authority: 'TM. ỦY BAN NHÂN DÂN',
    signerTitle: 'CHỦ TỊCH',
  };
}

export function issuerOf(root: MeasureUnit, options: ReportOptions): Issuer {
  const base = defaultIssuer(root);
  return {
    ...base,
    parentBody: options.parentBody ?? base.parentBody,
    issuer: options.issuer ?? base.issuer,
    symbol: options.symbol ?? base.symbol,
  };
}
