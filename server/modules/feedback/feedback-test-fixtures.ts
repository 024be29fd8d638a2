import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { meetsDifficulty, powInput } from '../../../core/feedback/pow.js';
import { multipartBody } from '../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs, randomIp } from '../../../test/helpers/login.js';
import { createTestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';
import { createKpiReader, ensureKpiCatalogueOnStartup } from '../kpis/kpis.module.js';

// One scenario for the Feedback module's route tests: the test unit tree with the KPI catalogue, the province's
// secretariat, officers of both communes, a leader, a JSON caller, and the citizen's steps (solve a challenge,
// read the one-time code the notification service recorded, upload a photo).

export type FeedbackScenario = Awaited<ReturnType<typeof feedbackScenario>>;

export function solvePow(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const hash = createHash('sha256')
      .update(powInput(challenge, String(n)))
      .digest();
    if (meetsDifficulty(hash, difficulty)) return String(n);
  }
}

/** A JPEG with an EXIF GPS block, as a phone camera writes it. */
export function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 18/1 0/1' } })
    .toBuffer();
}

export async function feedbackScenario(dialect: DialectName) {
  const t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
  const tree = await createUnitTree(t.deps.db);
  await ensureKpiCatalogueOnStartup(t.deps);
  const reader = createKpiReader(t.deps);
  const [secretariat, officerA, officerB, leader] = await Promise.all([
    loginAs(t, { role: 'secretariat', unitId: tree.province }),
    loginAs(t, { role: 'officer', unitId: tree.communeA }),
    loginAs(t, { role: 'officer', unitId: tree.communeB }),
    loginAs(t, { role: 'leader', unitId: tree.province }),
  ]);

  async function call(
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any; type: string; raw: string }> {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: randomIp(),
      headers: { ...(who?.headers ?? {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: type.includes('json') ? res.json() : res.body,
      type,
      raw: res.body,
    };
  }

  /** Challenge → proof of work → one-time code; returns the code read from the recorded notification. */
  async function otp(
    contact: { kind: 'phone' | 'email'; value: string },
    purpose: 'submit' | 'subscribe' = 'submit',
  ) {
    const ch = await call(null, 'GET', '/api/public/feedback/challenge');
    const nonce = solvePow(ch.body.challenge, ch.body.difficulty);
    const res = await call(null, 'POST', '/api/public/feedback/otp', {
      contact,
      purpose,
      pow: { challenge: ch.body.challenge, nonce },
    });
    if (res.status !== 201) throw new Error(`otp: ${res.status} ${res.raw}`);
    const n = await t.deps.db
      .selectFrom('notifications')
      .select('bodyVi')
      .where('idempotencyKey', '=', `feedback:otp:${res.body.otpId}`)
      .executeTakeFirstOrThrow();
    const code = /\b(\d{6})\b/.exec(n.bodyVi)?.[1] as string;
    return {
      proof: { otpId: res.body.otpId as string, code },
      otpId: res.body.otpId as string,
      code,
      sentTo: res.body.sentTo as string,
    };
  }

  async function uploadPhoto(data: Buffer, query = '') {
    const body = multipartBody({ name: 'hien-truong.jpg', data, contentType: 'image/jpeg' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/feedback/photos${query}`,
      remoteAddress: randomIp(),
      headers: body.headers,
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  }

  async function category(input: Record<string, unknown>) {
    const res = await call(secretariat, 'POST', '/api/feedback/categories', {
      nameEn: 'Category',
      deadlineAmount: 3,
      deadlineKind: 'working_days',
      ...input,
    });
    if (res.status !== 201) throw new Error(`category: ${res.status} ${res.raw}`);
    return res.body as { id: number; code: string };
  }

  return {
    t,
    tree,
    secretariat,
    officerA,
    officerB,
    leader,
    call,
    otp,
    uploadPhoto,
    category,
    async kpi(unitId: number, code: string, period: string) {
      const v = await reader.getKpiValue(unitId, code, period);
      return v ? { numerator: v.numerator, denominator: v.denominator, derived: v.derived } : null;
    },
  };
}
