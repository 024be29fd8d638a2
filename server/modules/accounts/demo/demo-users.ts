import type { Role } from '../../../../core/accounts/permissions.js';
import type { Deps } from '../../../deps.js';
import { hashPassword } from '../auth/password.js';
import { createUsersRepository } from '../users/users.repository.js';

export type DemoUnits = {
  provinceUnitId: number;
  departmentUnitId: number;
  communeUnitId: number;
  otherCommuneUnitId: number;
};
export type DemoLogin = { email: string; password: string; role: string; unitName: string };

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ADMIN_EMAIL = 'admin@demo.dxboard.vn';

type DemoUser = { email: string; fullName: string; role: Role; unit: keyof DemoUnits };
const DEMO_USERS: DemoUser[] = [
  { email: DEMO_ADMIN_EMAIL, fullName: 'Quản trị hệ thống', role: 'admin', unit: 'provinceUnitId' },
  {
    email: 'thamdinh@demo.dxboard.vn',
    fullName: 'Tổ thẩm định',
    role: 'secretariat',
    unit: 'provinceUnitId',
  },
  {
    email: 'lanhdao@demo.dxboard.vn',
    fullName: 'Lãnh đạo Ban Chỉ đạo',
    role: 'leader',
    unit: 'provinceUnitId',
  },
  {
    email: 'canbo.so@demo.dxboard.vn',
    fullName: 'Cán bộ đầu mối Sở',
    role: 'officer',
    unit: 'departmentUnitId',
  },
  {
    email: 'canbo.xa@demo.dxboard.vn',
    fullName: 'Cán bộ đầu mối xã',
    role: 'officer',
    unit: 'communeUnitId',
  },
  { email: 'xem@demo.dxboard.vn', fullName: 'Người xem', role: 'viewer', unit: 'otherCommuneUnitId' },
];

// Demo users for each role (password Demo@2026). Idempotent: existing users keep their password and get any
// missing demo role; nothing is duplicated on a second run.
export async function seedDemoUsers(deps: Deps, units: DemoUnits): Promise<DemoLogin[]> {
  const { db, clock, audit } = deps;
  const users = createUsersRepository(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitNames = new Map(
    (
      await db.selectFrom('units').select(['id', 'name']).where('id', 'in', Object.values(units)).execute()
    ).map((u) => [u.id, u.name]),
  );
  const logins: DemoLogin[] = [];
  for (const demo of DEMO_USERS) {
    const unitId = units[demo.unit];
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('users')
        .select('id')
        .where('email', '=', demo.email)
        .executeTakeFirst();
      const userId =
        existing?.id ??
        (await users.insert(
          {
            email: demo.email,
            fullName: demo.fullName,
            passwordHash,
            lockedUntil: null,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        ));
      const current = await users.grantsOf([userId], trx);
      if (current.some((g) => g.role === demo.role && g.unitId === unitId)) return;
      await users.replaceGrants(userId, [], [{ role: demo.role, unitId }], now, trx);
      await audit.record(
        trx,
        { actor: null },
        {
          action: existing ? 'user.grants_changed' : 'user.created',
          entity: 'user',
          entityId: userId,
          after: { email: demo.email, grants: [{ role: demo.role, unitId }], source: 'demo-seed' },
        },
      );
    });
    logins.push({
      email: demo.email,
      password: DEMO_PASSWORD,
      role: demo.role,
      unitName: unitNames.get(unitId) ?? '',
    });
  }
  return logins;
}

/** The demo logins that still exist, with their current roles, for the start-up banner of a demo install. */
export async function listDemoLogins(deps: Pick<Deps, 'db'>): Promise<DemoLogin[]> {
  const emails = DEMO_USERS.map((d) => d.email);
  const rows = await deps.db
    .selectFrom('users')
    .innerJoin('roleAssignments', 'roleAssignments.userId', 'users.id')
    .innerJoin('units', 'units.id', 'roleAssignments.unitId')
    .select(['users.email', 'roleAssignments.role', 'units.name as unitName'])
    .where('users.email', 'in', emails)
    .where('users.isActive', '=', 1)
    .execute();
  return emails.flatMap((email) =>
    rows
      .filter((r) => r.email === email)
      .map((r) => ({ email, password: DEMO_PASSWORD, role: r.role, unitName: r.unitName })),
  );
}
