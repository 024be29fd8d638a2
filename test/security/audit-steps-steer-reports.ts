import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Steer's periodic reports (joined into audit-steps.ts): issuing the province's Q1 report.

type Ctx = Record<string, number | string>;
type Step = {
  op: string;
  request: (ctx: Ctx) => { url: string; payload?: unknown };
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

export function steerReportSteps(env: { t: TestApp; tree: UnitTree }): Step[] {
  return [
    {
      op: 'POST /api/steer/reports',
      request: () => ({
        url: '/api/steer/reports',
        payload: { unitId: env.tree.province, period: '2026-Q1', numberSymbol: '12/BC-SKHCN' },
      }),
      after: (body, c) => {
        c.steerReport = body.id as number;
      },
    },
  ];
}
