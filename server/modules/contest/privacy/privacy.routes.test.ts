import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createAccessGuard } from '../../../lib/access-guard.js';
import { dataCipher } from '../../../lib/field-crypto.js';
import { createContestRepository } from '../contest.repository.js';
import {
  type ContestScenario,
  cccdOf,
  contestConfig,
  contestScenario,
  solvedPow,
} from '../contest-test-fixtures.js';
import { CCCD_PURPOSE, PHONE_PURPOSE } from './personal-data.js';
import { createPrivacyService } from './privacy.service.js';

// CCCD and phone at rest on both databases: sealed on registration (never in the row, the audit log or any
// public answer), rows written in plain text before sealing converted by the job, opened in the organiser's
// participants workbook only (audited; another unit's staff get 403/404), erased after the retention (audited).

describe.each(testDialects())('contest personal data on %s', (dialect) => {
  let s: ContestScenario;
  let contestId = 0;
  const slug = 'thi-du-lieu';
  beforeAll(async () => {
    s = await contestScenario(dialect);
    const res = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: { unitId: s.tree.province, title: 'Cuộc thi dữ liệu', slug, config: contestConfig(s) },
    });
    contestId = res.json().id;
    await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${contestId}/open`,
      headers: s.organiser.headers,
    });
  }, 60_000);
  afterAll(async () => s?.t.close());

  const service = (env: Record<string, string | undefined> = {}) =>
    createPrivacyService(
      { ...s.t.deps, repo: createContestRepository(s.t.deps.db), guard: createAccessGuard(s.t.deps.db) },
      env,
    );
  const register = async (cccd: string, phone: string) =>
    s.t.app.inject({
      method: 'POST',
      url: `/api/public/contests/${slug}/register`,
      remoteAddress: '10.9.0.1',
      payload: {
        groupKey: 'citizens',
        fullName: 'Trần Văn Bình',
        consent: true,
        cccd,
        phone,
        pow: await solvedPow(s.t, slug),
        unitId: s.tree.communeA,
      },
    });

  it('seals CCCD and phone on registration, shows them masked, and opens them only in the organiser export', async () => {
    const cccd = cccdOf();
    const res = await register(cccd, '0912 345 678');
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain(cccd);
    expect(res.json().me.cccd).toBe(`*********${cccd.slice(-3)}`);
    const row = await s.t.deps.db
      .selectFrom('contestParticipants')
      .select(['id', 'phone', 'cccd'])
      .where('contestId', '=', contestId)
      .executeTakeFirstOrThrow();
    expect(row.cccd).toMatch(/^enc1:[0-9a-f]{8}:/);
    expect(row.phone).toMatch(/^enc1:/);
    expect(`${row.cccd}${row.phone}`).not.toContain(cccd.slice(-6));
    const audit = await s.t.deps.db.selectFrom('auditLog').select('afterJson').execute();
    expect(audit.map((a) => a.afterJson).join()).not.toContain(cccd);
    expect(audit.map((a) => a.afterJson).join()).not.toContain('0912345678');

    // A row written in plain text before sealing: the job seals it, and a second run has nothing to do.
    const old = cccdOf();
    await s.t.deps.db
      .insertInto('contestParticipants')
      .values({
        contestId,
        groupKey: 'citizens',
        fullName: 'Lê Thị Cũ',
        phone: '0987654321',
        cccd: old,
        tokenHash: 'x'.repeat(64),
        createdAt: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    expect(await service().sealAll()).toBe(1);
    expect(await service().sealAll()).toBe(0);
    const sealed = await s.t.deps.db
      .selectFrom('contestParticipants')
      .select(['phone', 'cccd'])
      .where('fullName', '=', 'Lê Thị Cũ')
      .executeTakeFirstOrThrow();
    const cipher = dataCipher(s.t.deps.config);
    expect(cipher.decrypt(sealed.cccd as string, CCCD_PURPOSE)).toBe(old);
    expect(cipher.decrypt(sealed.phone as string, PHONE_PURPOSE)).toBe('0987654321');

    const outsider = await loginAs(s.t, { role: 'secretariat', unitId: s.tree.communeB });
    const url = `/api/contest/contests/${contestId}/participants.xlsx`;
    expect([403, 404]).toContain(
      (await s.t.app.inject({ method: 'GET', url, headers: outsider.headers })).statusCode,
    );
    expect((await s.t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const file = await s.t.app.inject({ method: 'GET', url, headers: s.organiser.headers });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain(cccd);
    expect(cells).toContain('0912345678');
    expect(cells).toContain(old);
    const exported = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('action', '=', 'contest.participants.export')
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('erases CCCD and phone once a closed contest is past its retention, audited, and only then', async () => {
    const closedAt = new Date(s.t.clock.now().getTime() - 40 * 86_400_000).toISOString();
    await s.t.deps.db
      .updateTable('contests')
      .set({ status: 'closed', closedAt })
      .where('id', '=', contestId)
      .execute();
    expect(await service({ CONTEST_RETENTION_DAYS: '60' }).eraseExpired()).toBe(0);
    expect(await service({ CONTEST_RETENTION_DAYS: '0' }).eraseExpired()).toBe(0);
    expect(await service({ CONTEST_RETENTION_DAYS: '30' }).eraseExpired()).toBe(2);
    const left = await s.t.deps.db
      .selectFrom('contestParticipants')
      .select(['phone', 'cccd', 'fullName'])
      .where('contestId', '=', contestId)
      .execute();
    expect(left.every((p) => p.phone === null && p.cccd === null && p.fullName)).toBe(true);
    const keys = await s.t.deps.db
      .selectFrom('contestRegistrationKeys')
      .select('field')
      .where('contestId', '=', contestId)
      .execute();
    expect(keys.filter((k) => k.field === 'cccd')).toHaveLength(0);
    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['afterJson', 'entityId'])
      .where('action', '=', 'contest.personal_data.erase')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].afterJson as string)).toMatchObject({ participants: 2, retentionDays: 30 });
    expect(await service({ CONTEST_RETENTION_DAYS: '30' }).eraseExpired()).toBe(0);
  });
});
