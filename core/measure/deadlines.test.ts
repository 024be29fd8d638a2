import { describe, expect, it } from 'vitest';
import { DeadlineRuleSchema } from '../contracts/measure-framework.js';
import { frameworkForYear, resolveDue } from './deadlines.js';
import { describeExplanation } from './messages.js';
import { scoreUnit } from './scoring.js';
import { COMMUNE_SET } from './templates/index.js';
import { tinyFramework } from './test-fixtures.js';

const tc1 = (year: number, date: string) =>
  scoreUnit(frameworkForYear(COMMUNE_SET, year), { 'X.TC.1': { date } }).components.find(
    (c) => c.code === 'X.TC.1',
  );

describe('deadlines relative to the period year', () => {
  it("a 2026 period judges the commune set's annual plan against 31/03/2026, not 2025", () => {
    expect(tc1(2026, '2026-03-20')).toMatchObject({
      points: 2,
      explanation: { code: 'deadline_met', params: { date: '2026-03-20', due: '2026-03-31' } },
    });
    expect(tc1(2025, '2025-04-02')).toMatchObject({
      points: 1,
      explanation: { code: 'deadline_missed', params: { due: '2025-03-31' } },
    });
    expect(tc1(2026, '2026-04-01')?.explanation.code).toBe('deadline_missed');
  });

  it('shows dates in the explanation as dd/mm/yyyy', () => {
    const late = tc1(2026, '2026-04-01')!.explanation;
    expect(describeExplanation(late, 'vi')).toBe('Ngày 01/04/2026 quá hạn (31/03/2026): 1 điểm');
    expect(describeExplanation(late, 'en')).toBe('Date 01/04/2026 late (due 31/03/2026): 1 points');
  });

  it('leaves frameworks with fixed dates as they are (the same object, so compiled forms are reused)', () => {
    const fw = tinyFramework();
    expect(frameworkForYear(fw, 2026)).toBe(fw);
    expect(frameworkForYear(COMMUNE_SET, 2026)).toBe(frameworkForYear(COMMUNE_SET, 2026));
    expect(resolveDue('2025-03-31', 2026)).toBe('2025-03-31');
    expect(resolveDue('{year}-03-31', 2026)).toBe('2026-03-31');
  });

  it('outside a period, a relative deadline falls in the year of the date judged', () => {
    const due = scoreUnit(COMMUNE_SET, { 'X.TC.1': { date: '2027-03-30' } }).components.find(
      (c) => c.code === 'X.TC.1',
    );
    expect(due?.explanation).toMatchObject({ code: 'deadline_met', params: { due: '2027-03-31' } });
  });

  it('accepts a fixed date or {year}-MM-DD in the contract, nothing else', () => {
    const rule = (due: string) => DeadlineRuleSchema.safeParse({ kind: 'deadline', due }).success;
    expect(rule('2025-03-31')).toBe(true);
    expect(rule('{year}-03-31')).toBe(true);
    expect(rule('{year}-13-01')).toBe(false);
    expect(rule('{year}-3-31')).toBe(false);
    expect(rule('{month}-03-31')).toBe(false);
  });
});
