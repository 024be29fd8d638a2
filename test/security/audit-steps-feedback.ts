import { createFeedbackServices } from '../../server/modules/feedback/feedback.module.js';
import { solvePow } from '../../server/modules/feedback/feedback-test-fixtures.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { type LoggedIn, randomIp } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import type { UnitTree } from '../helpers/unit-fixtures.js';

// Audit steps of Feedback (joined into audit-steps.ts): a category created and edited; a calendar day set and
// removed; a routing rule added and removed; a third report merged into the first; a citizen's one-time
// code, photo and report; the report assigned, noted, extended, accepted, answered, rated (reopened), answered
// again and closed; a second report refused; an email subscription; a report through Open311.

type Ctx = Record<string, number | string>;
type Request = {
  url: string;
  payload?: unknown;
  raw?: { payload: Buffer; headers: Record<string, string> };
  as?: () => Record<string, string>;
  remoteAddress?: string;
};
type Step = {
  op: string;
  request: (ctx: Ctx) => Request | Promise<Request>;
  after?: (body: Record<string, unknown>, ctx: Ctx) => void;
};

const CONTACT = { kind: 'email', value: 'nguoi.dan.audit@example.vn' } as const;
const anonymous = () => ({});

export function feedbackSteps(env: { t: TestApp; tree: UnitTree; admin: () => LoggedIn }): Step[] {
  const { t, tree } = env;
  const report = (c: Ctx, rest: string) => `/api/feedback/reports/${c.fbReport}${rest}`;

  async function solvedChallenge() {
    const ch = (
      await t.app.inject({ url: '/api/public/feedback/challenge', remoteAddress: randomIp() })
    ).json();
    return { challenge: ch.challenge as string, nonce: solvePow(ch.challenge, ch.difficulty) };
  }
  async function codeOf(otpId: string) {
    const n = await t.deps.db
      .selectFrom('notifications')
      .select('bodyVi')
      .where('idempotencyKey', '=', `feedback:otp:${otpId}`)
      .executeTakeFirstOrThrow();
    return /\b(\d{6})\b/.exec(n.bodyVi)?.[1] as string;
  }
  const inject = (method: 'POST', url: string, payload: unknown) =>
    t.app.inject({ method, url, headers: env.admin().headers, payload: payload as object });

  return [
    {
      op: 'POST /api/feedback/categories',
      request: () => ({
        url: '/api/feedback/categories',
        payload: {
          code: 'AUDIT_ROAD',
          nameVi: 'Giao thông',
          nameEn: 'Roads',
          deadlineAmount: 5,
          deadlineKind: 'working_days',
        },
      }),
      after: (b, c) => {
        c.fbCategory = Number(b.id);
      },
    },
    {
      op: 'PUT /api/feedback/categories/{id}',
      request: (c) => ({
        url: `/api/feedback/categories/${c.fbCategory}`,
        payload: {
          code: 'AUDIT_ROAD',
          nameVi: 'Giao thông, đường sá',
          nameEn: 'Roads',
          deadlineAmount: 5,
          deadlineKind: 'working_days',
        },
      }),
    },
    {
      op: 'PUT /api/feedback/calendar/{day}',
      request: () => ({
        url: '/api/feedback/calendar/2026-12-31',
        payload: { kind: 'holiday', name: 'Nghỉ cuối năm của tỉnh' },
      }),
    },
    {
      op: 'DELETE /api/feedback/calendar/{day}',
      request: () => ({ url: '/api/feedback/calendar/2026-12-31' }),
    },
    {
      op: 'POST /api/feedback/routing-rules',
      request: (c) => ({
        url: '/api/feedback/routing-rules',
        payload: { categoryId: c.fbCategory, areaUnitId: tree.communeB, unitId: tree.communeB },
      }),
      after: (b, c) => {
        c.fbRule = Number(b.id);
      },
    },
    {
      op: 'DELETE /api/feedback/routing-rules/{id}',
      request: (c) => ({ url: `/api/feedback/routing-rules/${c.fbRule}` }),
    },
    {
      op: 'POST /api/public/feedback/otp',
      request: async () => ({
        url: '/api/public/feedback/otp',
        as: anonymous,
        remoteAddress: randomIp(),
        payload: { contact: CONTACT, purpose: 'submit', pow: await solvedChallenge() },
      }),
      after: (b, c) => {
        c.fbOtp = String(b.otpId);
      },
    },
    {
      op: 'POST /api/public/feedback/photos',
      request: () => ({
        url: '/api/public/feedback/photos',
        as: anonymous,
        remoteAddress: randomIp(),
        raw: multipartBody({ name: 'hien-truong.png', data: PNG_1X1, contentType: 'image/png' }),
      }),
      after: (b, c) => {
        c.fbPhoto = String(b.id);
      },
    },
    {
      op: 'POST /api/public/feedback/reports',
      request: async (c) => ({
        url: '/api/public/feedback/reports',
        as: anonymous,
        remoteAddress: randomIp(),
        payload: {
          categoryId: c.fbCategory,
          title: 'Ổ gà trước cổng trường',
          description: 'Ổ gà sâu, nguy hiểm cho học sinh',
          areaUnitId: tree.communeA,
          contact: CONTACT,
          otp: { otpId: c.fbOtp, code: await codeOf(String(c.fbOtp)) },
          photoIds: [c.fbPhoto],
        },
      }),
      after: (b, c) => {
        c.fbCode = String(b.code);
      },
    },
    {
      op: 'POST /api/feedback/reports/{id}/assign',
      request: async (c) => {
        const row = await t.deps.db
          .selectFrom('feedbackReports')
          .select('id')
          .where('code', '=', String(c.fbCode))
          .executeTakeFirstOrThrow();
        c.fbReport = row.id;
        return { url: report(c, '/assign'), payload: { unitId: tree.communeA } };
      },
    },
    {
      op: 'POST /api/feedback/reports/{id}/notes',
      request: (c) => ({ url: report(c, '/notes'), payload: { text: 'Đã gọi điện' } }),
    },
    {
      op: 'POST /api/feedback/reports/{id}/extension',
      request: (c) => ({ url: report(c, '/extension'), payload: { days: 3, reason: 'Chờ vật tư' } }),
    },
    {
      op: 'POST /api/feedback/reports/{id}/extension/decision',
      request: (c) => ({ url: report(c, '/extension/decision'), payload: { approve: true } }),
    },
    { op: 'POST /api/feedback/reports/{id}/accept', request: (c) => ({ url: report(c, '/accept') }) },
    {
      op: 'POST /api/feedback/reports/{id}/answer',
      request: (c) => ({ url: report(c, '/answer'), payload: { answer: 'Đã vá xong' } }),
    },
    {
      op: 'POST /api/public/feedback/reports/{code}/rating',
      request: (c) => ({
        url: `/api/public/feedback/reports/${c.fbCode}/rating`,
        as: anonymous,
        remoteAddress: randomIp(),
        payload: { satisfied: false, reason: 'Vá chưa phẳng', contact: CONTACT.value },
      }),
    },
    {
      op: 'POST /api/feedback/reports/{id}/close',
      request: async (c) => {
        await inject('POST', report(c, '/answer'), { answer: 'Đã làm lại' });
        return { url: report(c, '/close'), payload: { note: 'Người dân không đánh giá lại' } };
      },
    },
    {
      op: 'POST /api/feedback/reports/{id}/refuse',
      request: async (c) => {
        const second = await createFeedbackServices(t.deps).reports.create(
          { actor: null },
          {
            categoryId: Number(c.fbCategory),
            title: 'Quảng cáo',
            description: 'Tin rác',
            address: 'x',
            contact: { kind: 'phone', value: '0912000222' },
            showName: false,
            photoFileIds: [],
            source: 'web',
          },
        );
        return {
          url: `/api/feedback/reports/${second.id}/refuse`,
          payload: { kind: 'spam', reason: 'Quảng cáo' },
        };
      },
    },
    {
      op: 'POST /api/feedback/reports/{id}/merge',
      request: async (c) => {
        const third = await createFeedbackServices(t.deps).reports.create(
          { actor: null },
          {
            categoryId: Number(c.fbCategory),
            title: 'Ổ gà (gửi lại)',
            description: 'Cùng ổ gà đã phản ánh',
            address: 'x',
            contact: { kind: 'phone', value: '0912000333' },
            showName: false,
            photoFileIds: [],
            source: 'web',
          },
        );
        return {
          url: `/api/feedback/reports/${third.id}/merge`,
          payload: { intoId: c.fbReport, reason: 'Cùng một ổ gà' },
        };
      },
    },
    {
      op: 'POST /api/public/feedback/reports/{code}/subscribe',
      request: async (c) => {
        const email = 'theo.doi@example.vn';
        const otp = await t.app.inject({
          method: 'POST',
          url: '/api/public/feedback/otp',
          remoteAddress: randomIp(),
          payload: {
            contact: { kind: 'email', value: email },
            purpose: 'subscribe',
            pow: await solvedChallenge(),
          },
        });
        const otpId = otp.json().otpId as string;
        return {
          url: `/api/public/feedback/reports/${c.fbCode}/subscribe`,
          as: anonymous,
          remoteAddress: randomIp(),
          payload: { email, otp: { otpId, code: await codeOf(otpId) } },
        };
      },
    },
    {
      op: 'POST /api/open311/v2/{file}',
      request: async () => {
        const token = await inject('POST', '/api/tokens', {
          name: 'Open311 client',
          unitId: tree.province,
          permissions: ['feedback.read'],
        });
        const form = new URLSearchParams({
          api_key: token.json().token,
          service_code: 'AUDIT_ROAD',
          address_string: 'Chợ trung tâm',
          description: 'Ổ gà trước chợ',
          email: 'open311@example.vn',
        });
        return {
          url: '/api/open311/v2/requests.json',
          as: anonymous,
          raw: {
            payload: Buffer.from(form.toString()),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
        };
      },
    },
  ];
}
