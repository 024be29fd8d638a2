import type { Role } from '../../../../core/accounts/permissions.js';
import { createUserWithGrant, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../../db/database.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { ensureKpiCatalogueOnStartup } from '../../kpis/kpis.module.js';
import { createSteerTaskServices, type SteerTaskServices } from './tasks.feature.js';

// One scenario for the plans/tasks/progress tests: the test unit tree plus a commune merged into communeA in
// the 2025 reorganisation (lineage and its via_lineage closure rows), people of each role, and the services.
//
//   province ── communeA ◀── oldCommune (merged 2025-07-01)
//            ├─ communeB
//            └─ department

export type SteerPeople = Record<
  'secretariat' | 'leader' | 'viewer' | 'officerA' | 'officerB' | 'deptOfficer' | 'provinceOfficer',
  UserActor
>;

export type SteerTestContext = {
  t: TestApp;
  tree: UnitTree & { oldCommune: number };
  people: SteerPeople;
  services: SteerTaskServices;
  ctx(actor: UserActor | null): AuditContext;
  login(role: Role, unitId: number): Promise<LoggedIn>;
};

export async function createSteerTestApp(
  dialect: DialectName,
  now = '2026-03-02T02:00:00.000Z',
  /** Extra configuration, e.g. SMTP_URL for a real in-process SMTP server (test/helpers/smtp-receiver.ts). */
  env: Record<string, string> = {},
): Promise<SteerTestContext> {
  const t = await createTestApp(dialect, { now, env });
  const tree = await createUnitTree(t.deps.db);
  await ensureKpiCatalogueOnStartup(t.deps);
  const db = t.deps.db;
  const old = await db
    .insertInto('structures')
    .values({
      name: '2025-03-01',
      validFrom: '2025-03-01',
      validTo: '2025-07-01',
      description: null,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const oldCommune = (
    await db
      .insertInto('units')
      .values({
        structureId: old.id,
        code: 'OLD-01',
        name: 'Xã Cũ Trước Sáp Nhập',
        searchName: 'xa cu truoc sap nhap',
        type: 'commune',
        kind: 'admin',
        level: 2,
        parentId: null,
        path: '',
        validFrom: '2025-03-01',
        validTo: '2025-07-01',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('unitLineage')
    .values({
      fromUnitId: oldCommune,
      toUnitId: tree.communeA,
      kind: 'full',
      share: 1,
      shareBasis: null,
      effectiveDate: '2025-07-01',
      note: null,
    })
    .execute();
  await db
    .insertInto('unitClosure')
    .values([
      { ancestorId: oldCommune, descendantId: oldCommune, depth: 0, viaLineage: 0 },
      { ancestorId: tree.communeA, descendantId: oldCommune, depth: 1, viaLineage: 1 },
      { ancestorId: tree.province, descendantId: oldCommune, depth: 2, viaLineage: 1 },
    ])
    .execute();

  const person = async (role: Role, unitId: number, fullName: string): Promise<UserActor> => {
    const { userId, email } = await createUserWithGrant(t, { role, unitId, fullName });
    return { kind: 'user', userId, email, fullName, sessionId: 'test', grants: [{ role, unitId }] };
  };
  const people: SteerPeople = {
    secretariat: await person('secretariat', tree.province, 'Thư ký Ban Chỉ đạo'),
    leader: await person('leader', tree.province, 'Lãnh đạo tỉnh'),
    viewer: await person('viewer', tree.province, 'Người xem tỉnh'),
    officerA: await person('officer', tree.communeA, 'Cán bộ phường A'),
    officerB: await person('officer', tree.communeB, 'Cán bộ xã B'),
    deptOfficer: await person('officer', tree.department, 'Cán bộ Sở KHCN'),
    provinceOfficer: await person('officer', tree.province, 'Cán bộ tỉnh'),
  };
  return {
    t,
    tree: { ...tree, oldCommune },
    people,
    services: createSteerTaskServices(t.deps),
    ctx: (actor) => ({ actor, ip: '127.0.0.1', requestId: 'test' }),
    login: (role, unitId) => loginAs(t, { role, unitId }),
  };
}

/** A plan row written directly (the plans service has its own tests). */
export async function insertPlan(
  c: SteerTestContext,
  opts: { status?: 'draft' | 'issued' | 'superseded'; issuedOn?: string; numberSymbol?: string } = {},
) {
  const now = c.t.clock.now().toISOString();
  return c.services.repo.insertPlan({
    numberSymbol: opts.numberSymbol ?? '3609/KH-BĐHCĐS',
    issuingBody: 'Ban Chỉ đạo chuyển đổi số tỉnh',
    issuingUnitId: c.tree.province,
    issuedOn: opts.issuedOn ?? '2026-01-15',
    title: 'Kế hoạch chuyển đổi số năm 2026',
    legalBasisJson: '[]',
    signedFileId: null,
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    status: opts.status ?? 'issued',
    supersededById: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
}
