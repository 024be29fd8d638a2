import ExcelJS from 'exceljs';
import { DOC, FULL_VALUES, testFramework } from '../../server/modules/measure/measure-test-fixtures.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { type LoggedIn, randomIp, TEST_PASSWORD } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';
import { communitySteps } from './audit-steps-community.js';
import { contestSteps } from './audit-steps-contest.js';
import { feedbackSteps } from './audit-steps-feedback.js';
import { newsSteps } from './audit-steps-news.js';
import { steerImportSteps } from './audit-steps-steer-import.js';
import { steerMeetingSteps } from './audit-steps-steer-meetings.js';
import { steerReportSteps } from './audit-steps-steer-reports.js';
import { steerTaskSteps } from './audit-steps-steer-tasks.js';
import { steerUrgingSteps } from './audit-steps-steer-urging.js';

// One valid request per write operation of the API, in an order where each finds what it needs (a period
// before its submission, a submission before its appraisal). audit-coverage.test.ts runs them and checks
// the audit log after each; a new write route adds its step here.

export type Request = {
  url: string;
  payload?: unknown;
  /** Multipart bodies and other non-JSON requests. */
  raw?: { payload: Buffer; headers: Record<string, string> };
  /** Another caller than the province admin (e.g. a user who signs out). */
  as?: () => Record<string, string>;
  remoteAddress?: string;
};
export type Ctx = Record<string, number | string>;
export type Step = {
  /** "METHOD /path/{param}" exactly as in the OpenAPI document. */
  op: string;
  request: (ctx: Ctx) => Request | Promise<Request>;
  /** Reads ids the later steps need from the response. */
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
  /** Set only for operations that write nothing: why they need no audit row. */
  noAudit?: string;
};

const sub = (c: Ctx, rest = '') => `/api/measure/periods/${c.period}/units/${c.unitA}/submission${rest}`;
const appraisal = (c: Ctx, rest = '') => `/api/measure/periods/${c.period}/units/${c.unitA}/appraisal${rest}`;

function kpiFramework() {
  const fw = testFramework({ code: 'AUDIT' });
  fw.groups[0].mainIndices[0].components[0].kpiCode = 'EDOC_SENT';
  return fw;
}

async function kpiWorkbook(unitCode: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('values');
  sheet.addRow(['kpi_code', 'unit_code', 'period', 'value', 'numerator', 'denominator', 'note']);
  sheet.addRow(['EDOC_SENT', unitCode, '2025-03', 9, null, null, null]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** In-app deliveries for `userId`; returns their ids joined by commas. */
async function seedInbox(t: TestApp, userId: number, count: number): Promise<string> {
  const now = t.clock.now().toISOString();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = await t.deps.db
      .insertInto('notifications')
      .values({
        idempotencyKey: `audit-steps-${userId}-${i}`,
        kind: 'system.test',
        category: 'system',
        titleVi: 'Thông báo',
        titleEn: 'Notice',
        bodyVi: 'Nội dung',
        bodyEn: 'Body',
        link: null,
        createdAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const d = await t.deps.db
      .insertInto('notificationDeliveries')
      .values({
        notificationId: n.id,
        recipientKey: `user:${userId}`,
        userId,
        address: null,
        channel: 'in_app',
        status: 'sent',
        lastError: null,
        claimedAt: null,
        sentAt: now,
        readAt: null,
        digestId: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(d.id);
  }
  return ids.join(',');
}

export function auditSteps(env: {
  t: TestApp;
  tree: UnitTree;
  admin: () => LoggedIn;
  user: () => LoggedIn;
}): Step[] {
  const { t, tree } = env;
  const signIn = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email: env.user().email, password: 'Reset-Password-2026' },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
    const headers = {
      cookie: String(res.headers['set-cookie']).split(';')[0],
      'x-csrf-token': res.json().csrfToken,
    };
    return () => headers;
  };
  return [
    // Units
    {
      op: 'POST /api/units',
      request: () => ({
        url: '/api/units',
        payload: {
          parentId: tree.province,
          code: '19-AUD',
          name: 'Sở Kiểm toán',
          type: 'Sở',
          kind: 'agency',
        },
      }),
      after: (b, c) => {
        c.newUnit = Number(b.id);
      },
    },
    {
      op: 'PATCH /api/units/{id}',
      request: (c) => ({ url: `/api/units/${c.newUnit}`, payload: { name: 'Sở Kiểm toán Nhà nước' } }),
    },
    {
      op: 'PUT /api/units/{id}/headcounts',
      request: (c) => ({
        url: `/api/units/${c.newUnit}/headcounts`,
        payload: { headcounts: [{ metric: 'officials', asOf: '2026-01-01', value: 23 }] },
      }),
    },
    {
      op: 'POST /api/lineage',
      request: () => ({
        url: '/api/lineage',
        payload: {
          fromUnitId: tree.communeA,
          toUnitId: tree.communeB,
          kind: 'partial',
          share: 0.1,
          shareBasis: 'area',
          effectiveDate: '2025-07-01',
        },
      }),
      after: (b, c) => {
        c.lineage = Number(b.id);
      },
    },
    { op: 'DELETE /api/lineage/{id}', request: (c) => ({ url: `/api/lineage/${c.lineage}` }) },
    // Users and tokens
    {
      op: 'POST /api/users',
      request: () => ({
        url: '/api/users',
        payload: {
          email: 'audit.user@test.dxboard.vn',
          fullName: 'Người Kiểm Toán',
          password: 'Audit-Password-2026',
          grants: [{ role: 'viewer', unitId: tree.communeA }],
        },
      }),
      after: (b, c) => {
        c.newUser = Number(b.id);
      },
    },
    {
      op: 'PATCH /api/users/{id}',
      request: (c) => ({ url: `/api/users/${c.newUser}`, payload: { fullName: 'Người Kiểm Toán 2' } }),
    },
    {
      op: 'PUT /api/users/{id}/grants',
      request: (c) => ({
        url: `/api/users/${c.newUser}/grants`,
        payload: { grants: [{ role: 'officer', unitId: tree.communeA }] },
      }),
    },
    {
      op: 'POST /api/tokens',
      request: () => ({
        url: '/api/tokens',
        payload: { name: 'audit token', unitId: tree.province, permissions: ['units.read'] },
      }),
      after: (b, c) => {
        c.token = Number(b.id);
      },
    },
    { op: 'DELETE /api/tokens/{id}', request: (c) => ({ url: `/api/tokens/${c.token}` }) },
    // KPIs (before the Measure steps: prefill reads these values)
    {
      op: 'POST /api/kpis',
      request: () => ({
        url: '/api/kpis',
        payload: {
          code: 'AUDIT_KPI',
          nameVi: 'Chỉ số kiểm toán',
          nameEn: 'Audit KPI',
          unitOfMeasure: 'lượt',
          valueType: 'count',
          periodicity: 'monthly',
          timeAggregation: 'sum',
          dhis2DataElement: 'AuditDE01',
        },
      }),
    },
    {
      op: 'PATCH /api/kpis/{code}',
      request: () => ({ url: '/api/kpis/AUDIT_KPI', payload: { nameEn: 'Audit KPI (renamed)' } }),
    },
    {
      op: 'PUT /api/kpis/{code}/targets',
      request: () => ({
        url: '/api/kpis/AUDIT_KPI/targets',
        payload: { unitId: tree.communeA, year: 2025, target: 100 },
      }),
    },
    {
      op: 'POST /api/kpis/values',
      request: () => ({
        url: '/api/kpis/values',
        payload: { values: [{ kpiCode: 'EDOC_SENT', unitId: tree.communeA, period: '2025-01', value: 3 }] },
      }),
    },
    {
      op: 'POST /api/kpis/dataValueSets',
      request: (c) => ({
        url: '/api/kpis/dataValueSets',
        payload: {
          period: '202502',
          orgUnit: c.unitACode,
          dataValues: [{ dataElement: 'AuditDE01', value: '7' }],
        },
      }),
    },
    {
      op: 'POST /api/kpis/imports',
      request: async (c) => ({
        url: '/api/kpis/imports',
        raw: multipartBody({ name: 'values.xlsx', data: await kpiWorkbook(String(c.unitACode)) }),
      }),
      after: (b, c) => {
        c.kpiImport = Number(b.id);
      },
    },
    {
      op: 'POST /api/kpis/imports/{id}/commit',
      request: (c) => ({ url: `/api/kpis/imports/${c.kpiImport}/commit` }),
    },
    // Measure: frameworks and a period, one submission through appraisal to publication
    {
      op: 'POST /api/measure/frameworks',
      request: async () => {
        const templates = await t.app.inject({
          method: 'GET',
          url: '/api/measure/framework-templates',
          headers: env.admin().headers,
        });
        return { url: '/api/measure/frameworks', payload: { templateKey: templates.json()[0].key } };
      },
    },
    {
      op: 'POST /api/measure/frameworks/import',
      request: () => ({ url: '/api/measure/frameworks/import', payload: { definition: kpiFramework() } }),
      after: (b, c) => {
        c.framework = Number((b.framework as { id: number }).id);
      },
    },
    {
      op: 'PUT /api/measure/frameworks/{id}',
      request: (c) => ({
        url: `/api/measure/frameworks/${c.framework}`,
        payload: { definition: { ...kpiFramework(), name: 'Bộ chỉ số kiểm toán' } },
      }),
    },
    {
      op: 'POST /api/measure/frameworks/import.xlsx',
      request: async (c) => {
        const exported = await t.app.inject({
          method: 'GET',
          url: `/api/measure/frameworks/${c.framework}/export.xlsx`,
          headers: env.admin().headers,
        });
        return {
          url: '/api/measure/frameworks/import.xlsx',
          raw: multipartBody({ name: 'fw.xlsx', data: exported.rawPayload }),
        };
      },
    },
    {
      op: 'POST /api/measure/periods',
      request: (c) => ({
        url: '/api/measure/periods',
        payload: {
          name: 'Đánh giá kiểm toán 2025',
          year: 2025,
          frameworkId: c.framework,
          rootUnitId: tree.province,
          unitKinds: ['commune', 'ward'],
          opensOn: '2026-03-01',
          dueOn: '2026-03-31',
        },
      }),
      after: (b, c) => {
        c.period = Number(b.id);
      },
    },
    {
      op: 'PUT /api/measure/periods/{id}/targets',
      request: (c) => ({ url: `/api/measure/periods/${c.period}/targets`, payload: { total: 0.8 } }),
    },
    {
      op: 'POST /api/measure/periods/{id}/open',
      request: (c) => ({ url: `/api/measure/periods/${c.period}/open` }),
    },
    {
      op: 'PUT /api/measure/periods/{periodId}/units/{unitId}/submission/values',
      request: (c) => ({ url: sub(c, '/values'), payload: { values: FULL_VALUES } }),
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/submission/preview',
      request: (c) => ({ url: sub(c, '/preview'), payload: { values: FULL_VALUES } }),
      noAudit: 'scores values the caller sends without storing them',
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/submission/prefill-from-kpis',
      request: (c) => ({ url: sub(c, '/prefill-from-kpis') }),
    },
    {
      op: 'POST /api/files',
      request: () => ({
        url: '/api/files?purpose=evidence',
        raw: multipartBody({ name: 'bien-ban.png', data: PNG_1X1, contentType: 'image/png' }),
      }),
      after: (b, c) => {
        c.file = b.id as number;
      },
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/submission/evidence',
      request: (c) => ({ url: sub(c, '/evidence'), payload: { componentCode: 'C1', fileId: c.file } }),
      after: (b, c) => {
        c.evidence = Number(b.id);
      },
    },
    {
      op: 'DELETE /api/measure/periods/{periodId}/units/{unitId}/submission/evidence/{evidenceId}',
      request: (c) => ({ url: sub(c, `/evidence/${c.evidence}`) }),
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/submission/submit',
      request: async (c) => {
        // C1 requires evidence: a document record (audited on its own, counted under the evidence step).
        await t.app.inject({
          method: 'POST',
          url: sub(c, '/evidence'),
          headers: env.admin().headers,
          payload: { componentCode: 'C1', document: DOC },
        });
        return { url: sub(c, '/submit') };
      },
    },
    {
      op: 'PUT /api/measure/periods/{periodId}/units/{unitId}/appraisal',
      request: (c) => ({ url: appraisal(c), payload: { components: { C1: { points: 5 } } } }),
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/appraisal/return',
      request: (c) => ({
        url: appraisal(c, '/return'),
        payload: { comment: 'Bổ sung', components: [{ code: 'C1', comment: 'Thiếu' }] },
      }),
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/appraisal/approve',
      request: async (c) => {
        const again = await t.app.inject({
          method: 'POST',
          url: sub(c, '/submit'),
          headers: env.admin().headers,
        });
        if (again.statusCode !== 200) throw new Error(`re-submit: ${again.statusCode} ${again.body}`);
        return { url: appraisal(c, '/approve') };
      },
    },
    {
      op: 'POST /api/measure/periods/{periodId}/units/{unitId}/what-if',
      request: (c) => ({
        url: `/api/measure/periods/${c.period}/units/${c.unitA}/what-if`,
        payload: { overrides: {} },
      }),
      noAudit: 'a sandbox: scores hypothetical values and stores nothing',
    },
    {
      op: 'POST /api/measure/periods/{id}/close',
      request: (c) => ({ url: `/api/measure/periods/${c.period}/close` }),
    },
    {
      op: 'POST /api/measure/periods/{id}/publish',
      request: (c) => ({ url: `/api/measure/periods/${c.period}/publish` }),
    },
    {
      op: 'POST /api/measure/periods/{id}/units/{unitId}/reopen',
      request: (c) => ({
        url: `/api/measure/periods/${c.period}/units/${c.unitA}/reopen`,
        payload: { reason: 'Bổ sung minh chứng' },
      }),
    },
    {
      op: 'PUT /api/measure/periods/{id}/units/{unitId}/exclusion',
      request: (c) => ({
        url: `/api/measure/periods/${c.period}/units/${c.unitA}/exclusion`,
        payload: { reason: 'Đang sáp nhập' },
      }),
    },
    {
      op: 'DELETE /api/measure/periods/{id}/units/{unitId}/exclusion',
      request: (c) => ({ url: `/api/measure/periods/${c.period}/units/${c.unitA}/exclusion` }),
    },
    // Steer registers: a DX product declared, corrected, accepted (another withdrawn); a system registered and
    // edited; a review campaign opened, a system confirmed, the units reminded, the campaign closed.
    {
      op: 'POST /api/steer/products',
      request: (c) => ({
        url: '/api/steer/products',
        payload: {
          unitId: c.unitA,
          year: 2026,
          name: 'Bản đồ số du lịch',
          description: 'Điểm du lịch',
          kind: 'data',
        },
      }),
      after: (b, c) => {
        c.product = Number(b.id);
      },
    },
    {
      op: 'PUT /api/steer/products/{id}',
      request: (c) => ({
        url: `/api/steer/products/${c.product}`,
        payload: { year: 2026, name: 'Bản đồ số du lịch xã', description: 'Điểm du lịch', kind: 'data' },
      }),
    },
    {
      op: 'POST /api/steer/products/{id}/decision',
      request: (c) => ({ url: `/api/steer/products/${c.product}/decision`, payload: { decision: 'accept' } }),
    },
    {
      op: 'DELETE /api/steer/products/{id}',
      request: async (c) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/steer/products',
          headers: env.admin().headers,
          payload: {
            unitId: c.unitA,
            year: 2026,
            name: 'Khai nhầm',
            description: 'Khai nhầm',
            kind: 'other',
          },
        });
        return { url: `/api/steer/products/${res.json().id}` };
      },
    },
    {
      op: 'POST /api/steer/systems',
      request: (c) => ({
        url: '/api/steer/systems',
        payload: { unitId: c.unitA, ...registerSystem('Hệ thống một cửa điện tử') },
      }),
      after: (b, c) => {
        c.system = Number(b.id);
      },
    },
    {
      op: 'PUT /api/steer/systems/{id}',
      request: (c) => ({
        url: `/api/steer/systems/${c.system}`,
        payload: registerSystem('Hệ thống thông tin giải quyết thủ tục hành chính'),
      }),
    },
    {
      op: 'POST /api/steer/system-reviews',
      request: (c) => ({
        url: '/api/steer/system-reviews',
        payload: { name: 'Rà soát hệ thống 2026', rootUnitId: c.unitA, dueDate: '2026-12-31' },
      }),
      after: (b, c) => {
        c.campaign = Number(b.id);
        c.reviewItem = Number((b.items as { id: number }[])[0].id);
      },
    },
    {
      op: 'POST /api/steer/system-reviews/{id}/items/{itemId}/confirm',
      request: (c) => ({
        url: `/api/steer/system-reviews/${c.campaign}/items/${c.reviewItem}/confirm`,
        payload: { note: 'Không thay đổi' },
      }),
    },
    {
      op: 'POST /api/steer/system-reviews/{id}/remind',
      request: (c) => ({ url: `/api/steer/system-reviews/${c.campaign}/remind` }),
    },
    {
      op: 'POST /api/steer/system-reviews/{id}/close',
      request: (c) => ({ url: `/api/steer/system-reviews/${c.campaign}/close` }),
    },
    // Notifications: two in-app notifications for the admin, as the notify service would deliver them.
    {
      op: 'POST /api/notifications/read',
      request: async (c) => {
        c.notifications = String(await seedInbox(t, env.admin().userId, 2));
        return {
          url: '/api/notifications/read',
          payload: { ids: [Number(String(c.notifications).split(',')[0])] },
        };
      },
    },
    { op: 'POST /api/notifications/read-all', request: () => ({ url: '/api/notifications/read-all' }) },
    {
      op: 'PUT /api/notifications/preferences',
      request: () => ({
        url: '/api/notifications/preferences',
        payload: { items: [{ category: 'measure', email: 'digest', webhook: 'off' }] },
      }),
    },
    // Auth, last: they sign a separate user in and out, never the admin walking the steps
    {
      op: 'POST /api/auth/login',
      request: () => ({
        url: '/api/auth/login',
        payload: { email: env.user().email, password: TEST_PASSWORD },
        as: () => ({}),
        remoteAddress: randomIp(),
      }),
    },
    {
      op: 'POST /api/auth/password',
      request: () => ({
        url: '/api/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'Changed-Password-2026' },
        as: () => env.user().headers,
      }),
    },
    {
      op: 'POST /api/auth/password-reset/request',
      request: () => ({
        url: '/api/auth/password-reset/request',
        payload: { email: env.user().email },
        as: () => ({}),
        remoteAddress: randomIp(),
      }),
    },
    {
      op: 'POST /api/auth/password-reset/confirm',
      request: () => {
        const mail = [...t.sentMail].reverse().find((m) => m.to === env.user().email);
        const token = mail?.text.match(/token=([\w-]{43})/)?.[1];
        return {
          url: '/api/auth/password-reset/confirm',
          payload: { token, newPassword: 'Reset-Password-2026' },
          as: () => ({}),
        };
      },
    },
    {
      op: 'POST /api/auth/logout',
      // The reset ended every session of the user: each sign-out signs in afresh with the new password.
      request: async () => ({ url: '/api/auth/logout', as: await signIn() }),
    },
    {
      op: 'POST /api/auth/logout-all',
      request: async () => ({ url: '/api/auth/logout-all', as: await signIn() }),
    },
    // Steer plans, tasks and progress
    ...steerTaskSteps(env),
    // Steer urging: letters and the reminder settings
    ...steerUrgingSteps(env),
    // Steer periodic reports
    ...steerReportSteps(env),
    // Steer: a plan's task appendix imported from xlsx
    ...steerImportSteps(env),
    // Steer committee meetings and their conclusions
    ...steerMeetingSteps(env),
    // Community: villages, teams, members, activities, targets
    ...communitySteps(env),
    ...feedbackSteps(env),
    // Contest: question bank, contests, a participant's attempt, round close
    ...contestSteps(env),
    // News: write, save, cover, submit; a second person approves, withdraws, returns
    ...newsSteps(env),
    // Citizen single sign-on: the test world has no identity provider, so no citizen session to end
    {
      op: 'POST /api/public/sso/logout',
      request: () => ({ url: '/api/public/sso/logout', as: () => ({}) }),
      noAudit:
        'no citizen session to end (a real sign-out is audited: server/modules/sso/sso.routes.test.ts)',
    },
  ];
}

/** A valid information system of the registers (the audit steps of Steer's registers). */
function registerSystem(name: string) {
  return {
    name,
    purpose: 'Tiếp nhận, trả kết quả hồ sơ',
    purposeCategory: 'one_stop',
    scope: 'unit',
    users: 'Bộ phận một cửa',
    status: 'operating',
    goLiveDate: '2023-05-01',
    hosting: 'provincial_dc',
    lgspIntegrated: true,
    nationalDbs: ['population'],
    securityPlanApproved: false,
  };
}
