import type { UnitKind } from '../../../core/contracts/measure-framework.js';
import type { Actor } from '../../lib/actor.js';
import { canOnUnit, hasPermissionAnywhere } from '../../lib/actor.js';

// Who may do what in Measure. Pure: callers pass the target unit's ancestors (from unit_closure).

export type SubmissionState = {
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  periodStatus: 'draft' | 'open' | 'closed' | 'published';
};

export const canManageFrameworks = (actor: Actor | null) => hasPermissionAnywhere(actor, 'measure.manage');
export const canReadFrameworks = (actor: Actor | null) => hasPermissionAnywhere(actor, 'measure.read');

export const canManagePeriod = (actor: Actor | null, rootAncestors: number[]) =>
  canOnUnit(actor, 'measure.manage', rootAncestors);

export const canReadUnit = (actor: Actor | null, unitAncestors: number[]) =>
  canOnUnit(actor, 'measure.read', unitAncestors);

/** The unit may change its own entry only while it is with the unit and the period is open. */
export function canEditSubmission(actor: Actor | null, unitAncestors: number[], s: SubmissionState): boolean {
  return (
    canOnUnit(actor, 'measure.enter', unitAncestors) &&
    s.periodStatus === 'open' &&
    (s.status === 'draft' || s.status === 'returned')
  );
}

export function canAppraiseSubmission(
  actor: Actor | null,
  unitAncestors: number[],
  s: SubmissionState,
): boolean {
  return (
    canOnUnit(actor, 'measure.appraise', unitAncestors) &&
    s.status === 'submitted' &&
    (s.periodStatus === 'open' || s.periodStatus === 'closed')
  );
}

export type MeasureUnitRow = { kind: string; type: string; level: number };

// Unit rows carry a Vietnamese GSO type (Xã, Phường, Đặc khu…) and a coarse kind (province, district,
// commune, agency); frameworks distinguish wards from communes and call agencies departments.
const TYPE_KINDS: Record<string, UnitKind> = {
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

/** Maps a unit row onto the framework's unit kinds (applicability and peer groups). */
export function measureUnitKind(unit: MeasureUnitRow): UnitKind {
  const byType = TYPE_KINDS[unit.type.trim().toLowerCase()];
  if (byType) return byType;
  if (unit.kind === 'agency' || unit.kind === 'department') return 'department';
  if (unit.level === 1 || unit.kind === 'province') return 'province';
  if (unit.kind === 'commune') return 'commune';
  return 'district';
}

/** Departments are ranked against departments; communes, wards and special zones against each other. */
export function peerGroupOf(kind: UnitKind): string {
  return kind === 'commune' || kind === 'ward' || kind === 'special_zone' ? 'commune_level' : kind;
}
