import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, parseDayMonthYear, toAuditQuery } from './audit-query.js';

describe('audit filters', () => {
  it('reads dd/mm/yyyy days and refuses impossible ones', () => {
    expect(parseDayMonthYear('06/12/2026')).toBe('2026-12-06');
    expect(parseDayMonthYear(' 1/2/2026 ')).toBe('2026-02-01');
    expect(parseDayMonthYear('31-12-2026')).toBe('2026-12-31');
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('2026-12-06')).toBeNull();
    expect(parseDayMonthYear('12/31/2026')).toBeNull();
  });

  it('maps a person, an action and a day range to the API query in Vietnamese days', () => {
    expect(
      toAuditQuery({
        ...EMPTY_FILTERS,
        actor: ' lanh dao ',
        unit: { id: 378, name: 'Xã An Khánh' },
        action: 'auth.login',
        from: '01/12/2026',
        to: '06/12/2026',
      }),
    ).toEqual({
      actor: 'lanh dao',
      unitId: 378,
      action: 'auth.login',
      entity: undefined,
      q: undefined,
      from: '2026-12-01T00:00:00+07:00',
      to: '2026-12-06T23:59:59.999+07:00',
    });
  });

  it('leaves the unit out when none is picked', () => {
    expect(toAuditQuery(EMPTY_FILTERS).unitId).toBeUndefined();
  });
});
