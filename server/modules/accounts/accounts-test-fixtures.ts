import type { Role } from '../../../core/accounts/permissions.js';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';

// The accounts tests' shared set-up: an app on a fresh database with the unit tree of
// test/helpers/unit-fixtures.ts, and a way to sign in as a role on one of its units.

export type AccountsScenario = {
  t: TestApp;
  units: UnitTree;
  /** Signs in a new user holding `role` on the unit named in the tree (e.g. 'communeA'). */
  signIn(role: Role, unit: Exclude<keyof UnitTree, 'structureId'>, email?: string): Promise<LoggedIn>;
};

export async function accountsScenario(
  dialect: DialectName,
  options: { env?: Record<string, string> } = {},
): Promise<AccountsScenario> {
  const t = await createTestApp(dialect, options);
  const units = await createUnitTree(t.deps.db);
  return {
    t,
    units,
    signIn: (role, unit, email) => loginAs(t, { role, unitId: units[unit], ...(email ? { email } : {}) }),
  };
}
