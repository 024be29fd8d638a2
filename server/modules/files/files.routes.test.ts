import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_UNITS,
  docxBytes,
  GIF_1X1,
  multipartBody,
  PDF_MINIMAL,
  PNG_1X1,
  xlsxBytes,
} from '../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { contentDisposition, downloadName } from '../../lib/download.js';
import { storagePath } from '../../lib/uploads.js';

describe.each(testDialects())('files routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let dataDir: string;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let admin: LoggedIn;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dxboard-files-'));
    // About 10 KB, so the 413 case needs only a small body.
    t = await createTestApp(dialect, { env: { DATA_DIR: dataDir, UPLOAD_MAX_MB: '0.01' } });
    units = await createUnitTree(t.deps.db);
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    admin = await loginAs(t, { role: 'admin', unitId: units.province });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (
    who: LoggedIn | null,
    file: Parameters<typeof multipartBody>[0],
    query = '',
    lang = 'vi',
  ) => {
    const body = multipartBody(file);
    return t.app.inject({
      method: 'POST',
      url: `/api/files${query}`,
      headers: { ...(who?.headers ?? {}), ...body.headers, 'accept-language': lang },
      payload: body.payload,
    });
  };
  const countRows = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('files')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 401 to anonymous uploads and downloads', async () => {
    expect((await upload(null, { name: 'a.png', data: PNG_1X1 })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/files/1' })).statusCode).toBe(401);
  });

  it('answers 400/415 to a body that is not one multipart file, storing nothing', async () => {
    const before = await countRows();
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: officerA.headers,
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const bad = await upload(officerA, { name: 'a.png', data: PNG_1X1 }, '?purpose=virus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('purpose');
    const fieldOnly = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--b--\r\n',
    );
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...officerA.headers, 'content-type': 'multipart/form-data; boundary=b' },
      payload: fieldOnly,
    });
    expect(noFile.statusCode).toBe(400);
    const truncated = multipartBody({ name: 'a.png', data: PNG_1X1 });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...officerA.headers, ...truncated.headers },
      payload: truncated.payload.subarray(0, truncated.payload.length - 30),
    });
    expect(broken.statusCode).toBe(400);
    expect(await countRows()).toBe(before);
  });

  it('stores an upload, fsyncs it under files/yyyy/mm, audits it and answers 201', async () => {
    const res = await upload(officerA, {
      name: 'Biên bản họp.pdf',
      data: PDF_MINIMAL,
      contentType: 'image/gif',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      mime: 'application/pdf',
      size: PDF_MINIMAL.length,
      originalName: 'Biên bản họp.pdf',
      sha256: createHash('sha256').update(PDF_MINIMAL).digest('hex'),
    });
    const row = await t.deps.db
      .selectFrom('files')
      .selectAll()
      .where('publicId', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.uploadedBy).toBe(officerA.userId);
    expect(row.storageKey).toMatch(/^2026\/03\/[0-9a-f]{32}$/);
    expect(existsSync(storagePath(join(dataDir, 'files'), row.storageKey))).toBe(true);
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'file')
      .where('entityId', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('files.upload');
    expect(audit.actorUserId).toBe(officerA.userId);
    expect(JSON.parse(audit.afterJson ?? '{}')).toMatchObject({
      mime: 'application/pdf',
      size: PDF_MINIMAL.length,
    });
  });

  it('judges a .pdf name with PNG bytes as PNG, and refuses it where PNG is not allowed', async () => {
    const asEvidence = await upload(officerA, {
      name: 'scan.pdf',
      data: PNG_1X1,
      contentType: 'application/pdf',
    });
    expect(asEvidence.statusCode).toBe(201);
    expect(asEvidence.json().mime).toBe('image/png');
    const asImport = await upload(officerA, { name: 'scan.pdf', data: PNG_1X1 }, '?purpose=import');
    expect(asImport.statusCode).toBe(415);
    expect(asImport.json().detail).toBe(
      'Nội dung tệp có định dạng png, không thuộc các định dạng được chấp nhận: csv, xlsx',
    );
    const en = await upload(officerA, { name: 'x.png', data: GIF_1X1 }, '', 'en');
    expect(en.statusCode).toBe(415);
    expect(en.json().detail).toBe(
      'The file content is gif, which is not one of the accepted types: pdf, png, jpeg, webp, docx, xlsx',
    );
  });

  it('accepts xlsx and docx evidence, and CSV imports', async () => {
    expect((await upload(officerA, { name: 'a.xlsx', data: await xlsxBytes() })).json().mime).toContain(
      'spreadsheetml',
    );
    expect((await upload(officerA, { name: 'a.docx', data: await docxBytes() })).json().mime).toContain(
      'wordprocessingml',
    );
    const csv = await upload(officerA, { name: 'units.csv', data: CSV_UNITS }, '?purpose=import');
    expect([csv.statusCode, csv.json().mime]).toEqual([201, 'text/csv']);
    expect((await upload(officerA, { name: 'units.csv', data: CSV_UNITS })).statusCode).toBe(415);
  });

  it('answers 413 above UPLOAD_MAX_MB, keeping neither a row nor bytes', async () => {
    const before = await countRows();
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(20_000, 7)]);
    const res = await upload(officerA, { name: 'big.png', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'Tệp vượt quá dung lượng cho phép (0.01 MB)',
    });
    expect(await countRows()).toBe(before);
    expect(readdirSync(join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  describe('download', () => {
    let fileId: string;
    beforeAll(async () => {
      fileId = (await upload(officerA, { name: 'Kế hoạch (số) 2026.png', data: PNG_1X1 })).json().id;
    });
    const get = (who: LoggedIn | null, id: number | string = fileId) =>
      t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: who?.headers ?? {} });

    it('streams the bytes to the uploader as a nosniff attachment', async () => {
      const res = await get(officerA);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(PNG_1X1);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Ke hoach (so) 2026.png"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28s%E1%BB%91%29%202026.png`,
      );
    });

    it('builds a safe attachment header whatever the name holds', () => {
      expect(contentDisposition('a"b\\c\u0111.pdf')).toBe(
        `attachment; filename="a_b_cd.pdf"; filename*=UTF-8''a%22b%5Cc%C4%91.pdf`,
      );
    });

    it('saves under an extension that matches the content', async () => {
      const id = (await upload(officerA, { name: 'scan.pdf', data: PNG_1X1 })).json().id;
      const res = await get(officerA, id);
      expect(res.headers['content-disposition']).toContain('filename="scan.png"');
      expect(downloadName('anh.JPG', 'image/jpeg')).toBe('anh.JPG');
      expect(downloadName('noext', 'application/pdf')).toBe('noext.pdf');
      expect(downloadName('data.txt', 'text/csv')).toBe('data.csv');
    });

    // Issue 8 #2: an admin grant anywhere used to open every file by its sequential id.
    it('keeps an upload attached to nothing to its uploader, even from the province’s admin', async () => {
      expect((await get(admin)).statusCode).toBe(403);
    });

    it('gives a file attached for a unit to the readers of that unit only', async () => {
      const id = (await upload(officerA, { name: 'bien-ban.png', data: PNG_1X1 })).json().id;
      await t.deps.db
        .updateTable('files')
        .set({ unitId: units.communeA })
        .where('publicId', '=', id)
        .execute();
      const viewerA = await loginAs(t, { role: 'viewer', unitId: units.communeA });
      const adminB = await loginAs(t, { role: 'admin', unitId: units.communeB });
      expect((await get(viewerA, id)).statusCode).toBe(200);
      expect((await get(admin, id)).statusCode).toBe(200);
      expect((await get(adminB, id)).statusCode).toBe(403);
      expect((await get(officerB, id)).statusCode).toBe(403);
    });

    it('refuses an officer of another unit with 403 and no content', async () => {
      const res = await get(officerB);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain('Kế hoạch');
    });

    it('answers 404 for an unknown or sequential id and 400 for a malformed one', async () => {
      const row = await t.deps.db
        .selectFrom('files')
        .select('id')
        .where('publicId', '=', fileId)
        .executeTakeFirstOrThrow();
      expect((await get(officerA, row.id)).statusCode).toBe(404);
      expect((await get(officerA, 'AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
      expect((await get(officerA, 'x'.repeat(65))).statusCode).toBe(400);
    });
  });
});
