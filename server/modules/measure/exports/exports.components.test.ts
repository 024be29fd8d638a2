import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { comp, tinyFramework } from '../../../../core/measure/test-fixtures.js';
import { measureEngine } from '../scoring/measure-engine.js';
import type { PeriodValueRow } from '../submissions/submissions.repository.js';
import { cellsFromCurrentValues, valueKey } from './exports.components.js';

// F is a formula over A (meetings): it has no entry of its own, so no stored self points. The export's "self
// points" for it are the rule on the unit's own values; its points are the rule on the appraised ones.
function withFormula(): Framework {
  const fw = tinyFramework();
  const m3 = fw.groups[1]?.mainIndices[1];
  if (!m3) throw new Error('tiny framework changed');
  m3.components = [
    comp('E', 20, { kind: 'minmax', lower: 0, upper: 100, higherIsBetter: true }),
    comp('F', 10, { kind: 'formula', expression: 'A / 4', result: 'fraction' }),
  ];
  return fw;
}

const row = (code: string, raw: unknown, appraised?: unknown): PeriodValueRow => ({
  submissionId: 1,
  unitId: 7,
  componentCode: code,
  rawJson: JSON.stringify(raw),
  isNa: 0,
  appraisedRawJson: appraised === undefined ? null : JSON.stringify(appraised),
  appraisedIsNa: 0,
  appraisedPoints: null,
});

describe('export cells', () => {
  it('gives formula components the self points of the unit’s own values, beside the appraised points', () => {
    const unit = { id: 7, code: 'X1', name: 'Xã Một', type: 'Xã', kind: 'commune', level: 2 };
    const cells = cellsFromCurrentValues(
      measureEngine,
      withFormula(),
      [unit],
      new Map(),
      // The unit entered 2 meetings (10 of 20 points); the appraiser found 4.
      [row('A', { number: 2 }, { number: 4 }), row('E', { number: 50 })],
      new Map([[valueKey(7, 'A'), 10]]),
    );
    expect(cells.get(valueKey(7, 'A'))).toMatchObject({ selfPoints: 10, points: 20 });
    // F = A / 4 of 10 points: 2/4 → 5 on the unit's own values, 4/4 → 10 as appraised.
    expect(cells.get(valueKey(7, 'F'))).toMatchObject({ selfValue: null, selfPoints: 5, points: 10 });
    // A component with an entry keeps the stored self points (what the officer saw), even when absent (null).
    expect(cells.get(valueKey(7, 'E'))?.selfPoints).toBeNull();
  });
});
