// Audit filters as the admin types them (a person's name or e-mail, an action in words, dd/mm/yyyy days) mapped to GET /api/audit.
import { parseDayMonthYear } from '../../../core/time/day-month-year.js';

export { parseDayMonthYear };

export type AuditFilters = {
  actor: string;
  /** A unit picked by name; the log shows changes to it and to every unit below it. */
  unit: { id: number; name: string } | null;
  action: string;
  entity: string;
  from: string;
  to: string;
  q: string;
};
export const EMPTY_FILTERS: AuditFilters = {
  actor: '',
  unit: null,
  action: '',
  entity: '',
  from: '',
  to: '',
  q: '',
};

/** Days are Vietnamese calendar days (UTC+7); the API wants instants. Unparseable days are left out. */
export function toAuditQuery(f: AuditFilters) {
  const from = f.from ? parseDayMonthYear(f.from) : null;
  const to = f.to ? parseDayMonthYear(f.to) : null;
  return {
    actor: f.actor.trim() || undefined,
    unitId: f.unit?.id,
    action: f.action || undefined,
    entity: f.entity || undefined,
    q: f.q.trim() || undefined,
    from: from ? `${from}T00:00:00+07:00` : undefined,
    to: to ? `${to}T23:59:59.999+07:00` : undefined,
  };
}
