import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { ensureKpiCatalogue } from '../../kpis/definitions/kpi-definitions.service.js';
import { createKpisRepository } from '../../kpis/kpis.repository.js';
import {
  type ContestScenario,
  cccdOf,
  contestConfig,
  contestScenario,
  solvedPow,
} from '../contest-test-fixtures.js';

// Organiser routes and a whole contest on both databases: two groups, two daily rounds and a board over both,
// scripted participants, round close (prediction truth, ranking, prizes, one prize per person across rounds),
// the collective table computed by hand, the participation KPI and the winners workbook.

describe.each(testDialects())('contest organiser routes on %s', (dialect) => {
  let s: ContestScenario;
  let contestId: number;
  const slug = 'thi-chuyen-doi-so';
  beforeAll(async () => {
    s = await contestScenario(dialect);
    await ensureKpiCatalogue({ ...s.t.deps, repo: createKpisRepository(s.t.deps.db) });
  }, 60_000);
  afterAll(async () => s?.t.close());
  const call = (method: string, url: string, payload?: unknown, headers = s.organiser.headers) =>
    s.t.app.inject({
      method: method as 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('401 → 400 → 403 → 201: creating a contest', async () => {
    expect((await call('GET', '/api/contest/contests', undefined, {})).statusCode).toBe(401);
    const bad = await call('POST', '/api/contest/contests', {
      unitId: s.tree.province,
      title: 'Cuộc thi',
      slug,
      config: contestConfig(s, { questionsPerAttempt: 5 }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('contest.quotas_sum');
    const officer = await loginAs(s.t, { role: 'officer', unitId: s.tree.communeA });
    const denied = await call(
      'POST',
      '/api/contest/contests',
      { unitId: s.tree.communeA, title: 'X', slug: 'x-thi', config: contestConfig(s) },
      officer.headers,
    );
    expect(denied.statusCode).toBe(403);
    const res = await call('POST', '/api/contest/contests', {
      unitId: s.tree.province,
      title: 'Tìm hiểu về chuyển đổi số',
      slug,
      config: contestConfig(s),
    });
    expect(res.statusCode).toBe(201);
    contestId = res.json().id;
    expect(res.json().summary).toContain('2 câu chủ đề "Chính quyền số"');
    expect(res.json().status).toBe('draft');
    const dup = await call('POST', '/api/contest/contests', {
      unitId: s.tree.province,
      title: 'Lần hai',
      slug,
      config: contestConfig(s),
    });
    expect(dup.statusCode).toBe(400);
  });

  it('imports questions: preview with row errors, commit of the valid rows, size and format refused before parsing', async () => {
    const url = (mode: string, format = 'gift') =>
      `/api/contest/questions/import?unitId=${s.tree.province}&format=${format}&mode=${mode}`;
    const content = 'Câu một? {=Đúng ~Sai}\n\nCâu hỏng không có đáp án\n';
    const before = (await s.t.deps.db.selectFrom('contestQuestions').select('id').execute()).length;
    const preview = await call('POST', url('preview'), { content });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ valid: 1, invalid: 1, created: 0 });
    expect((await s.t.deps.db.selectFrom('contestQuestions').select('id').execute()).length).toBe(before);
    const commit = await call('POST', url('commit'), { content });
    expect(commit.json().created).toBe(1);
    expect((await s.t.deps.db.selectFrom('contestQuestions').select('id').execute()).length).toBe(before + 1);
    expect((await call('POST', url('preview'), { content: 'x'.repeat(1024 * 1024 + 10) })).statusCode).toBe(
      413,
    );
    const notZip = await call('POST', url('preview', 'xlsx'), {
      content: Buffer.from('not a zip').toString('base64'),
    });
    expect(notZip.statusCode).toBe(400);
    expect(notZip.headers['content-type']).toContain('problem+json');
    expect((await call('POST', url('preview'), { content: '\n\n' })).statusCode).toBe(400);
  });

  it('opens (the configuration freezes: 409 with a clear message) and lists', async () => {
    const opened = await call('POST', `/api/contest/contests/${contestId}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().status).toBe('open');
    const edit = await call('PUT', `/api/contest/contests/${contestId}`, {
      title: 'Sửa',
      slug,
      config: contestConfig(s),
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('không được thay đổi');
    expect((await call('POST', `/api/contest/contests/${contestId}/open`)).statusCode).toBe(409);
    const list = await call('GET', '/api/contest/contests');
    expect(list.json().items.map((c: { slug: string }) => c.slug)).toContain(slug);
    // A round that has not ended cannot be closed.
    expect((await call('POST', `/api/contest/contests/${contestId}/rounds/d1/close`)).statusCode).toBe(409);
  });

  type Person = { token: string; group: string; unitId: number; email?: string };
  const people: Record<string, Person> = {};
  const pub = (method: string, url: string, token?: string, payload?: unknown) =>
    s.t.app.inject({
      method: method as 'POST',
      url,
      headers: token ? { 'x-contest-token': token } : {},
      remoteAddress: `10.9.${Object.keys(people).length}.1`,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function take(name: string, correct: number, prediction: number) {
    const p = people[name];
    const start = await pub('POST', `/api/public/contests/${slug}/attempts`, p.token);
    expect(start.statusCode, start.body).toBe(200);
    const attempt = start.json();
    const answers: Record<string, number[]> = {};
    attempt.questions.forEach((q: { id: number }, i: number) => {
      const right = s.questions.find((x) => x.id === q.id)?.correct as number;
      answers[q.id] = [i < correct ? right : (right + 1) % 4];
    });
    s.t.clock.advance(1000);
    const done = await pub('POST', `/api/public/contest-attempts/${attempt.id}/submit`, p.token, {
      answers,
      prediction,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().score).toBe(correct);
  }

  it('runs two rounds with scripted participants; closing ranks, awards and tells them', async () => {
    const roster: [string, string, number, string?][] = [
      ['Trần Văn Một', 'officials', s.tree.department],
      ['Lê Thị Hai', 'officials', s.tree.department, 'hai@example.vn'],
      ['Phạm Văn Ba', 'officials', s.tree.department],
      ['Hoàng Thị Bốn', 'officials', s.tree.communeA],
      ['Vũ Văn Năm', 'officials', s.tree.communeA],
      ['Đỗ Thị Sáu', 'officials', s.tree.communeA],
      ['Ngô Văn Bảy', 'citizens', s.tree.communeA, 'bay@example.vn'],
      ['Bùi Thị Tám', 'citizens', s.tree.communeA],
      ['Đặng Văn Chín', 'citizens', s.tree.communeB],
      ['Mai Thị Mười', 'citizens', s.tree.communeB],
    ];
    for (const [name, group, unitId, email] of roster) {
      const res = await pub('POST', `/api/public/contests/${slug}/register`, undefined, {
        groupKey: group,
        fullName: name,
        cccd: cccdOf(),
        unitId,
        consent: true,
        pow: await solvedPow(s.t, slug),
        ...(email ? { email } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      people[name] = { token: res.json().token, group, unitId, email };
    }
    // Round 1 (day 1). Four perfect papers: the prediction truth is 4.
    await take('Trần Văn Một', 4, 10);
    await take('Lê Thị Hai', 4, 4);
    await take('Phạm Văn Ba', 4, 5);
    await take('Hoàng Thị Bốn', 3, 4);
    await take('Vũ Văn Năm', 2, 4);
    await take('Đỗ Thị Sáu', 1, 4);
    await take('Ngô Văn Bảy', 4, 1);
    await take('Mai Thị Mười', 0, 4);
    await take('Đặng Văn Chín', 3, 4); // same score and prediction as Tám, but quicker (the clock runs on)
    s.t.clock.advance(5000);
    await take('Bùi Thị Tám', 3, 4);
    // Day 2, 09:00 in Vietnam: round 1 has ended, round 2 runs.
    s.t.clock.set('2026-03-03T02:00:00.000Z');
    await take('Lê Thị Hai', 4, 0);
    await take('Vũ Văn Năm', 4, 100);
    s.organiser = await loginAs(s.t, {
      role: 'secretariat',
      unitId: s.tree.province,
      email: s.organiser.email,
    });
    const closed = await call('POST', `/api/contest/contests/${contestId}/rounds/d1/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const d1 = closed.json().rounds.find((r: { roundKey: string }) => r.roundKey === 'd1');
    expect(d1.predictionTrueValue).toBe(4);
    const board = (g: string) =>
      d1.groups
        .find((x: { groupKey: string }) => x.groupKey === g)
        .rows.map((r: { name: string; prize: string | null }) => `${r.name}:${r.prize ?? '-'}`);
    expect(board('officials')).toEqual([
      'Lê Thị Hai:first',
      'Phạm Văn Ba:second',
      'Trần Văn Một:third',
      'Hoàng Thị Bốn:consolation',
      'Vũ Văn Năm:-',
      'Đỗ Thị Sáu:-',
    ]);
    expect(board('citizens')).toEqual([
      'Ngô Văn Bảy:first',
      'Đặng Văn Chín:second',
      'Bùi Thị Tám:-',
      'Mai Thị Mười:-',
    ]);
    // Participants who gave an email are told their result, once.
    const told = await s.t.deps.db
      .selectFrom('notifications')
      .select('idempotencyKey')
      .where('kind', '=', 'contest.result')
      .execute();
    expect(told.length).toBe(2);
    expect((await call('POST', `/api/contest/contests/${contestId}/rounds/d1/close`)).statusCode).toBe(200);
    expect(
      (
        await s.t.deps.db
          .selectFrom('notifications')
          .select('id')
          .where('kind', '=', 'contest.result')
          .execute()
      ).length,
    ).toBe(2);

    // Day 3: round 2 ended. Hai won round 1, so round 2's first prize goes to Năm (one prize per person).
    s.t.clock.set('2026-03-04T02:00:00.000Z');
    s.organiser = await loginAs(s.t, {
      role: 'secretariat',
      unitId: s.tree.province,
      email: s.organiser.email,
    });
    const r2 = (await call('POST', `/api/contest/contests/${contestId}/rounds/d2/close`)).json();
    const d2 = r2.rounds.find((r: { roundKey: string }) => r.roundKey === 'd2');
    expect(d2.predictionTrueValue).toBe(2);
    expect(
      d2.groups[0].rows.map((r: { name: string; prize: string | null }) => `${r.name}:${r.prize ?? '-'}`),
    ).toEqual(['Lê Thị Hai:-', 'Vũ Văn Năm:first']);

    const closedContest = await call('POST', `/api/contest/contests/${contestId}/close`);
    expect(closedContest.statusCode).toBe(200);
    const results = (await call('GET', `/api/contest/contests/${contestId}/results`)).json();
    // The board over both days ranks each person's best attempt and awards nothing.
    const all = results.rounds.find((r: { roundKey: string }) => r.roundKey === 'all');
    expect(all.groups[0].rows.every((r: { prize: string | null }) => r.prize === null)).toBe(true);
    // Hand-computed: rate % + 10/8/6/4 points. communeA 5/10 → 50 + 4 + 10 + 10 = 74; department 3/8 → 37.5 +
    // 10 + 8 + 6 = 61.5; communeB 2/20 → 10 + 8 = 18.
    expect(
      results.collective.map((c: { unitId: number; score: number; prize: string | null }) => [
        c.unitId,
        c.score,
        c.prize,
      ]),
    ).toEqual([
      [s.tree.communeA, 74, 'Giải Nhất tập thể'],
      [s.tree.department, 61.5, null],
      [s.tree.communeB, 18, null],
    ]);
    const kpi = await s.t.deps.db
      .selectFrom('kpiValues')
      .innerJoin('kpiDefinitions', 'kpiDefinitions.id', 'kpiValues.kpiId')
      .select(['kpiValues.unitId', 'kpiValues.numerator', 'kpiValues.denominator', 'kpiValues.periodCode'])
      .where('kpiDefinitions.code', '=', 'CONTEST_PARTICIPATION_RATE')
      .execute();
    expect(kpi.find((k) => k.unitId === s.tree.communeA)).toMatchObject({
      numerator: 5,
      denominator: 10,
      periodCode: '2026',
    });

    const participation = (await call('GET', `/api/contest/contests/${contestId}/participation`)).json();
    expect(participation.byGroup.find((g: { groupKey: string }) => g.groupKey === 'officials')).toMatchObject(
      { participants: 6, attempts: 8 },
    );
    expect(participation.byUnit[0]).toMatchObject({ unitId: s.tree.communeB, participants: 2, rate: 0.1 });

    const xlsx = await call('GET', `/api/contest/contests/${contestId}/results.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Ngày 1', 'Ngày 2', 'Cả đợt', 'Giải tập thể']);
    expect(book.getWorksheet('Ngày 1')?.getRow(4).getCell(3).value).toBe('Lê Thị Hai');
    // A reader who is not an organiser may see results but not download personal data.
    const leader = await loginAs(s.t, { role: 'leader', unitId: s.tree.province });
    expect(
      (await call('GET', `/api/contest/contests/${contestId}/results`, undefined, leader.headers)).statusCode,
    ).toBe(200);
    expect(
      (await call('GET', `/api/contest/contests/${contestId}/results.xlsx`, undefined, leader.headers))
        .statusCode,
    ).toBe(403);
    // Public final board: names masked, prizes shown.
    const pubBoard = (
      await pub('GET', `/api/public/contests/${slug}/leaderboard?round=d1&group=officials`)
    ).json();
    expect(pubBoard.final).toBe(true);
    expect(pubBoard.rows[0]).toMatchObject({ name: 'Lê T. H.', prize: 'first' });
  }, 60_000);
});
