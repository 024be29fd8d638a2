import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, PNG_1X1 } from '../../../../test/helpers/file-fixtures.js';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { buildZip, deflatePart, partsOf } from '../../../../test/helpers/zip-builder.js';
import { AppError } from '../../../lib/errors.js';
import { createSteerTestApp, type SteerTestContext } from '../tasks/steer-tasks-test-fixtures.js';
import { buildSampleAppendix, type SampleRow } from './appendix-sample.js';
import { createSteerImportServices } from './import.feature.js';

// The appendix import API on both databases: upload → preview (units matched, names to pick, row errors) → confirm
// creates the plan's groups and tasks in one transaction; bad files are 4xx problems with nothing stored; a failed
// confirm saves nothing; a large file is read by the background job with progress.

// Names as the test tree has them (Sở KH&CN, Phường Phan Đình Phùng, Xã Đại Phúc), one unknown (Sở Tài chính).
const ROWS: SampleRow[] = [
  { stt: 'I', title: 'CHÍNH QUYỀN SỐ' },
  {
    stt: 1,
    title: 'Vận hành IOC của tỉnh',
    lead: 'Sở KH&CN',
    coordinators: 'UBND phường Phan Đình Phùng; Các sở, ban, ngành',
    deadline: 'Quý II',
    product: 'IOC vận hành',
    mergeLead: 3,
  },
  {
    stt: 2,
    title: 'Số hóa hồ sơ thủ tục hành chính',
    coordinators: 'UBND xã Đại Phúc',
    deadline: '6 tháng đầu năm',
  },
  { stt: '2.1', title: 'Số hóa hồ sơ cấp xã', deadline: 'Tháng 3/2026' },
  { stt: 'II', title: 'KINH TẾ SỐ' },
  { stt: 1, title: 'Hỗ trợ doanh nghiệp chuyển đổi số', lead: 'Sở Tài chính', deadline: 'Thường xuyên' },
];

describe.each(testDialects())('Steer appendix import API on %s', (dialect) => {
  let c: SteerTestContext;
  let secretariat: LoggedIn;
  let other: LoggedIn;
  let planId: number;
  beforeAll(async () => {
    c = await createSteerTestApp(dialect);
    secretariat = await c.login('secretariat', c.tree.province);
    other = await c.login('secretariat', c.tree.province);
    const plan = await c.services.plans.create(c.ctx(c.people.secretariat), {
      numberSymbol: '15/KH-BCĐCĐS',
      issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
      issuingUnitId: c.tree.province,
      issuedOn: '2026-01-15',
      title: 'Kế hoạch chuyển đổi số năm 2026',
      legalBasis: [],
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    planId = plan.id;
  }, 60_000);
  afterAll(async () => c.t.close());

  const upload = (who: LoggedIn, data: Buffer, plan = planId, lang = 'vi') => {
    const body = multipartBody({ name: 'phu-luc.xlsx', data });
    return c.t.app.inject({
      method: 'POST',
      url: `/api/steer/plans/${plan}/imports`,
      headers: { ...who.headers, ...body.headers, 'accept-language': lang },
      payload: body.payload,
    });
  };
  const call = (who: LoggedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    c.t.app.inject({ method, url, headers: { ...who.headers, 'accept-language': 'vi' }, payload });
  const count = async (table: 'steerTasks' | 'steerTaskGroups' | 'steerImports') =>
    Number(
      (
        await c.t.deps.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  let importId: number;
  it('previews groups, tasks, matched units, resolved deadlines and the names to pick; nothing saved', async () => {
    const tasksBefore = await count('steerTasks');
    const res = await upload(secretariat, await buildSampleAppendix(2026, { rows: ROWS }));
    expect(res.statusCode).toBe(201);
    const view = res.json();
    importId = view.id;
    expect(view).toMatchObject({ status: 'ready', taskCount: 4, errorCount: 0, planId });
    expect(view.groups.map((g: { code: string }) => g.code)).toEqual(['I', 'II']);
    const [t1, t2, t21, t3] = view.tasks;
    expect(t1).toMatchObject({
      code: '1',
      groupCode: 'I',
      lead: { name: 'Sở KH&CN', unit: { id: c.tree.department } },
      deadline: { written: 'Quý II', due: '2026-06-30' },
    });
    expect(t1.coordinators.map((n: { unit: { id: number } | null }) => n.unit?.id ?? null)).toEqual([
      c.tree.communeA,
      null,
    ]);
    // The lead merged down over rows 9–11 leads task 2 and its sub-task 2.1 too.
    expect(t2).toMatchObject({ code: '2', lead: { unit: { id: c.tree.department } } });
    expect(t2.coordinators[0].unit.id).toBe(c.tree.communeB);
    expect(t21).toMatchObject({ code: '2.1', depth: 1, parentRow: t2.row, deadline: { due: '2026-03-31' } });
    expect(t3).toMatchObject({ groupCode: 'II', lead: { name: 'Sở Tài chính', unit: null } });
    expect(view.unresolved).toEqual([
      expect.objectContaining({ name: 'Các sở, ban, ngành', reason: 'collective', asLead: false }),
      expect.objectContaining({ name: 'Sở Tài chính', reason: 'unknown', asLead: true, rows: [t3.row] }),
    ]);
    expect(view.units.map((u: { name: string }) => u.name)).toContain('Xã Đại Phúc');
    expect(await count('steerTasks')).toBe(tasksBefore);
  });

  it('shows an import to its uploader only', async () => {
    expect((await call(secretariat, 'GET', `/api/steer/imports/${importId}`)).json().status).toBe('ready');
    const res = await call(other, 'GET', `/api/steer/imports/${importId}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to confirm while a name has no unit, naming it, and saves nothing', async () => {
    const before = await count('steerTasks');
    const res = await call(secretariat, 'POST', `/api/steer/imports/${importId}/confirm`, {
      resolutions: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('Chưa chọn đơn vị cho: Các sở, ban, ngành; Sở Tài chính');
    const lead = await call(secretariat, 'POST', `/api/steer/imports/${importId}/confirm`, {
      resolutions: [
        { key: 'cac so ban nganh', unitId: null },
        { key: 'so tai chinh', unitId: null },
      ],
    });
    expect(lead.statusCode).toBe(400);
    expect(lead.json().errors[0].message).toBe('Hãy chọn đơn vị chủ trì cho "Sở Tài chính"');
    expect(await count('steerTasks')).toBe(before);
  });

  it('a confirm that fails half-way saves nothing (one transaction)', async () => {
    const real = c.services.tasks;
    let n = 0;
    const failing = createSteerImportServices(
      c.t.deps,
      {
        createTask: async (ctx, input, exec) => {
          if (++n === 3)
            throw new AppError('VALIDATION', { detailKey: 'steer.one_lead_unit', params: { count: 2 } });
          return real.createTask(ctx, input, exec);
        },
      },
      c.services.plans,
    );
    const ctx = c.ctx(c.people.secretariat);
    const data = await buildSampleAppendix(2026, { rows: ROWS });
    const mine = await failing.upload(
      ctx,
      planId,
      { fileName: 'a.xlsx', buffer: data, expandedBytes: 1 },
      'vi',
    );
    const [tasks, groups] = [await count('steerTasks'), await count('steerTaskGroups')];
    const error = await failing
      .confirm(
        ctx,
        mine.id,
        {
          resolutions: [
            { key: 'cac so ban nganh', unitId: null },
            { key: 'so tai chinh', unitId: c.tree.department },
          ],
        },
        'vi',
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detailKey).toBe('steer_import.row_refused');
    expect((error as AppError).params.row).toBe(11);
    expect(n).toBe(3);
    expect([await count('steerTasks'), await count('steerTaskGroups')]).toEqual([tasks, groups]);
    expect((await failing.get(ctx.actor, mine.id, 'vi')).status).toBe('ready');
  });

  it("confirms: the plan's groups and tasks, sub-task under its parent, coordinators, audited; once", async () => {
    const res = await call(secretariat, 'POST', `/api/steer/imports/${importId}/confirm`, {
      resolutions: [
        { key: 'cac so ban nganh', unitId: null },
        { key: 'so tai chinh', unitId: c.tree.department },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', result: { groups: 2, tasks: 4 } });
    const tree = (await call(secretariat, 'GET', `/api/steer/plans/${planId}/tree`)).json();
    expect(JSON.stringify(tree)).toContain('Vận hành IOC của tỉnh');
    const tasks = await c.t.deps.db
      .selectFrom('steerTasks')
      .select(['id', 'code', 'parentId', 'groupId', 'leadUnitId', 'deadlineDue', 'sourceKind'])
      .where('planId', '=', planId)
      .orderBy('id')
      .execute();
    expect(tasks.map((t) => [t.code, t.leadUnitId, t.deadlineDue, t.sourceKind])).toEqual([
      ['1', c.tree.department, '2026-06-30', 'import'],
      ['2', c.tree.department, '2026-06-30', 'import'],
      ['2.1', c.tree.department, '2026-03-31', 'import'],
      ['1', c.tree.department, null, 'import'],
    ]);
    expect(tasks[2].parentId).toBe(tasks[1].id);
    expect(tasks[0].groupId).not.toBe(tasks[3].groupId);
    const coordinators = await c.t.deps.db
      .selectFrom('steerTaskCoordinators')
      .select('unitId')
      .where('taskId', '=', tasks[0].id)
      .execute();
    expect(coordinators.map((r) => r.unitId)).toEqual([c.tree.communeA]);
    const audit = await c.t.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'in', ['steer.import.upload', 'steer.import.confirm', 'steer.task.create'])
      .execute();
    expect(audit.filter((a) => a.action === 'steer.import.confirm')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'steer.task.create').length).toBeGreaterThanOrEqual(4);
    const again = await call(secretariat, 'POST', `/api/steer/imports/${importId}/confirm`, {
      resolutions: [],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Phụ lục này đã được nhập vào kế hoạch');
  });

  it('lists row errors with row numbers and will not confirm them', async () => {
    const res = await upload(
      secretariat,
      await buildSampleAppendix(2026, {
        rows: [
          { stt: 1, title: 'Việc một', lead: 'Sở KH&CN', deadline: 'Sớm nhất có thể' },
          { stt: 2, title: 'Việc hai', lead: 'Sở KH&CN; Xã Đại Phúc', deadline: 'Quý I' },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'invalid', errorCount: 2 });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [8, 'deadline'],
      [9, 'lead'],
    ]);
    expect(res.json().errors[0].message).toContain('Không hiểu thời hạn "Sớm nhất có thể"');
    const confirm = await call(secretariat, 'POST', `/api/steer/imports/${res.json().id}/confirm`, {});
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().detail).toBe('Phụ lục còn dòng lỗi; hãy sửa tệp và tải lên lại');
  });

  it('refuses bad files with a 4xx problem in Vietnamese (English on request), storing nothing', async () => {
    const before = await count('steerImports');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Phụ lục');
    ws.addRow(['STT', 'Nội dung nhiệm vụ', 'Đơn vị phối hợp']);
    ws.addRow([1, 'Việc', 'Sở Y tế']);
    const noColumns = Buffer.from(await book.xlsx.writeBuffer());
    const missing = await upload(secretariat, noColumns);
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().detail).toContain('Tệp thiếu cột bắt buộc: Đơn vị chủ trì, Thời gian hoàn thành');
    const en = await upload(secretariat, noColumns, planId, 'en');
    expect(en.json().detail).toContain(
      'The file lacks the required columns: Đơn vị chủ trì, Thời gian hoàn thành',
    );
    const png = await upload(secretariat, PNG_1X1);
    expect(png.statusCode).toBe(415);
    expect(png.json().detail).toContain('không phải bảng tính Excel');
    const unknownPlan = await upload(secretariat, noColumns, 999_999);
    expect(unknownPlan.statusCode).toBe(404);
    const officer = await c.login('officer', c.tree.province);
    expect((await upload(officer, noColumns)).statusCode).toBe(403);
    expect(await count('steerImports')).toBe(before);
  });

  it('refuses a zip bomb before parsing and an oversized upload', async () => {
    const before = await count('steerImports');
    const parts = partsOf(await buildSampleAppendix(2026, { rows: ROWS }));
    const zeros = Buffer.alloc(1024 * 1024);
    const bomb = await deflatePart(
      'xl/sharedStrings.xml',
      (function* () {
        for (let i = 0; i < 40; i++) yield zeros;
      })(),
    );
    const res = await upload(
      secretariat,
      buildZip(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? bomb : p))),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toMatchObject({ field: 'file' });
    const huge = Buffer.concat([
      Buffer.from('PK\u0003\u0004'),
      Buffer.alloc(c.t.deps.config.uploadMaxBytes + 10),
    ]);
    expect((await upload(secretariat, huge)).statusCode).toBe(413);
    expect(await count('steerImports')).toBe(before);
  });

  it('reads a large appendix in the background job, with progress to poll', async () => {
    const rows: SampleRow[] = [{ stt: 'I', title: 'NHIỆM VỤ' }];
    for (let i = 1; i <= 1500; i++)
      rows.push({
        stt: i,
        title: `Nhiệm vụ số ${i}: ${'triển khai nền tảng số dùng chung của tỉnh '.repeat(12)}${i}`,
        lead: i % 2 ? 'Sở KH&CN' : 'UBND xã Đại Phúc',
        deadline: `Tháng ${(i % 12) + 1}`,
      });
    const res = await upload(secretariat, await buildSampleAppendix(2026, { rows }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'parsing', tasks: [] });
    let view = res.json();
    for (let i = 0; i < 200 && view.status === 'parsing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = (await call(secretariat, 'GET', `/api/steer/imports/${view.id}`)).json();
    }
    expect(view).toMatchObject({ status: 'ready', taskCount: 1500, errorCount: 0, unresolved: [] });
    expect(view.progress.processedRows).toBe(view.progress.totalRows);
    const file = await c.t.deps.db
      .selectFrom('steerImportFiles')
      .selectAll()
      .where('importId', '=', view.id)
      .execute();
    expect(file).toEqual([]);
  }, 60_000);

  it('hands out the sample appendix to those who may import', async () => {
    const res = await call(secretariat, 'GET', '/api/steer/import-template.xlsx?year=2027');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('phu-luc-nhiem-vu-mau-2027.xlsx');
    const officer = await c.login('officer', c.tree.province);
    expect((await call(officer, 'GET', '/api/steer/import-template.xlsx')).statusCode).toBe(403);
  });
});
