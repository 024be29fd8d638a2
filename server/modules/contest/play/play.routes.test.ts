import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetsDifficulty, powInput } from '../../../../core/feedback/pow.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import {
  type ContestScenario,
  cccdOf,
  contestConfig,
  contestScenario,
  solvedPow,
} from '../contest-test-fixtures.js';

// The participant's routes on both databases: registration (fields, CCCD structure, uniqueness, masking), the
// one-time code through the notification service, attempts (no correct answers sent, resume, tampered question
// ids, one submission under concurrent requests, attempts per round under concurrent starts, late answers cut),
// another person's attempt, and the provisional board.

describe.each(testDialects())('contest participant routes on %s', (dialect) => {
  let s: ContestScenario;
  const slug = 'thi-cong-dan';
  const otpSlug = 'thi-co-otp';
  let ip = 0;
  beforeAll(async () => {
    s = await contestScenario(dialect);
    const create = async (slugName: string, over = {}) => {
      const res = await s.t.app.inject({
        method: 'POST',
        url: '/api/contest/contests',
        headers: s.organiser.headers,
        payload: {
          unitId: s.tree.province,
          title: `Cuộc thi ${slugName}`,
          slug: slugName,
          config: contestConfig(s, over),
        },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      await s.t.app.inject({
        method: 'POST',
        url: `/api/contest/contests/${res.json().id}/open`,
        headers: s.organiser.headers,
      });
    };
    await create(slug);
    await create(otpSlug, {
      verification: 'otp_email',
      registration: [
        { field: 'fullName', required: true },
        { field: 'email', required: true, unique: true },
      ],
    });
  }, 60_000);
  afterAll(async () => s?.t.close());

  const pub = (method: string, url: string, token?: string, payload?: unknown) =>
    s.t.app.inject({
      method: method as 'POST',
      url,
      remoteAddress: `10.7.0.${++ip % 250}`,
      headers: token ? { 'x-contest-token': token } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const register = async (body: Record<string, unknown>, which = slug) =>
    pub('POST', `/api/public/contests/${which}/register`, undefined, {
      groupKey: 'citizens',
      fullName: 'Nguyễn Thị Lan',
      consent: true,
      pow: await solvedPow(s.t, which),
      ...body,
    });

  it('registers with checked fields, refuses a second registration of a CCCD, masks CCCD and phone', async () => {
    const missing = await register({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(
      ['body.cccd:contest.field_required', 'body.unitId:contest.field_required'],
    );
    const wrong = await register({
      cccd: '001190123456',
      birthDate: '1990-04-01',
      gender: 'male',
      unitId: s.tree.communeA,
      phone: '0123',
    });
    expect(
      wrong
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['contest.cccd_birth_mismatch', 'contest.phone_format']);
    const young = await register({ cccd: '001311123456', birthDate: '2011-12-01', unitId: s.tree.communeA });
    expect(young.json().errors[0].code).toBe('contest.too_young');
    const cccd = cccdOf();
    const ok = await register({ cccd, unitId: s.tree.communeA, phone: '+84 912 345 678' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().me).toMatchObject({
      cccd: `*********${cccd.slice(-3)}`,
      phone: '091****678',
      verified: true,
    });
    expect(ok.body).not.toContain(cccd);
    const again = await register({ cccd, unitId: s.tree.communeB, fullName: 'Người khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('đã được dùng');
    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select('afterJson')
      .where('action', '=', 'contest.participant.register')
      .execute();
    expect(audit.map((a) => a.afterJson).join()).not.toContain(cccd);
    expect(audit.map((a) => a.afterJson).join()).not.toContain('0912345678');
    expect((await pub('GET', `/api/public/contests/${slug}/me`, 'not-a-token')).statusCode).toBe(401);
  });

  it('refuses a missing, forged, expired or replayed proof of work with a problem and records nothing', async () => {
    const count = async () =>
      Number(
        (
          await s.t.deps.db
            .selectFrom('contestParticipants')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const attempt = (pow: unknown) =>
      pub('POST', `/api/public/contests/${slug}/register`, undefined, {
        groupKey: 'citizens',
        fullName: 'Người Máy',
        consent: true,
        cccd: cccdOf(),
        unitId: s.tree.communeA,
        ...(pow === undefined ? {} : { pow }),
      });
    const refused = async (pow: unknown) => {
      const res = await attempt(pow);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
        'body.pow:contest.pow_invalid',
      ]);
    };
    await refused(undefined);
    const good = await solvedPow(s.t, slug);
    // Forged: a nonce that does not meet the difficulty (the first that fails), and a challenge never issued.
    let bad = 0;
    while (String(bad) === good.nonce) bad++;
    for (let n = 0; ; n++) {
      const h = createHash('sha256')
        .update(powInput(good.challenge, String(n)))
        .digest();
      if (!meetsDifficulty(h, 16)) {
        bad = n;
        break;
      }
    }
    await refused({ challenge: good.challenge, nonce: String(bad) });
    await refused({ challenge: 'x'.repeat(24), nonce: good.nonce });
    // Expired: solved, but sent 11 minutes later.
    const late = await solvedPow(s.t, slug);
    s.t.clock.advance(11 * 60_000);
    await refused(late);
    s.t.clock.advance(-11 * 60_000);
    expect(await count()).toBe(before);
    // Replayed: the first use registers, the second is refused.
    expect((await attempt(good)).statusCode).toBe(201);
    await refused(good);
    expect(await count()).toBe(before + 1);
    // A form with a wrong field does not spend the solution.
    const kept = await solvedPow(s.t, slug);
    const typo = await pub('POST', `/api/public/contests/${slug}/register`, undefined, {
      groupKey: 'citizens',
      fullName: 'Người Sửa',
      consent: true,
      cccd: '123',
      unitId: s.tree.communeA,
      pow: kept,
    });
    expect(typo.json().errors.map((e: { code: string }) => e.code)).toEqual(['contest.cccd_format']);
    expect((await attempt(kept)).statusCode).toBe(201);
  });

  it('verifies by a one-time code mailed through the notification service; attempts wait for it', async () => {
    const reg = await register({ email: 'lan@example.vn' }, otpSlug);
    expect(reg.statusCode, reg.body).toBe(201);
    const token = reg.json().token;
    expect(reg.json().me.verified).toBe(false);
    expect((await pub('POST', `/api/public/contests/${otpSlug}/attempts`, token)).statusCode).toBe(403);
    let mail: { text?: string; subject?: string } | undefined;
    for (let i = 0; i < 100 && !mail; i++) {
      mail = s.t.sentMail.find((m) => (m as { to: string }).to === 'lan@example.vn') as typeof mail;
      if (!mail) await new Promise((r) => setTimeout(r, 50));
    }
    const code = /\b(\d{6})\b/.exec(JSON.stringify(mail))?.[1];
    expect(code).toBeDefined();
    expect(mail?.subject).not.toContain(code as string);
    const bad = await pub('POST', `/api/public/contests/${otpSlug}/verify`, token, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(bad.statusCode).toBe(400);
    const good = await pub('POST', `/api/public/contests/${otpSlug}/verify`, token, { code });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().verified).toBe(true);
    const dup = await register({ email: 'LAN@example.vn', fullName: 'Lan khác' }, otpSlug);
    expect(dup.statusCode).toBe(409);
  });

  it('draws an attempt without the answers, resumes it, refuses foreign questions, submits once under concurrency', async () => {
    const reg = await register({ cccd: cccdOf(), unitId: s.tree.communeB });
    const token = reg.json().token;
    const started = await pub('POST', `/api/public/contests/${slug}/attempts`, token);
    expect(started.statusCode, started.body).toBe(200);
    const attempt = started.json();
    expect(attempt.questions).toHaveLength(4);
    expect(started.body).not.toContain('correct');
    expect(new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime()).toBe(600_000);
    // A second start (a lost connection) resumes the same attempt.
    expect((await pub('POST', `/api/public/contests/${slug}/attempts`, token)).json().id).toBe(attempt.id);
    const foreign = s.questions.find(
      (q) => !attempt.questions.some((x: { id: number }) => x.id === q.id),
    ) as { id: number };
    const tampered = await pub('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, token, {
      answers: { [foreign.id]: [0] },
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().errors[0].code).toBe('contest.question_not_in_attempt');
    const q0 = attempt.questions[0];
    const right = s.questions.find((q) => q.id === q0.id)?.correct as number;
    const saved = await pub('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, token, {
      answers: { [q0.id]: [right] },
      prediction: 7,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().answers[q0.id]).toEqual([right]);
    // Someone else cannot read or answer it.
    const other = (await register({ cccd: cccdOf(), unitId: s.tree.communeB })).json().token;
    expect((await pub('GET', `/api/public/contest-attempts/${attempt.id}`, other)).statusCode).toBe(404);
    expect(
      (await pub('POST', `/api/public/contest-attempts/${attempt.id}/submit`, other, { answers: {} }))
        .statusCode,
    ).toBe(404);
    const submits = await Promise.all(
      [1, 2, 3, 4].map(() =>
        pub('POST', `/api/public/contest-attempts/${attempt.id}/submit`, token, {
          answers: {},
          prediction: 7,
        }),
      ),
    );
    expect(submits.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(submits.filter((r) => r.json().alreadySubmitted === false)).toHaveLength(1);
    expect(new Set(submits.map((r) => r.json().score))).toEqual(new Set([1]));
    expect(
      (
        await s.t.deps.db
          .selectFrom('auditLog')
          .select('id')
          .where('action', '=', 'contest.attempt.submit')
          .where('entityId', '=', String(attempt.id))
          .execute()
      ).length,
    ).toBe(1);
    // One attempt a round: a new start is refused, saving after the submission too.
    const more = await pub('POST', `/api/public/contests/${slug}/attempts`, token);
    expect(more.statusCode).toBe(409);
    expect(more.json().detail).toContain('hết 1 lượt');
    expect(
      (await pub('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, token, { answers: {} }))
        .statusCode,
    ).toBe(409);
  });

  it('concurrent starts make one attempt; answers past the deadline and grace are cut', async () => {
    const token = (await register({ cccd: cccdOf(), unitId: s.tree.communeA })).json().token;
    const starts = await Promise.all(
      [1, 2, 3, 4, 5].map(() => pub('POST', `/api/public/contests/${slug}/attempts`, token)),
    );
    expect(starts.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(starts.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    const attempt = starts[0].json();
    const q0 = attempt.questions[0];
    const right = s.questions.find((q) => q.id === q0.id)?.correct as number;
    await pub('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, token, {
      answers: { [q0.id]: [right] },
    });
    s.t.clock.advance(611_000);
    const late = await pub('PUT', `/api/public/contest-attempts/${attempt.id}/answers`, token, {
      answers: {},
    });
    expect(late.statusCode).toBe(409);
    const all: Record<string, number[]> = {};
    for (const q of attempt.questions)
      all[q.id] = [s.questions.find((x) => x.id === q.id)?.correct as number];
    const submitted = await pub('POST', `/api/public/contest-attempts/${attempt.id}/submit`, token, {
      answers: all,
    });
    expect(submitted.json()).toMatchObject({
      late: true,
      score: 1,
      submittedAt: attempt.deadlineAt,
      durationMs: 600_000,
    });
    s.t.clock.advance(-611_000);
  });

  it('shows a provisional board: score and time, names masked, no prize', async () => {
    const board = await pub('GET', `/api/public/contests/${slug}/leaderboard?round=d1&group=citizens`);
    expect(board.statusCode).toBe(200);
    expect(board.json().final).toBe(false);
    expect(board.json().rows[0]).toMatchObject({ name: 'Nguyễn T. L.', score: 1, prize: null });
    const landing = (await pub('GET', `/api/public/contests/${slug}`)).json();
    expect(landing).toMatchObject({ currentRoundKey: 'd1', questionsPerAttempt: 4 });
    expect(landing.summary).toContain('Mỗi số CCCD chỉ được đăng ký một lần');
    const units = (
      await pub('GET', `/api/public/contests/${slug}/units?q=${encodeURIComponent('thai nguyen')}`)
    ).json();
    expect(units.items.length).toBeGreaterThan(0);
    expect(
      (await pub('GET', `/api/public/contests/khong-co/leaderboard?round=d1&group=citizens`)).statusCode,
    ).toBe(404);
  });
});
