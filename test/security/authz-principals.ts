import {
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  type Role,
} from '../../core/accounts/permissions.js';
import { createApiToken, type LoggedIn, loginAs } from '../helpers/login.js';
import type { TestApp } from '../helpers/test-app.js';

// The principals the matrix tries, each with the model of what it holds (permission → scope roots), from which
// the expected outcome of every row is computed. All of them live on `home`: none holds anything on the
// sibling commune or on the province.

export type Principal = {
  name: string;
  kind: 'anonymous' | 'user' | 'token';
  roots: Map<Permission, number[]>;
  headers: Record<string, string>;
  /** A fresh principal of the same kind, for requests that end the session or change the password. */
  clone(): Promise<Record<string, string>>;
};

// A token may carry any permission its creator holds; an admin of home holds them all.
export const TOKEN_PERMISSIONS: Permission[] = [...PERMISSIONS];
const HOME_ROLES: Role[] = ['viewer', 'officer', 'leader', 'secretariat', 'admin'];

function rootsOf(permissions: readonly Permission[], unitId: number) {
  return new Map(permissions.map((p) => [p, [unitId]]));
}

export async function createPrincipals(t: TestApp, home: number): Promise<Principal[]> {
  const anonymous: Principal = {
    name: 'anonymous',
    kind: 'anonymous',
    roots: new Map(),
    headers: {},
    clone: async () => ({}),
  };
  const people = await Promise.all(
    HOME_ROLES.map(async (role): Promise<Principal> => {
      const login = (): Promise<LoggedIn> => loginAs(t, { role, unitId: home });
      return {
        name: `${role}@home`,
        kind: 'user',
        roots: rootsOf(ROLE_PERMISSIONS[role], home),
        headers: (await login()).headers,
        clone: async () => (await login()).headers,
      };
    }),
  );
  const mint = () => createApiToken(t, { unitId: home, permissions: TOKEN_PERMISSIONS, name: 'home token' });
  const token: Principal = {
    name: 'token@home',
    kind: 'token',
    roots: rootsOf(TOKEN_PERMISSIONS, home),
    headers: (await mint()).headers,
    clone: async () => (await mint()).headers,
  };
  return [anonymous, ...people, token];
}

export const holds = (p: Principal, permission: Permission, units: readonly number[]) =>
  (p.roots.get(permission) ?? []).some((root) => units.includes(root));

export const holdsAnywhere = (p: Principal, permission: Permission) =>
  (p.roots.get(permission) ?? []).length > 0;
