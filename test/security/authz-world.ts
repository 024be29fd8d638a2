import ExcelJS from 'exceljs';
import { ensureKpiCatalogueOnStartup } from '../../server/modules/kpis/kpis.module.js';
import { testFramework } from '../../server/modules/measure/measure-test-fixtures.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { createUserWithGrant, type LoggedIn, loginAs, randomIp, TEST_PASSWORD } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';
import { seedCommunityWorld } from './authz-world-community.js';
import { seedContestWorld } from './authz-world-contest.js';
import { seedFeedbackWorld } from './authz-world-feedback.js';
import { seedNewsWorld } from './authz-world-news.js';
import { seedSteerImportWorld } from './authz-world-steer-import.js';
import { seedSteerMeetingsWorld } from './authz-world-steer-meetings.js';
import { seedSteerRegistersWorld } from './authz-world-steer-registers.js';
import { seedSteerReportsWorld } from './authz-world-steer-reports.js';
import { seedSteerTasksWorld } from './authz-world-steer-tasks.js';
import { seedSteerUrgingWorld } from './authz-world-steer-urging.js';

// The seeded world the authorisation matrix runs in. The principals under test hold their roles on `home`
// (a commune); `sibling` is the commune next to it and `province` the top-level unit above both. Everything
// that belongs to the sibling or only to the province carries a marker in its name (MARKERS), so a response
// that shows it to a principal of `home` is caught by a plain text search. The sibling unit's own name carries
// UNIT_MARKER, which a ranking may show by design.

export const MARKERS = { sibling: 'zqsib', province: 'zqprov' } as const;
export const UNIT_MARKER = 'zqsibunit';
export type Target = 'sibling' | 'province';

type Ids = {
  unit: number;
  unitCode: string;
  period: number;
  draftPeriod: number;
  closedPeriod: number;
  publishedPeriod: number;
  framework: number;
  frameworkCode: string;
  user: number;
  token: number;
  lineage: number;
  file: string;
  kpiImport?: number;
};

export type World = {
  t: TestApp;
  tree: UnitTree;
  home: number;
  /** The province's admin: the control principal whose reads must succeed. */
  control: LoggedIn;
  sharedPeriod: number;
  evidence: number;
  fileEvidence: number;
  kpi: string;
  templateKey: string;
  frameworkXlsx: Buffer;
  /** Period participants: the units a ranking of the shared period may name. */
  participants: number[];
  ids: Record<Target, Ids>;
  /** Password-reset links mailed so far are read from here to build a fresh '$resetToken'. */
  loginEmail: string;
};

type Call = { method: string; url: string; payload?: unknown; headers?: Record<string, string> };

async function ok<T = Record<string, unknown>>(t: TestApp, who: LoggedIn, call: Call, status = [200, 201]) {
  const res = await t.app.inject({
    method: call.method as 'GET',
    url: call.url,
    headers: { ...who.headers, ...call.headers },
    ...(call.payload === undefined ? {} : { payload: call.payload as string }),
  });
  if (!status.includes(res.statusCode)) {
    throw new Error(`seed ${call.method} ${call.url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  }
  return (String(res.headers['content-type']).includes('json') ? res.json() : {}) as T;
}

async function importFramework(t: TestApp, who: LoggedIn, code: string, name: string, ownerUnitId: number) {
  const definition = testFramework({ code, name });
  const body = await ok<{ framework: { id: number } }>(t, who, {
    method: 'POST',
    url: '/api/measure/frameworks/import',
    payload: { definition, ownerUnitId },
  });
  return body.framework.id;
}

async function createPeriod(
  t: TestApp,
  who: LoggedIn,
  p: {
    name: string;
    frameworkId: number;
    root: number;
    unitIds?: number[];
    state: 'draft' | 'open' | 'closed';
  },
) {
  const scope = p.unitIds ? { unitIds: p.unitIds } : { unitKinds: ['commune', 'ward'] };
  const body = await ok<{ id: number }>(t, who, {
    method: 'POST',
    url: '/api/measure/periods',
    payload: {
      name: p.name,
      year: 2025,
      frameworkId: p.frameworkId,
      rootUnitId: p.root,
      ...scope,
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
    },
  });
  if (p.state !== 'draft') await ok(t, who, { method: 'POST', url: `/api/measure/periods/${body.id}/open` });
  if (p.state === 'closed')
    await ok(t, who, { method: 'POST', url: `/api/measure/periods/${body.id}/close` });
  return body.id;
}

/** An upload belongs to its uploader until it is attached to something of a unit. */
async function upload(t: TestApp, who: LoggedIn, name: string) {
  const body = multipartBody({ name, data: PNG_1X1, contentType: 'image/png' });
  const res = await ok<{ id: string }>(t, who, {
    method: 'POST',
    url: '/api/files?purpose=evidence',
    payload: body.payload,
    headers: body.headers,
  });
  return res.id;
}

export async function kpiXlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('values');
  sheet.addRow(['kpi_code', 'unit_code', 'period', 'value', 'numerator', 'denominator', 'note']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function uploadKpiImport(t: TestApp, who: LoggedIn, kpi: string, unitCode: string, name: string) {
  const body = multipartBody({
    name,
    data: await kpiXlsx([[kpi, unitCode, '2026-01', 5, null, null, null]]),
  });
  const res = await ok<{ id: number }>(t, who, {
    method: 'POST',
    url: '/api/kpis/imports',
    payload: body.payload,
    headers: body.headers,
  });
  return res.id;
}

async function createToken(t: TestApp, who: LoggedIn, name: string, unitId: number) {
  const res = await ok<{ id: number }>(t, who, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name, unitId, permissions: ['measure.read'] },
  });
  return res.id;
}

async function createLineage(t: TestApp, who: LoggedIn, fromUnitId: number, toUnitId: number) {
  const res = await ok<{ id: number }>(t, who, {
    method: 'POST',
    url: '/api/lineage',
    payload: {
      fromUnitId,
      toUnitId,
      kind: 'partial',
      share: 0.2,
      shareBasis: 'population',
      effectiveDate: '2025-07-01',
    },
  });
  return res.id;
}

/** A village under the sibling commune, so the sibling can run a period of its own. */
async function insertChildUnit(t: TestApp, parentId: number, province: number) {
  const db = t.deps.db;
  const parent = await db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', parentId)
    .executeTakeFirstOrThrow();
  const name = `Tổ dân phố ${UNIT_MARKER}`;
  const { id } = await db
    .insertInto('units')
    .values({
      ...parent,
      id: undefined,
      code: `${parent.code}-01`,
      name,
      searchName: name,
      type: 'ward',
      level: parent.level + 1,
      parentId,
      path: `${parent.path}/${parentId}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('unitClosure')
    .values([
      { ancestorId: id, descendantId: id, depth: 0 },
      { ancestorId: parentId, descendantId: id, depth: 1 },
      { ancestorId: province, descendantId: id, depth: 2 },
    ])
    .execute();
  return id;
}
const email = (who: string) => `${who}@test.dxboard.vn`;

export async function seedWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const tree = await createUnitTree(db);
  await ensureKpiCatalogueOnStartup(t.deps);
  const home = tree.communeB;
  const sibling = tree.communeA;
  await db
    .updateTable('units')
    .set({ name: `Phường ${UNIT_MARKER}` })
    .where('id', '=', sibling)
    .execute();
  const { province } = tree;
  const siblingChild = await insertChildUnit(t, sibling, province);

  const control = await loginAs(t, { role: 'admin', unitId: province, email: email('admin.zqprov') });
  await db
    .updateTable('users')
    .set({ fullName: 'Quản trị zqprov' })
    .where('id', '=', control.userId)
    .execute();
  const siblingAdmin = await loginAs(t, { role: 'admin', unitId: sibling, email: email('admin.zqsib') });
  const siblingOfficer = await loginAs(t, {
    role: 'officer',
    unitId: sibling,
    email: email('officer.zqsib'),
  });
  await db
    .updateTable('users')
    .set({ fullName: 'Cán bộ zqsib' })
    .where('id', 'in', [siblingAdmin.userId, siblingOfficer.userId])
    .execute();
  // The user of finding 1: an admin of the province who also views the home commune.
  const mixed = await createUserWithGrant(t, { role: 'admin', unitId: province, email: email('mixed.user') });
  await createUserWithGrant(t, { role: 'viewer', unitId: home, email: email('mixed.user') });
  const loginUser = await createUserWithGrant(t, {
    role: 'viewer',
    unitId: home,
    email: email('login.user'),
  });

  const templates = await ok<{ key: string }[]>(t, control, {
    method: 'GET',
    url: '/api/measure/framework-templates',
  });
  const provinceFramework = await importFramework(t, control, 'TEST', 'Bộ chỉ số tỉnh', province);
  const siblingFramework = await importFramework(t, siblingAdmin, 'ZQSIB', 'Bộ chỉ số zqsib', sibling);

  const sharedPeriod = await createPeriod(t, control, {
    name: 'Đánh giá chung',
    frameworkId: provinceFramework,
    root: province,
    state: 'open',
  });
  const siblingPeriod = (state: 'draft' | 'open' | 'closed', n: string, marked = true) =>
    createPeriod(t, siblingAdmin, {
      name: marked ? `Kỳ zqsib ${n}` : `Kỳ xã bên ${n}`,
      frameworkId: siblingFramework,
      root: sibling,
      unitIds: [siblingChild],
      state,
    });
  const provincePeriod = (state: 'draft' | 'closed', n: string) =>
    createPeriod(t, control, { name: `Kỳ tỉnh ${n}`, frameworkId: provinceFramework, root: province, state });

  // The sibling's entry in the shared period: values, a document and an uploaded file as evidence.
  const base = `/api/measure/periods/${sharedPeriod}/units/${sibling}/submission`;
  await ok(t, siblingOfficer, {
    method: 'PUT',
    url: `${base}/values`,
    payload: { values: { C4: { bool: true } } },
  });
  const doc = await ok<{ id: number }>(t, siblingOfficer, {
    method: 'POST',
    url: `${base}/evidence`,
    payload: {
      componentCode: 'C1',
      document: { number: '1/BB-zqsib', date: '2025-12-01', title: 'Biên bản zqsib' },
    },
  });
  const siblingFile = await upload(t, siblingOfficer, 'bien-ban-zqsib.png');
  const attached = await ok<{ id: number }>(t, siblingOfficer, {
    method: 'POST',
    url: `${base}/evidence`,
    payload: { componentCode: 'C1', fileId: siblingFile },
  });
  const provinceFile = await upload(t, control, 'quyet-dinh-zqprov.png');

  const kpi = 'EDOC_SENT';
  const codes = await db.selectFrom('units').select(['id', 'code']).execute();
  const codeOf = (id: number) => codes.find((c) => c.id === id)?.code ?? '';

  const publish = async (who: LoggedIn, periodId: number) => {
    await ok(t, who, { method: 'POST', url: `/api/measure/periods/${periodId}/publish` });
    return periodId;
  };
  const frameworkXlsxRes = await t.app.inject({
    url: `/api/measure/frameworks/${provinceFramework}/export.xlsx`,
    headers: control.headers,
  });

  const world: World = {
    t,
    tree,
    home,
    control,
    sharedPeriod,
    evidence: doc.id,
    fileEvidence: attached.id,
    kpi,
    templateKey: templates[0].key,
    frameworkXlsx: frameworkXlsxRes.rawPayload,
    // Every unit taking part in the province's published period may be named publicly: the ranking names the
    // ranked ones, the period's public detail lists the rest as "chưa công bố" (the sibling's village).
    participants: [sibling, home, siblingChild],
    loginEmail: loginUser.email,
    ids: {
      sibling: {
        unit: sibling,
        unitCode: codeOf(sibling),
        period: await siblingPeriod('open', 'mở'),
        draftPeriod: await siblingPeriod('draft', 'nháp'),
        closedPeriod: await siblingPeriod('closed', 'đóng'),
        // Published results are public by design: this period's name carries no marker.
        publishedPeriod: await publish(siblingAdmin, await siblingPeriod('closed', 'công bố', false)),
        framework: siblingFramework,
        frameworkCode: 'ZQSIB',
        user: siblingOfficer.userId,
        token: await createToken(t, siblingAdmin, 'Máy zqsib', sibling),
        lineage: await createLineage(t, control, sibling, tree.department),
        file: siblingFile,
        kpiImport: await uploadKpiImport(t, siblingOfficer, kpi, codeOf(sibling), 'chi-so-zqsib.xlsx'),
      },
      province: {
        unit: province,
        unitCode: codeOf(province),
        period: sharedPeriod,
        draftPeriod: await provincePeriod('draft', 'nháp'),
        closedPeriod: await provincePeriod('closed', 'đóng'),
        publishedPeriod: await publish(control, await provincePeriod('closed', 'công bố')),
        framework: provinceFramework,
        frameworkCode: 'TEST',
        user: mixed.userId,
        token: await createToken(t, control, 'Máy zqprov', province),
        lineage: await createLineage(t, control, tree.department, province),
        file: provinceFile,
        kpiImport: await uploadKpiImport(t, control, kpi, codeOf(province), 'chi-so-zqprov.xlsx'),
      },
    },
  };
  await seedSteerTasksWorld(world, MARKERS);
  await seedSteerUrgingWorld(world, MARKERS);
  await seedSteerReportsWorld(world, MARKERS);
  await seedSteerImportWorld(world);
  await seedSteerMeetingsWorld(world, MARKERS);
  await seedSteerRegistersWorld(world, MARKERS);
  await seedCommunityWorld(world, MARKERS);
  await seedFeedbackWorld(world, MARKERS);
  await seedContestWorld(world, MARKERS);
  await seedNewsWorld(world, MARKERS);
  return world;
}

export { randomIp, TEST_PASSWORD };
