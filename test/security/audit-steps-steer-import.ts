import { buildSampleAppendix } from '../../server/modules/steer/import/appendix-sample.js';
import { multipartBody } from '../helpers/file-fixtures.js';
import type { LoggedIn } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of the plan appendix import (joined into audit-steps.ts): a plan of the province, an appendix whose
// every unit name matches the test tree uploaded into it, then confirmed (its tasks created).

type Ctx = Record<string, number | string>;
type Request = { url: string; payload?: unknown; raw?: { payload: Buffer; headers: Record<string, string> } };
type Step = {
  op: string;
  request: (ctx: Ctx) => Request | Promise<Request>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

export function steerImportSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  return [
    {
      op: 'POST /api/steer/plans/{id}/imports',
      request: async (c) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/steer/plans',
          headers: env.admin().headers,
          payload: {
            numberSymbol: '20/KH-BCĐ',
            issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
            issuingUnitId: tree.province,
            issuedOn: '2026-02-01',
            title: 'Kế hoạch nhập từ phụ lục',
            periodFrom: '2026-01-01',
            periodTo: '2026-12-31',
          },
        });
        if (res.statusCode !== 201) throw new Error(`plan: ${res.statusCode} ${res.body.slice(0, 300)}`);
        c.importPlan = Number(res.json().id);
        const data = await buildSampleAppendix(2026, {
          rows: [
            { stt: 'I', title: 'CHÍNH QUYỀN SỐ' },
            {
              stt: 1,
              title: 'Vận hành IOC',
              lead: 'Sở KH&CN',
              coordinators: 'Xã Đại Phúc',
              deadline: 'Quý II',
            },
          ],
        });
        return {
          url: `/api/steer/plans/${c.importPlan}/imports`,
          raw: multipartBody({ name: 'phu-luc.xlsx', data }),
        };
      },
      after: (b, c) => {
        c.steerImport = Number(b.id);
      },
    },
    {
      op: 'POST /api/steer/imports/{id}/confirm',
      request: (c) => ({ url: `/api/steer/imports/${c.steerImport}/confirm`, payload: { resolutions: [] } }),
    },
  ];
}
