import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTexts } from '../../../../test/helpers/pdf-text.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { unzip } from '../../measure/exports/exports.test-helpers.js';
import { type ContestScenario, contestConfig, contestScenario } from '../contest-test-fixtures.js';

// The organiser's outputs and the certificates on both databases: a contest with a fixed set of 4 questions,
// ten participants whose attempts are written as a Guttman pattern (score k: the first k questions right, the
// wrong ones all on the option after the key), round 1 closed; then item statistics (figures by hand), their
// workbook, the decision's DOCX, the participation dashboard by block with its laggards, the bulletin as xlsx
// and DOCX, and certificates downloaded with a participant token and verified at the public address.

const docxText = (b: Buffer) =>
  (unzip(b).get('word/document.xml')?.toString('utf8') ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testDialects())('contest outputs and certificates on %s', (dialect) => {
  let s: ContestScenario;
  let id: number;
  const slug = 'thi-thong-ke';
  const people: { name: string; group: string; unit: () => number; score: number; token: string }[] = [];
  beforeAll(async () => {
    s = await contestScenario(dialect);
    const q = s.questions.slice(0, 4);
    const config = contestConfig(s, {
      selection: { mode: 'fixed', questionIds: q.map((x) => x.id) },
      participationCertificates: true,
    });
    const created = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: { unitId: s.tree.province, title: 'Tìm hiểu chuyển đổi số', slug, config },
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(
      (
        await s.t.app.inject({
          method: 'POST',
          url: `/api/contest/contests/${id}/open`,
          headers: s.organiser.headers,
        })
      ).statusCode,
    ).toBe(200);
    const roster: [string, string, number, number][] = [
      ['Nguyễn Văn An', 'officials', s.tree.department, 4],
      ['Trần Thị Bình', 'officials', s.tree.department, 4],
      ['Lê Văn Cường', 'officials', s.tree.communeA, 3],
      ['Phạm Thị Dung', 'officials', s.tree.communeA, 3],
      ['Hoàng Văn Em', 'officials', s.tree.communeA, 2],
      ['Vũ Thị Giang', 'officials', s.tree.communeB, 2],
      ['Đỗ Văn Hải', 'citizens', s.tree.communeA, 1],
      ['Bùi Thị Khánh', 'citizens', s.tree.communeB, 1],
      ['Ngô Văn Long', 'citizens', s.tree.communeA, 0],
      ['Mai Thị Nga', 'citizens', s.tree.communeA, 0],
    ];
    const db = s.t.deps.db;
    let n = 0;
    for (const [name, group, unitId, score] of roster) {
      const token = `token-${dialect}-${n}`;
      const p = await db
        .insertInto('contestParticipants')
        .values({
          contestId: id,
          groupKey: group,
          fullName: name,
          unitId,
          tokenHash: sha256(token),
          verified: 1,
          createdAt: '2026-03-02T01:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const answers = Object.fromEntries(
        q.map((x, j) => [x.id, [j < score ? x.correct : (x.correct + 1) % 4]]),
      );
      await db
        .insertInto('contestAttempts')
        .values({
          contestId: id,
          participantId: p.id,
          roundKey: 'd1',
          seq: 1,
          seed: `s${n}`,
          drawJson: JSON.stringify(q.map((x) => ({ questionId: x.id, optionOrder: [0, 1, 2, 3] }))),
          answersJson: JSON.stringify(answers),
          prediction: 2,
          status: 'submitted',
          startedAt: '2026-03-02T02:00:00.000Z',
          deadlineAt: '2026-03-02T02:10:00.000Z',
          submittedAt: `2026-03-02T02:0${n % 10}:30.000Z`,
          score,
          total: 4,
          durationMs: 60_000 + n * 1000,
        })
        .execute();
      people.push({ name, group, unit: () => unitId, score, token });
      n++;
    }
  }, 60_000);
  afterAll(async () => s?.t.close());
  const get = (url: string, headers: Record<string, string> = s.organiser.headers) =>
    s.t.app.inject({ method: 'GET', url, headers });

  it('item statistics wait for the round to close, then give the figures worked by hand', async () => {
    const early = await get(`/api/contest/contests/${id}/item-stats?round=d1`);
    expect(early.statusCode).toBe(200);
    expect(early.json()).toMatchObject({ closed: false, attempts: 0, items: [] });
    s.t.clock.set('2026-03-03T02:00:00.000Z');
    const { loginAs } = await import('../../../../test/helpers/login.js');
    s.organiser = await loginAs(s.t, {
      role: 'secretariat',
      unitId: s.tree.province,
      email: s.organiser.email,
    });
    const closed = await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${id}/rounds/d1/close`,
      headers: s.organiser.headers,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await get(`/api/contest/contests/${id}/item-stats?round=d1`, {})).statusCode).toBe(401);
    const res = await get(`/api/contest/contests/${id}/item-stats?round=d1`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.closed).toBe(true);
    expect(stats.attempts).toBe(10);
    const byQ = new Map(stats.items.map((i: { questionId: number }) => [i.questionId, i]));
    const [q0, , q2, q3] = s.questions.slice(0, 4).map((x) => byQ.get(x.id) as Record<string, unknown>);
    // Scores 4,4,3,3,2,2,1,1,0,0: question j is right for those scoring more than j.
    expect(q0.facility).toBeCloseTo(0.8, 10);
    expect(q3.facility).toBeCloseTo(0.2, 10);
    expect(q0.options).toEqual([
      { text: 'Phương án 1', correct: true, count: 8 },
      { text: 'Phương án 2', correct: false, count: 2 },
      { text: 'Phương án 3', correct: false, count: 0 },
      { text: 'Phương án 4', correct: false, count: 0 },
    ]);
    // Question 4's key (option 4) is chosen twice, the option after it (1) eight times.
    expect(q3.flags).toEqual(['unused_distractor', 'distractor_beats_key']);
    expect(q3.strongDistractors).toEqual([0]);
    expect(q2.flags).toContain('distractor_beats_key');
    for (const item of stats.items) expect(item.discrimination).toBeGreaterThan(0.5);
    // A reader who is not an organiser may not see the answer key's statistics.
    const { loginAs: login } = await import('../../../../test/helpers/login.js');
    const leader = await login(s.t, { role: 'leader', unitId: s.tree.province });
    expect((await get(`/api/contest/contests/${id}/item-stats?round=d1`, leader.headers)).statusCode).toBe(
      403,
    );
    expect((await get(`/api/contest/contests/${id}/item-stats?round=nope`)).statusCode).toBe(404);

    const xlsx = await get(`/api/contest/contests/${id}/item-stats.xlsx?round=d1`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Thống kê câu hỏi', 'Phương án']);
    const rows = book.getWorksheet('Thống kê câu hỏi')?.getSheetValues() as unknown[][];
    const row4 = rows.find((r) => r?.[1] === s.questions[3].id) as unknown[];
    expect(row4[4]).toBe(20);
    expect(String(row4[8])).toContain('Có phương án nhiễu được chọn nhiều hơn đáp án đúng');
  });

  it('the decision recognising the results as DOCX: winners per group and the collective prizes', async () => {
    const res = await get(`/api/contest/contests/${id}/results.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(res.rawPayload);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Công nhận kết quả Tìm hiểu chuyển đổi số');
    expect(text).toContain('DANH SÁCH CÁ NHÂN ĐẠT GIẢI');
    expect(text).toContain('Bảng Cán bộ, công chức');
    expect(text).toMatch(/Nguyễn Văn An.*Giải Nhất/);
    expect(text).toContain('DANH SÁCH TẬP THỂ ĐẠT GIẢI');
    expect(text).toContain('Giải Nhất tập thể');
    // Nobody below the prizes is listed.
    expect(text).not.toContain('Mai Thị Nga');
    const { loginAs } = await import('../../../../test/helpers/login.js');
    const leader = await loginAs(s.t, { role: 'leader', unitId: s.tree.province });
    expect((await get(`/api/contest/contests/${id}/results.docx`, leader.headers)).statusCode).toBe(403);
  });

  it('participation by block with the laggards, and the daily bulletin as xlsx and DOCX', async () => {
    const p = (await get(`/api/contest/contests/${id}/participation`)).json();
    // communeA 6/10, communeB 2/20, department 2/8; the commune block 8/30: communeB is under half of it.
    expect(p.byBlock).toEqual([
      expect.objectContaining({ blockName: 'Khối cấp xã', units: 2, participants: 8, headcount: 30 }),
      expect.objectContaining({ blockName: 'Khối sở, ban, ngành', units: 1, participants: 2, headcount: 8 }),
    ]);
    expect(p.byBlock[0].rate).toBeCloseTo(8 / 30, 10);
    expect(p.laggards.map((u: { unitId: number }) => u.unitId)).toEqual([s.tree.communeB]);
    const xlsx = await get(`/api/contest/contests/${id}/bulletin.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Đơn vị chậm']);
    expect(book.getWorksheet('Tổng hợp')?.getRow(2).values).toEqual([
      undefined,
      'Tổng số người tham gia',
      10,
    ]);
    expect(book.getWorksheet('Đơn vị chậm')?.getRow(2).getCell(5).value).toBe(20);
    const docx = await get(`/api/contest/contests/${id}/bulletin.docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain('BẢN TIN NHANH');
    expect(text).toContain('có 10 người tham gia với 10 lượt thi');
    expect(text).toContain('Khối cấp xã');
    // A reader of the contest may take the bulletin (unit figures only).
    const { loginAs } = await import('../../../../test/helpers/login.js');
    const leader = await loginAs(s.t, { role: 'leader', unitId: s.tree.province });
    expect((await get(`/api/contest/contests/${id}/bulletin.xlsx`, leader.headers)).statusCode).toBe(200);
  });

  it('certificates: the winner downloads one with a QR code; it verifies, masked; a forged code does not', async () => {
    const winner = people[0];
    const base = `/api/public/contests/${slug}`;
    expect((await get(`${base}/certificates`, {})).statusCode).toBe(401);
    const mine = await get(`${base}/certificates`, { 'x-contest-token': winner.token });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([
      { roundKey: 'd1', round: 'Ngày 1', rank: 1, prize: 'first', kind: 'prize' },
    ]);
    const pdf = await get(`${base}/certificate.pdf?round=d1`, { 'x-contest-token': winner.token });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfTexts(pdf.rawPayload);
    expect(text).toContain('NguyễnVănAn');
    expect(text).toContain('đãđạtGiảiNhất—BảngCánbộ,côngchức');
    const code = /Mãxácminh:([A-Z0-9]+)—/.exec(text)?.[1] as string;
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    // The printed address of the verify page (the "fi" of "certificate" is one ligature glyph in the PDF).
    expect(text).toMatch(new RegExp(`kiểmtratạihttp://[^/]+/\\?contest-certi.*${code}`));
    // The second download carries the same code; the issue is audited once.
    const again = pdfTexts(
      (await get(`${base}/certificate.pdf?round=d1`, { 'x-contest-token': winner.token })).rawPayload,
    );
    expect(again).toContain(code);
    const issued = await s.t.deps.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'contest.certificate.issue')
      .execute();
    expect(issued.length).toBe(1);

    const verified = await get(`/api/public/contest-certificates/${code}`, {});
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      valid: true,
      name: 'Nguyễn V. A.',
      contest: 'Tìm hiểu chuyển đổi số',
      round: 'Ngày 1',
      group: 'Cán bộ, công chức',
      rank: 1,
      prize: 'first',
      kind: 'prize',
    });
    expect(JSON.stringify(verified.json())).not.toContain('Nguyễn Văn An');
    const forged = await get('/api/public/contest-certificates/ABCDEFGHJKLM', {});
    expect(forged.statusCode).toBe(404);
    expect(forged.json().detail).toContain('không hợp lệ');

    // Participation certificates are on: the last one ranked has one too; a round not closed has none.
    const last = people[9];
    const hers = (await get(`${base}/certificates`, { 'x-contest-token': last.token })).json();
    expect(hers.items).toEqual([
      expect.objectContaining({ roundKey: 'd1', prize: null, kind: 'participation' }),
    ]);
    const p2 = await get(`${base}/certificate.pdf?round=d1`, { 'x-contest-token': last.token });
    expect(pdfTexts(p2.rawPayload)).toContain('đãthamgiacuộcthi');
    expect(
      (await get(`${base}/certificate.pdf?round=d2`, { 'x-contest-token': last.token })).statusCode,
    ).toBe(404);
  });

  it('certificates: the organiser prints a closed round’s prize certificates in one PDF, codes kept', async () => {
    const url = `/api/contest/contests/${id}/certificates.pdf`;
    expect((await get(`${url}?round=d1`, {})).statusCode).toBe(401);
    const early = await get(`${url}?round=d2`);
    expect(early.statusCode).toBe(404);
    expect(early.json().detail).toContain('đợt thi này chưa kết thúc');
    const winners = await s.t.deps.db
      .selectFrom('contestResults')
      .select('participantId')
      .where('contestId', '=', id)
      .where('roundKey', '=', 'd1')
      .where('prize', 'is not', null)
      .execute();
    expect(winners.length).toBeGreaterThan(1);
    const issuedBefore = await s.t.deps.db
      .selectFrom('contestCertificates')
      .select(['participantId', 'code'])
      .where('contestId', '=', id)
      .execute();
    const res = await get(`${url}?round=d1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const raw = res.rawPayload.toString('latin1');
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(winners.length);
    const text = pdfTexts(res.rawPayload);
    expect(text).toContain('NguyễnVănAn');
    expect(text).toContain('đãđạtGiảiNhất');
    // A winner who had downloaded theirs keeps the same code; the others' are issued now, each audited once.
    const issued = await s.t.deps.db
      .selectFrom('contestCertificates')
      .select(['participantId', 'code'])
      .where('contestId', '=', id)
      .where('roundKey', '=', 'd1')
      .execute();
    for (const before of issuedBefore.filter((b) => winners.some((w) => w.participantId === b.participantId)))
      expect(issued).toContainEqual(before);
    for (const w of winners) {
      const code = issued.find((c) => c.participantId === w.participantId)?.code as string;
      expect(text).toContain(code);
    }
    const again = pdfTexts((await get(`${url}?round=d1`)).rawPayload);
    for (const c of issued.filter((i) => winners.some((w) => w.participantId === i.participantId)))
      expect(again).toContain(c.code);
    const audits = await s.t.deps.db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'contest.certificate.issue')
      .execute();
    const certificates = await s.t.deps.db.selectFrom('contestCertificates').select('id').execute();
    expect(audits).toHaveLength(certificates.length);
  });
});
