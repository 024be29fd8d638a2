// Which kind of unit a row is, from its Vietnamese type and level (the GSO files carry only the type).
export const UNIT_KINDS = ['province', 'district', 'commune', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const COMMUNE_TYPES = new Set(['xã', 'phường', 'thị trấn', 'đặc khu']);
const DISTRICT_TYPES = new Set(['huyện', 'quận', 'thị xã', 'thành phố']);
const PROVINCE_TYPES = new Set(['tỉnh', 'thành phố']);

export function inferUnitKind(type: string, level: number): UnitKind {
  const t = type.trim().toLowerCase();
  if (COMMUNE_TYPES.has(t)) return 'commune';
  if (level === 1 && PROVINCE_TYPES.has(t)) return 'province';
  if (level > 1 && DISTRICT_TYPES.has(t)) return 'district';
  return 'agency';
}
