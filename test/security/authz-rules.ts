import ExcelJS from 'exceljs';
import type { Permission } from '../../core/accounts/permissions.js';
import type { AccessRow, ExampleValue } from '../../server/lib/access-table.js';
import { testFramework } from '../../server/modules/measure/measure-test-fixtures.js';
import { buildSampleAppendix } from '../../server/modules/steer/import/appendix-sample.js';
import type { Operation } from '../fuzz/openapi-operations.js';
import { multipartBody, PNG_1X1 } from '../helpers/file-fixtures.js';
import { randomIp, TEST_PASSWORD } from '../helpers/login.js';
import { holds, holdsAnywhere, type Principal } from './authz-principals.js';
import { kpiXlsx, MARKERS, type Target, UNIT_MARKER, type World } from './authz-world.js';

// How the matrix reads a row: the request its example builds in the seeded world, the outcome its rule predicts
// for a principal, and what in a response counts as a leak.

export type Outcome = 'allow' | 'refuse';

let counter = 0;
const fresh = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

async function resetToken(world: World): Promise<string> {
  const { t } = world;
  const email = `reset.${fresh()}@test.dxboard.vn`;
  const now = t.clock.now().toISOString();
  await t.deps.db
    .insertInto('users')
    .values({ email, fullName: 'Đặt lại', passwordHash: null, createdAt: now, updatedAt: now })
    .execute();
  await t.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/request',
    remoteAddress: randomIp(),
    payload: { email },
  });
  const mail = [...t.sentMail].reverse().find((m) => m.to === email);
  const token = mail && /token=([^\s"&<]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no reset mail for ${email}`);
  return decodeURIComponent(token);
}

async function resolveRef(world: World, name: string, target: Target): Promise<ExampleValue> {
  const ids = world.ids[target];
  switch (name) {
    case 'home':
      return world.home;
    case 'sharedPeriod':
      return world.sharedPeriod;
    case 'structureId':
      return world.tree.structureId;
    case 'kpiPeriod':
      return '2026-01';
    case 'dhis2Period':
      return '202601';
    case 'frameworkEdit':
      return testFramework({ code: ids.frameworkCode, name: `Sửa ${fresh()}` }) as unknown as ExampleValue;
    case 'evidence':
      return world.evidence;
    case 'fileEvidence':
      return world.fileEvidence;
    case 'kpi':
      return world.kpi;
    case 'templateKey':
      return world.templateKey;
    case 'loginEmail':
      return world.loginEmail;
    case 'password':
      return TEST_PASSWORD;
    case 'newCode':
    case 'newKpiCode':
      return `N${fresh().toUpperCase()}`;
    case 'newEmail':
      return `new.${fresh()}@test.dxboard.vn`;
    case 'frameworkDefinition':
      return testFramework({ code: `F${fresh().toUpperCase()}` }) as unknown as ExampleValue;
    case 'resetToken':
      return resetToken(world);
    default: {
      const value = (ids as Record<string, unknown>)[name];
      if (value === undefined) throw new Error(`unknown example reference $${name}`);
      return value as ExampleValue;
    }
  }
}

async function resolve(
  world: World,
  value: ExampleValue | undefined,
  target: Target,
): Promise<ExampleValue | undefined> {
  if (typeof value === 'string' && value.startsWith('$')) return resolveRef(world, value.slice(1), target);
  if (Array.isArray(value))
    return Promise.all(value.map((v) => resolve(world, v, target) as Promise<ExampleValue>));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await resolve(world, v, target)]),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

export type MatrixRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer | object;
  remoteAddress: string;
};

async function uploadOf(world: World, kind: NonNullable<AccessRow['example']['upload']>) {
  if (kind === 'png') return multipartBody({ name: 'anh.png', data: PNG_1X1, contentType: 'image/png' });
  if (kind === 'framework-xlsx') return multipartBody({ name: 'bo-chi-so.xlsx', data: world.frameworkXlsx });
  if (kind === 'appendix-xlsx')
    return multipartBody({ name: 'phu-luc.xlsx', data: await buildSampleAppendix(2026) });
  const data = await kpiXlsx([[world.kpi, world.ids.province.unitCode, '2026-02', 3, null, null, null]]);
  return multipartBody({ name: 'chi-so.xlsx', data });
}

export async function buildRequest(
  world: World,
  row: AccessRow,
  op: Operation,
  target: Target | undefined,
): Promise<MatrixRequest> {
  const at = target ?? 'province';
  const ex = row.example;
  let url = op.path;
  for (const name of op.pathParams) {
    const value = await resolve(world, ex.params?.[name], at);
    if (value === undefined) throw new Error(`${row.operation}: the example has no path parameter ${name}`);
    url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  const query = (await resolve(world, ex.query, at)) as Record<string, ExampleValue> | undefined;
  if (query && Object.keys(query).length) {
    url += `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;
  }
  const req: MatrixRequest = { method: op.method, url, headers: {}, remoteAddress: randomIp() };
  if (ex.upload) {
    const body = await uploadOf(world, ex.upload);
    return { ...req, payload: body.payload, headers: body.headers };
  }
  const body = await resolve(world, ex.body, at);
  if (body !== undefined) return { ...req, payload: body as object };
  return req;
}

const ANCESTORS = (world: World): Record<Target, number[]> => ({
  sibling: [world.ids.sibling.unit, world.tree.province],
  province: [world.tree.province],
});

/** What the row's rule predicts for this principal on this target (everything the principals hold is on home). */
export function expectedOutcome(
  world: World,
  row: AccessRow,
  p: Principal,
  target: Target | undefined,
): Outcome {
  const verdict = (ok: boolean): Outcome => (ok ? 'allow' : 'refuse');
  if (row.permission === 'public') return 'allow';
  if (p.kind === 'anonymous') return 'refuse';
  if (row.permission === 'signed-in') return 'allow';
  if (row.permission === 'person') return verdict(p.kind === 'user');
  const permission: Permission = row.permission;
  if (row.unit === 'none') return verdict(holdsAnywhere(p, permission));
  if (row.unit === 'top-level') return verdict(holds(p, permission, [world.tree.province]));
  const at = target ?? 'province';
  const ancestors = ANCESTORS(world)[at];
  if (holds(p, permission, ancestors)) return 'allow';
  // A period's readers include readers of its participating units; the shared (province) period has home in it.
  if (row.unit === 'period.root' && row.participants && at === 'province') {
    return verdict(holds(p, permission, [world.home]));
  }
  // The province's user also views home: home's user managers see them (with the home grant only).
  if (row.unit === 'user.someGrant' && at === 'province') return verdict(holds(p, permission, [world.home]));
  // A training course is open below its organiser: the province's course is read by every reader in it.
  if (row.unit === 'course.unit' && permission === 'community.read' && at === 'province') {
    return verdict(holdsAnywhere(p, permission));
  }
  // A framework is read below its owner: the province's framework by everyone in the province.
  if (row.unit === 'framework.owner' && permission === 'measure.read' && at === 'province') {
    return verdict(holdsAnywhere(p, permission));
  }
  return 'refuse';
}

const TEXTUAL = /json|text|csv|xml|html/;

function unitIdsIn(value: unknown, found: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) unitIdsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'unitId' || k === 'unitIds') && (typeof v === 'number' || Array.isArray(v))) {
        found.push(...(Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [v]));
      } else unitIdsIn(v, found);
    }
  }
  return found;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The text of a response: the body, or every cell of an xlsx workbook; null for other binary bodies. */
export async function textOf(contentType: string, raw: Buffer): Promise<string | null> {
  if (TEXTUAL.test(contentType)) return raw.toString('utf8');
  if (!contentType.startsWith(XLSX)) return null;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
  });
  return cells.join('\n');
}

/** Markers and unit ids from outside home that the body shows (docx and file bytes are not searched). */
export async function findLeaks(
  world: World,
  row: AccessRow,
  contentType: unknown,
  raw: Buffer,
): Promise<string[]> {
  const type = String(contentType ?? '');
  const body = await textOf(type, raw);
  if (body === null) return [];
  let text = body.toLowerCase();
  if (row.participants) text = text.replaceAll(UNIT_MARKER, '');
  const leaks: string[] = Object.values(MARKERS).filter((m) => text.includes(m));
  if (type.includes('json')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    // A training course open below its organiser names the organiser: home's own province, never a sibling.
    const allowed = new Set([
      world.home,
      ...(row.participants ? world.participants : []),
      ...(row.unit === 'course.unit' ? [world.tree.province] : []),
    ]);
    const foreign = unitIdsIn(json).filter((id) => !allowed.has(id));
    if (foreign.length) leaks.push(`unitId ${[...new Set(foreign)].join('/')}`);
  }
  return leaks;
}
