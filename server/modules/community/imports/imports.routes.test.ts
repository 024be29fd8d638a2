import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/helpers/file-fixtures.js';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { unzip } from '../../measure/exports/exports.test-helpers.js';
import { type CommunityScenario, communityScenario } from '../community-test-fixtures.js';

// A commune's existing spreadsheets on both databases: villages (csv), teams (xlsx), members and activities
// (csv) with a preview that lists row errors and writes nothing, then a commit; the registry and the monthly
// report as xlsx, phones masked for readers outside the commune.

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tổ');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function cellsOf(data: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((s) => s.eachRow((r) => out.push((r.values as unknown[]).slice(1).join('|'))));
  return out.join('\n');
}

describe.each(testDialects())('Community imports and exports on %s', (dialect) => {
  let s: CommunityScenario;
  beforeAll(async () => {
    s = await communityScenario(dialect);
  }, 60_000);
  afterAll(async () => s?.t.close());

  async function upload(who: LoggedIn, kind: string, name: string, data: Buffer, commit = false) {
    const body = multipartBody({ name, data });
    const res = await s.t.app.inject({
      method: 'POST',
      url: `/api/community/imports?communeId=${s.tree.communeA}&kind=${kind}&commit=${commit}`,
      headers: { ...who.headers, ...body.headers },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  }
  const csv = (text: string) => Buffer.from(text, 'utf8');

  it('imports villages, teams, members and activities with a preview and row errors', async () => {
    const villages = 'Mã,Tên,Loại\nV01,Thôn Đông,thôn\nV02,Thôn Tây,thôn\n,Thiếu mã,thôn\n';
    expect((await upload(s.officerB, 'villages', 'thon.csv', csv(villages))).status).toBe(403);
    const preview = await upload(s.officerA, 'villages', 'thon.csv', csv(villages), true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 3, valid: 2, committed: false, created: 0 });
    expect(preview.body.errors).toHaveLength(1);
    expect(preview.body.errors[0].row).toBe(4);
    const ok = await upload(
      s.officerA,
      'villages',
      'thon.csv',
      csv(villages.split('\n').slice(0, 3).join('\n')),
      true,
    );
    expect(ok.body).toMatchObject({ committed: true, created: 2, errors: [] });

    const teams = await xlsx([
      ['Thôn', 'Tên tổ', 'Số quyết định', 'Ngày quyết định', 'Người ký'],
      ['V01', 'Tổ CNSCĐ thôn Đông', '01/QĐ-UBND', '01/09/2025', 'Chủ tịch'],
      ['V02', 'Tổ CNSCĐ thôn Tây', '02/QĐ-UBND', '2025-09-15', 'Chủ tịch'],
    ]);
    const t = await upload(s.officerA, 'teams', 'to.xlsx', teams, true);
    expect(t.body).toMatchObject({ committed: true, created: 2, errors: [] });

    const members =
      'Thôn,Họ và tên,Số điện thoại,Vai trò,"Đơn vị, đoàn thể",Từ ngày\n' +
      'V01,Nguyễn Văn Đông,0912 111 222,Tổ trưởng,Công an,01/09/2025\n' +
      'V02,Trần Thị Tây,12345,Thành viên,Đoàn Thanh niên,15/09/2025\n';
    const badMembers = await upload(s.officerA, 'members', 'tv.csv', csv(members), true);
    expect(badMembers.body.committed).toBe(false);
    expect(badMembers.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'phone', message: expect.stringContaining('Số điện thoại') }),
    ]);
    expect(await s.count('communityMembers')).toBe(0);
    const goodMembers = await upload(
      s.officerA,
      'members',
      'tv.csv',
      csv(members.replace('12345', '0987 000 111')),
      true,
    );
    expect(goodMembers.body).toMatchObject({ committed: true, created: 2 });

    const acts =
      'Thôn,Ngày,Địa điểm,Hình thức,Kỹ năng,Số người,Số hộ\n' +
      'V01,10/03/2026,Nhà văn hoá,Buổi hướng dẫn tại nhà văn hoá,VNeID mức 2; Dịch vụ công trực tuyến,40,25\n' +
      'V02,12/03/2026,Nhà bà Tư,home,cashless_payment,3,1\n' +
      'V02,12/07/2026,Nhà ông Năm,home,cashless_payment,3,1\n' +
      'V01,11/03/2026,Chợ,home,cashless_payment,-2,1\n';
    const badActs = await upload(s.officerA, 'activities', 'hd.csv', csv(acts), true);
    expect(badActs.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'date'],
      [5, 'people'],
    ]);
    expect(await s.count('communityActivities')).toBe(0);
    const goodActs = await upload(
      s.officerA,
      'activities',
      'hd.csv',
      csv(acts.split('\n').slice(0, 3).join('\n')),
      true,
    );
    expect(goodActs.body).toMatchObject({ committed: true, created: 2 });
    expect(await s.kpi(s.tree.communeA, 'COMMUNITY_ACTIVITIES', '2026')).toBe(2);
  });

  it('refuses an unreadable file without writing anything', async () => {
    const res = await upload(s.officerA, 'teams', 'to.xlsx', Buffer.from('not a workbook'), true);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('exports the registry (phones masked outside the commune) and the monthly report', async () => {
    const own = await s.t.app.inject({
      url: `/api/community/exports/registry.xlsx?unitId=${s.tree.communeA}`,
      headers: s.officerA.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('spreadsheetml');
    const ownText = await cellsOf(own.rawPayload);
    expect(ownText).toContain('Tổ CNSCĐ thôn Đông');
    expect(ownText).toContain('0912111222');
    const province = await s.t.app.inject({
      url: `/api/community/exports/registry.xlsx?unitId=${s.tree.province}`,
      headers: s.leader.headers,
    });
    const provinceText = await cellsOf(province.rawPayload);
    expect(provinceText).toContain('091****222');
    expect(provinceText).not.toContain('0912111222');
    const report = await s.t.app.inject({
      url: `/api/community/exports/report.xlsx?unitId=${s.tree.province}&year=2026`,
      headers: s.leader.headers,
    });
    const reportText = await cellsOf(report.rawPayload);
    expect(reportText).toContain('3/2026|2|43|26|2|43');
    expect(
      (
        await s.t.app.inject({
          url: `/api/community/exports/report.xlsx?unitId=${s.tree.communeA}&year=2026`,
          headers: s.officerB.headers,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('exports the registry and the monthly report as administrative documents (DOCX)', async () => {
    const textOf = (docx: Buffer) =>
      (unzip(docx).get('word/document.xml')?.toString('utf8') ?? '')
        .replace(/<w:tab\/>/g, ' ')
        .replace(/<\/w:p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&');
    const own = await s.t.app.inject({
      url: `/api/community/exports/registry.docx?unitId=${s.tree.communeA}`,
      headers: s.officerA.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('wordprocessingml');
    expect(own.headers['content-disposition']).toContain('so-to-cong-nghe-so.docx');
    const ownText = textOf(own.rawPayload);
    for (const line of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Nơi nhận:',
    ])
      expect(ownText).toContain(line);
    expect(ownText).toContain('Tổ CNSCĐ thôn Đông');
    expect(ownText).toContain('0912111222');
    const province = await s.t.app.inject({
      url: `/api/community/exports/registry.docx?unitId=${s.tree.province}`,
      headers: s.leader.headers,
    });
    const provinceText = textOf(province.rawPayload);
    expect(provinceText).toContain('091****222');
    expect(provinceText).not.toContain('0912111222');
    const report = await s.t.app.inject({
      url: `/api/community/exports/report.docx?unitId=${s.tree.province}&year=2026`,
      headers: s.leader.headers,
    });
    expect(report.statusCode).toBe(200);
    const reportText = textOf(report.rawPayload);
    expect(reportText).toContain('Kết quả hoạt động của tổ công nghệ số cộng đồng');
    expect(reportText).toContain('II. KẾT QUẢ THEO THÁNG');
    // March 2026 as in the workbook: 2 sessions, 43 people, 26 households, cumulative 2 and 43.
    expect(reportText.replace(/\s+/g, '|')).toContain('3/2026|2|43|26|2|43');
    expect(
      (
        await s.t.app.inject({
          url: `/api/community/exports/report.docx?unitId=${s.tree.communeA}&year=2026`,
          headers: s.officerB.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});
