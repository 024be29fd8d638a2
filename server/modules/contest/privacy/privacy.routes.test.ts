import { createHash } from 'node:crypto';
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

  it('keeps uniqueness as keyed indexes; a legacy bare hash still blocks a duplicate until the job rewrites it', async () => {
    const other = 'thi-khoa-duy-nhat';
    const created = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: { unitId: s.tree.province, title: 'Cuộc thi khoá', slug: other, config: contestConfig(s) },
    });
    const id = created.json().id as number;
    await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${id}/open`,
      headers: s.organiser.headers,
    });
    const registerIn = async (cccd: string) =>
      s.t.app.inject({
        method: 'POST',
        url: `/api/public/contests/${other}/register`,
        remoteAddress: '10.9.0.2',
        payload: {
          groupKey: 'citizens',
          fullName: 'Phạm Thị Khoá',
          consent: true,
          cccd,
          pow: await solvedPow(s.t, other),
          unitId: s.tree.communeA,
        },
      });
    const keysOf = () =>
      s.t.deps.db
        .selectFrom('contestRegistrationKeys')
        .select(['id', 'valueHash'])
        .where('contestId', '=', id)
        .orderBy('id')
        .execute();
    const bare = (cccd: string) => createHash('sha256').update(`${id}:cccd:${cccd}`).digest('hex');
    const cipher = dataCipher(s.t.deps.config);

    const mine = cccdOf();
    expect((await registerIn(mine)).statusCode).toBe(201);
    const [key] = await keysOf();
    expect(key.valueHash).toBe(cipher.blindIndex(mine, `${id}:cccd`));
    expect(key.valueHash).not.toContain(bare(mine));
    const again = await registerIn(mine);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'body.cccd' })]);

    // A registration kept by an earlier version: its key is a bare SHA-256 of the value.
    const legacy = cccdOf();
    const { id: legacyId } = await s.t.deps.db
      .insertInto('contestParticipants')
      .values({
        contestId: id,
        groupKey: 'citizens',
        fullName: 'Lê Văn Trước',
        cccd: cipher.encrypt(legacy, CCCD_PURPOSE),
        tokenHash: 'y'.repeat(64),
        createdAt: '2026-03-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await s.t.deps.db
      .insertInto('contestRegistrationKeys')
      .values({ contestId: id, field: 'cccd', valueHash: bare(legacy), participantId: legacyId })
      .execute();
    expect((await registerIn(legacy)).statusCode).toBe(409);
    expect(await service().sealAll()).toBe(1);
    const rewritten = (await keysOf()).at(-1);
    expect(rewritten?.valueHash).toBe(cipher.blindIndex(legacy, `${id}:cccd`));
    expect(await service().sealAll()).toBe(0);
    expect((await registerIn(legacy)).statusCode).toBe(409);
    expect(await keysOf()).toHaveLength(2);
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

  it('a contest’s own retention wins over the server’s: 10 days erases early, 0 keeps', async () => {
    const closedAt = new Date(s.t.clock.now().getTime() - 20 * 86_400_000).toISOString();
    const made: Record<string, number> = {};
    for (const [slugOf, retentionDays] of [
      ['thi-luu-10-ngay', 10],
      ['thi-luu-mai', 0],
    ] as const) {
      const created = await s.t.app.inject({
        method: 'POST',
        url: '/api/contest/contests',
        headers: s.organiser.headers,
        payload: {
          unitId: s.tree.province,
          title: `Cuộc thi ${slugOf}`,
          slug: slugOf,
          config: contestConfig(s, { retentionDays }),
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().summary ?? '').toBeDefined();
      made[slugOf] = created.json().id;
      await s.t.app.inject({
        method: 'POST',
        url: `/api/contest/contests/${made[slugOf]}/open`,
        headers: s.organiser.headers,
      });
      const res = await s.t.app.inject({
        method: 'POST',
        url: `/api/public/contests/${slugOf}/register`,
        remoteAddress: '10.9.0.3',
        payload: {
          groupKey: 'citizens',
          fullName: 'Đặng Văn Lưu',
          consent: true,
          cccd: cccdOf(),
          phone: '0912000111',
          pow: await solvedPow(s.t, slugOf),
          unitId: s.tree.communeA,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      await s.t.deps.db
        .updateTable('contests')
        .set({ status: 'closed', closedAt })
        .where('id', '=', made[slugOf])
        .execute();
    }
    // The server keeps 60 days: only the contest that promised 10 is erased; the one that promised to keep is not.
    expect(await service({ CONTEST_RETENTION_DAYS: '60' }).eraseExpired()).toBe(1);
    expect(await service({ CONTEST_RETENTION_DAYS: '1' }).eraseExpired()).toBe(0);
    const left = await s.t.deps.db
      .selectFrom('contestParticipants')
      .select(['contestId', 'cccd'])
      .where('contestId', 'in', Object.values(made))
      .execute();
    expect(left.find((r) => r.contestId === made['thi-luu-10-ngay'])?.cccd).toBeNull();
    expect(left.find((r) => r.contestId === made['thi-luu-mai'])?.cccd).toMatch(/^enc1:/);
    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('action', '=', 'contest.personal_data.erase')
      .where('entityId', '=', String(made['thi-luu-10-ngay']))
      .execute();
    expect(JSON.parse(audit[0].afterJson as string)).toMatchObject({
      retentionDays: 10,
      retentionFrom: 'contest',
    });
  });
});
