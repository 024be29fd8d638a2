import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { VN_MOTTO, VN_MOTTO_SUB, vietnameseDateWords } from '../../../lib/docx-admin.js';
import { caller, createOpenPeriod } from '../measure-test-fixtures.js';
import { publishedPeriod, unzip } from './exports.test-helpers.js';
import { presentNumber } from './exports.workbook.js';
import { formatValue } from './report-docx.js';

const EVIL = '=HYPERLINK("http://evil.example","Phường Phan Đình Phùng")';

type Ranked = {
  unitId: number;
  unitName: string;
  points: number;
  applicableMax: number;
  value: number;
  rank: number;
};

describe.each(testDialects())('measure exports on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let leader: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let officerDept: LoggedIn;
  let periodId: number;
  let ranking: Ranked[];
  let snapshotId: number;
  const xlsx = (id = periodId, q = '') => `/api/measure/periods/${id}/results.xlsx${q}`;
  const docx = (id = periodId, q = '') => `/api/measure/periods/${id}/report.docx${q}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    // A unit name that a spreadsheet would run as a formula, were it not neutralised.
    await t.deps.db.updateTable('units').set({ name: EVIL }).where('id', '=', units.communeA).execute();
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    leader = await loginAs(t, { role: 'leader', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    officerDept = await loginAs(t, { role: 'officer', unitId: units.department });
    ({ periodId } = await publishedPeriod(t, units, { secretariat, officerA, officerB }));
    const res = await caller(t)(secretariat, 'GET', `/api/measure/periods/${periodId}/ranking`);
    ranking = res.json().units;
    snapshotId = res.json().snapshotId;
  }, 60_000);
  afterAll(async () => t.close());

  it('answers 401 without a session and 403 to officers (of a ranked unit or another one)', async () => {
    const call = caller(t);
    for (const url of [xlsx(), docx()]) {
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
      for (const officer of [officerA, officerDept]) {
        const res = await call(officer, 'GET', url);
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Đại Phúc');
      }
    }
  });

  it('answers 400 on bad queries and 404 on unknown periods, snapshots and unpublished periods', async () => {
    const call = caller(t);
    expect((await call(secretariat, 'GET', xlsx(periodId, '?snapshotId=abc'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', xlsx(periodId, '?other=1'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', docx(periodId, '?number=%01x'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', docx(periodId, `?number=${'9'.repeat(21)}`))).statusCode).toBe(
      400,
    );
    expect((await call(secretariat, 'GET', xlsx(999_999))).statusCode).toBe(404);
    expect((await call(secretariat, 'GET', xlsx(periodId, '?snapshotId=999999'))).statusCode).toBe(404);
    const { periodId: draft } = await createOpenPeriod(t, secretariat, units.province);
    const unpublished = await call(secretariat, 'GET', docx(draft));
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.json().code).toBe('NOT_FOUND');
  });

  it('exports the ranking sheet with the snapshot numbers and neutralised text', async () => {
    expect(ranking.map((u) => [u.unitId, u.points, u.applicableMax, u.value, u.rank])).toEqual([
      [units.communeB, 60, 80, 0.75, 1],
      [units.communeA, 72, 100, 0.72, 2],
    ]);
    const res = await caller(t)(leader, 'GET', xlsx(periodId, `?snapshotId=${snapshotId}`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Xếp hạng',
      'Chỉ số chính',
      'Trụ cột',
      'Chỉ số thành phần',
    ]);
    const sheet = book.getWorksheet('Xếp hạng');
    if (!sheet) throw new Error('no ranking sheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('Hạng');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const rows = [2, 3].map((r) => sheet.getRow(r).values as unknown[]);
    expect(rows.map((v) => [v[1], v[4], v[6], v[7], v[8], v[9]])).toEqual(
      ranking.map((u) => [
        u.rank,
        u.unitId === units.communeA ? `'${EVIL}` : u.unitName,
        u.points,
        u.applicableMax,
        u.value,
        'Hình thành',
      ]),
    );
    const evil = sheet.getRow(3).getCell(4);
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('#,##0.00');
  });

  it('exports main indices, pillars and components whose points add up to the totals', async () => {
    const res = await caller(t)(secretariat, 'GET', xlsx());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheetOf = (name: string) => {
      const found = book.getWorksheet(name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    };
    const mains = sheetOf('Chỉ số chính');
    expect(mains.getRow(1).getCell(4).value).toBe('M1. Chính quyền số – điểm');
    // A is ranked second: M1 = 10 + 32 = 42 (0.7), M2 = 10 + 20 = 30 (0.75).
    expect((mains.getRow(3).values as unknown[]).slice(4, 8)).toEqual([42, 0.7, 30, 0.75]);
    const pillars = sheetOf('Trụ cột');
    expect(pillars.getRow(1).getCell(4).value).toBe('Chính quyền số – điểm');
    // B leads: government pillar 20 + 40 of 60 = 1.
    expect((pillars.getRow(2).values as unknown[]).slice(4, 6)).toEqual([60, 1]);
    const comps = sheetOf('Chỉ số thành phần');
    const byUnit = new Map<string, number>();
    const lines: unknown[][] = [];
    comps.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      lines.push([
        v[3],
        v[6] ?? null,
        v[7] ?? null,
        v[8] ?? null,
        v[14] ?? null,
        v[15] ?? null,
        v[16] ?? null,
      ]);
      byUnit.set(String(v[1]), (byUnit.get(String(v[1])) ?? 0) + Number(v[15] ?? 0));
    });
    expect(lines).toHaveLength(8);
    // Unit A's C1: entered 3 meetings (self 15), appraised 10 with the appraiser's comment; C2: 40 of 50 → 32.
    expect(lines.slice(4, 6)).toEqual([
      ['C1', null, null, null, 15, 10, 'Chỉ 2 biên bản họp hợp lệ'],
      ['C2', null, 40, 50, 32, 32, null],
    ]);
    // Not applicable shows the unit's reason, not a bare mark.
    expect(lines[3]).toEqual(['C4', 'Xã không có đơn vị sự nghiệp công lập', null, null, null, null, null]);
    expect([...byUnit.values()]).toEqual(ranking.map((u) => u.points));
  });

  it('rounds summed points at presentation only (no float noise in a cell)', () => {
    expect(presentNumber(17.499999999999996)).toBe(17.5);
    expect(presentNumber(0.1 + 0.2)).toBe(0.3);
    expect(presentNumber(0.7234567891)).toBe(0.723457);
    expect(presentNumber(42)).toBe(42);
    expect(presentNumber('=1+1')).toBe('=1+1');
    expect(presentNumber(null)).toBe(null);
  });

  it('shows the change against the previous published period of the same root', async () => {
    // 2026: B's committee head is now the chairman: 20 + 40 + 20 of 80 = 1 (was 0.75); A unchanged.
    const next = await publishedPeriod(
      t,
      units,
      { secretariat, officerA, officerB },
      { year: 2026, chooseB: 'chair' },
    );
    const res = await caller(t)(secretariat, 'GET', xlsx(next.periodId));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Xếp hạng');
    const rows = [2, 3].map((r) => (sheet?.getRow(r).values ?? []) as unknown[]);
    expect(rows.map((v) => [v[4], v[8], v[10], v[11]])).toEqual([
      ['Xã Đại Phúc', 1, 0.25, 0],
      [`'${EVIL}`, 0.72, 0, 0],
    ]);
  });

  it('writes the committee report in the administrative format with the right numbers and charts', async () => {
    const res = await caller(t)(
      leader,
      'GET',
      docx(periodId, '?number=15&signerName=Nguy%E1%BB%85n%20V%C4%83n%20A'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const files = unzip(res.rawPayload);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      VN_MOTTO,
      VN_MOTTO_SUB,
      'UBND TỈNH THÁI NGUYÊN',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: 15/BC-SKHCN',
      `Thái Nguyên, ${vietnameseDateWords(t.clock.now())}`,
      'BÁO CÁO',
      'Kết quả đánh giá, xếp hạng mức độ chuyển đổi số',
      'Xã Đại Phúc',
      'HYPERLINK',
      formatValue(0.75),
      formatValue(0.72),
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Nguyễn Văn A',
      'Nơi nhận:',
      // Computed at the fixed clock's instant, shown as the Vietnamese calendar date.
      `kết quả được tính ngày ${vietnameseDateText(vietnamDate(t.clock.now()))}`,
    ]) {
      expect(text).toContain(expected);
    }
    // The average value (0.735) and the main indices' averages: M1 (1 + 0.7)/2, M2 (0 + 0.75)/2.
    expect(text).toContain(`trung bình đạt ${formatValue(0.735)}`);
    expect(text).toContain(`Chính quyền số60${formatValue(0.85)}`);
    expect(text).toContain(`Xã hội số40${formatValue(0.375)}`);
    expect(files.get('word/styles.xml')?.toString('utf8')).toContain('Times New Roman');
    expect(xml).toContain('w:top="1134"');
    expect(xml).toContain('w:left="1701"');
    const media = [...files.keys()].filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(3);
    for (const name of media) {
      expect(files.get(name)?.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });
});
