import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { type FeedbackScenario, feedbackScenario } from '../feedback-test-fixtures.js';

// Merging duplicates and the xlsx export on both databases: the secretariat marks B as a duplicate of A; B is
// refused as a duplicate with a link (staff and public views), B's email followers follow A, A's timeline notes
// the merge internally, the merge is audited; bad targets are refused with nothing changed. The queue's xlsx
// keeps the filters and shows a phone only on rows the reader handles.

describe.each(testDialects())('feedback merge and export on %s', (dialect) => {
  let s: FeedbackScenario;
  beforeAll(async () => {
    s = await feedbackScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  let n = 0;
  async function submit(categoryId: number, phone: string, subscribe?: string) {
    const contact = { kind: 'phone' as const, value: phone };
    const { proof } = await s.otp(contact);
    const sent = await s.call(null, 'POST', '/api/public/feedback/reports', {
      categoryId,
      title: `Rác thải ven đường ${++n}`,
      description: 'Rác thải tập kết nhiều ngày, bốc mùi.',
      areaUnitId: s.tree.communeA,
      address: 'Thôn Đông',
      contact,
      otp: proof,
    });
    expect(sent.status, sent.raw).toBe(201);
    const row = await s.t.deps.db
      .selectFrom('feedbackReports')
      .select(['id', 'code'])
      .where('code', '=', sent.body.code)
      .executeTakeFirstOrThrow();
    if (subscribe) {
      const { proof: p2 } = await s.otp({ kind: 'email', value: subscribe }, 'subscribe');
      const sub = await s.call(null, 'POST', `/api/public/feedback/reports/${row.code}/subscribe`, {
        email: subscribe,
        otp: p2,
      });
      expect(sub.status, sub.raw).toBeLessThan(300);
    }
    return row;
  }

  it('merges B into A: B refused with a link, followers moved, audited; bad targets refused', async () => {
    const cat = await s.category({ code: 'WASTE', nameVi: 'Rác thải', defaultUnitId: s.tree.communeA });
    const a = await submit(cat.id, '0912000001');
    const b = await submit(cat.id, '0912000002', 'theo.doi@example.vn');
    const url = `/api/feedback/reports/${b.id}/merge`;

    // An officer of the commune handles but does not manage: refused.
    expect((await s.call(s.officerA, 'POST', url, { intoId: a.id })).status).toBe(403);
    // Itself, or an unknown report: a clear error, nothing changed.
    for (const intoId of [b.id, 999_999]) {
      const bad = await s.call(s.secretariat, 'POST', url, { intoId });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].code).toBe('feedback.merge_target');
    }
    const merged = await s.call(s.secretariat, 'POST', url, { intoId: a.id, reason: 'Cùng một điểm rác' });
    expect(merged.status, merged.raw).toBe(200);
    expect(merged.body.status).toBe('refused');
    expect(merged.body.refuseKind).toBe('duplicate');
    expect(merged.body.duplicateOf).toEqual({ id: a.id, code: a.code });
    // Once merged, again is not allowed; nor merging into B.
    expect((await s.call(s.secretariat, 'POST', url, { intoId: a.id })).status).toBe(409);
    const c = await submit(cat.id, '0912000003');
    const intoMerged = await s.call(s.secretariat, 'POST', `/api/feedback/reports/${c.id}/merge`, {
      intoId: b.id,
    });
    expect(intoMerged.status).toBe(400);

    const pub = await s.call(null, 'GET', `/api/public/feedback/reports/${b.code}`);
    expect(pub.body.duplicateOf).toBe(a.code);
    expect(pub.body.status).toBe('refused');
    const followers = await s.t.deps.db
      .selectFrom('feedbackSubscriptions')
      .select('email')
      .where('reportId', '=', a.id)
      .execute();
    expect(followers.map((f) => f.email)).toEqual(['theo.doi@example.vn']);
    const aView = await s.call(s.secretariat, 'GET', `/api/feedback/reports/${a.id}`);
    const note = aView.body.events.find((e: { kind: string }) => e.kind === 'merged_from');
    expect(note.isPublic).toBe(false);
    expect(note.text).toContain(b.code);
    const audit = await s.t.deps.db
      .selectFrom('auditLog')
      .select(['entityId', 'afterJson'])
      .where('action', '=', 'feedback.report.merge')
      .execute();
    expect(audit.map((x) => Number(x.entityId))).toEqual([b.id]);
  });

  it('exports the queue as xlsx with its filters; phones only where the reader handles the report', async () => {
    const read = async (who: typeof s.secretariat, query = '') => {
      const res = await s.t.app.inject({ url: `/api/feedback/reports.xlsx${query}`, headers: who.headers });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
      });
      return rows;
    };
    const all = await read(s.secretariat);
    expect(all[0].slice(0, 4)).toEqual(['Mã phản ánh', 'Tiêu đề', 'Lĩnh vực', 'Trạng thái']);
    expect(all.length).toBe(4); // header + the three reports
    expect(all.slice(1).every((r) => /^09\d{8}$/.test(r[7]))).toBe(true);
    const refused = await read(s.secretariat, '?status=refused');
    expect(refused.map((r) => r[3])).toEqual(['Trạng thái', 'Từ chối tiếp nhận']);
    // The leader reads but neither handles nor manages: phones masked.
    const leader = await read(s.leader);
    expect(leader.length).toBe(4);
    expect(leader.slice(1).every((r) => !/^09\d{8}$/.test(r[7]) && r[7].includes('*'))).toBe(true);
    // Another commune's officer sees none of commune A's reports.
    expect((await read(s.officerB)).length).toBe(1);
    const anonymous = await s.t.app.inject({ url: '/api/feedback/reports.xlsx' });
    expect(anonymous.statusCode).toBe(401);
  });
});
