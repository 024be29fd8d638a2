import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenPeriod } from '../../server/modules/measure/measure-test-fixtures.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../helpers/login.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';

// Issue 8, finding 2: a commune's admin downloaded another ward's evidence by its sequential id (any admin grant
// opened every file), attached it to its own submission, after which a plain officer of its commune could
// download it too. A file belongs to its uploader and to the unit it is attached for; reading needs read
// permission on that unit; attaching needs ownership or write permission there; ids are random.

describe.each(testDialects())('who reads and attaches an uploaded file on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let officerA: LoggedIn;
  let adminB: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let fileId: string;

  const call = (who: LoggedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const evidenceUrl = (unitId: number) =>
    `/api/measure/periods/${periodId}/units/${unitId}/submission/evidence`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await createUnitTree(t.deps.db);
    const provinceAdmin = await loginAs(t, { role: 'admin', unitId: tree.province });
    officerA = await loginAs(t, { role: 'officer', unitId: tree.communeA });
    adminB = await loginAs(t, { role: 'admin', unitId: tree.communeB });
    officerB = await loginAs(t, { role: 'officer', unitId: tree.communeB });
    ({ periodId } = await createOpenPeriod(t, provinceAdmin, tree.province));
    const body = multipartBody({ name: 'bien-ban-phuong-a.png', data: PNG_1X1, contentType: 'image/png' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=evidence',
      headers: { ...officerA.headers, ...body.headers },
      payload: body.payload,
    });
    fileId = uploaded.json().id;
    const attached = await call(officerA, 'POST', evidenceUrl(tree.communeA), {
      componentCode: 'C1',
      fileId,
    });
    expect(attached.statusCode, attached.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('shows only a random id, never the sequential one', async () => {
    expect(fileId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const row = await t.deps.db
      .selectFrom('files')
      .select(['id', 'unitId'])
      .where('publicId', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(row.unitId).toBe(tree.communeA);
    expect((await call(adminB, 'GET', `/api/files/${row.id}`)).statusCode).toBe(404);
  });

  it('refuses the file to an admin of another commune', async () => {
    const res = await call(adminB, 'GET', `/api/files/${fileId}`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to attach it to the other commune’s submission, and stores nothing', async () => {
    const count = async () => (await t.deps.db.selectFrom('measureEvidence').select('id').execute()).length;
    const before = await count();
    const res = await call(adminB, 'POST', evidenceUrl(tree.communeB), { componentCode: 'C1', fileId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'body.fileId', code: 'measure.unknown_file' });
    expect(await count()).toBe(before);
    expect((await call(officerB, 'GET', `/api/files/${fileId}`)).statusCode).toBe(403);
  });

  it('still lets readers of the file’s own unit read it', async () => {
    const viewerA = await loginAs(t, { role: 'viewer', unitId: tree.communeA });
    expect((await call(viewerA, 'GET', `/api/files/${fileId}`)).statusCode).toBe(200);
  });
});
