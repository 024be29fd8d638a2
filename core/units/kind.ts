// Which kind of unit a row is, from its Vietnamese type and level (the GSO files carry only the type).
export const UNIT_KINDS = ['province', 'district', 'commune', 'agency', 'village'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const COMMUNE_TYPES = new Set(['xã', 'phường', 'thị trấn', 'đặc khu']);
// Villages and residential groups below a commune (Community's teams are kept per village).
const VILLAGE_TYPES = new Set(['thôn', 'bản', 'ấp', 'làng', 'buôn', 'sóc', 'tổ dân phố', 'khu phố', 'khóm']);
const DISTRICT_TYPES = new Set(['huyện', 'quận', 'thị xã', 'thành phố']);
const PROVINCE_TYPES = new Set(['tỉnh', 'thành phố']);

export function inferUnitKind(type: string, level: number): UnitKind {
  const t = type.trim().toLowerCase();
  if (COMMUNE_TYPES.has(t)) return 'commune';
  if (VILLAGE_TYPES.has(t)) return 'village';
  if (level === 1 && PROVINCE_TYPES.has(t)) return 'province';
  if (level > 1 && DISTRICT_TYPES.has(t)) return 'district';
  return 'agency';
}

// Frameworks classify units more finely than the stored kind (applicability and peer groups): a stored
// commune is a commune, a ward or a special zone by its type; a stored agency is a department. Each measure
// kind refines exactly one stored kind, so both describe the same unit and this file is where they meet.
export const MEASURE_UNIT_KINDS = [
  'province',
  'department',
  'commune',
  'ward',
  'special_zone',
  'district',
] as const;
export type MeasureUnitKind = (typeof MEASURE_UNIT_KINDS)[number];

/** The stored kind each measure kind refines. */
export const STORED_KIND_OF: Record<MeasureUnitKind, UnitKind> = {
  province: 'province',
  department: 'agency',
  commune: 'commune',
  ward: 'commune',
  special_zone: 'commune',
  district: 'district',
};

const TYPE_KINDS: Record<string, MeasureUnitKind> = {
  phường: 'ward',
  ward: 'ward',
  xã: 'commune',
  'thị trấn': 'commune',
  commune: 'commune',
  'đặc khu': 'special_zone',
  special_zone: 'special_zone',
  huyện: 'district',
  quận: 'district',
  'thị xã': 'district',
  district: 'district',
  department: 'department',
  sở: 'department',
  province: 'province',
  tỉnh: 'province',
};

/** The measure kind of a unit row: by its Vietnamese GSO type first, else by its stored kind and level. */
export function measureUnitKind(unit: { kind: string; type: string; level: number }): MeasureUnitKind {
  const byType = TYPE_KINDS[unit.type.trim().toLowerCase()];
  if (byType) return byType;
  if (unit.kind === 'agency' || unit.kind === 'department') return 'department';
  if (unit.level === 1 || unit.kind === 'province') return 'province';
  if (unit.kind === 'commune') return 'commune';
  return 'district';
}

/** Departments are ranked against departments; communes, wards and special zones against each other. */
export function peerGroupOf(kind: MeasureUnitKind): string {
  return kind === 'commune' || kind === 'ward' || kind === 'special_zone' ? 'commune_level' : kind;
}
