import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';

// One scenario for News's route tests: the test unit tree, two secretariat members of the province (a writer and
// a second person who approves), a secretariat of commune A, an officer and a JSON helper.

export type NewsScenario = {
  t: TestApp;
  tree: UnitTree;
  writer: LoggedIn;
  approver: LoggedIn;
  communeSecretariat: LoggedIn;
  officer: LoggedIn;
  call(
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: any; type: string; raw: Buffer }>;
  /** A draft written by `who` (default: the writer) at `unitId` (default: the province). */
  draft(overrides?: Record<string, unknown>, who?: LoggedIn): Promise<any>;
};

export const newsInput = (overrides: Record<string, unknown> = {}) => ({
  unitId: 0,
  kind: 'story',
  title: 'Tổ công nghệ số Sông Cầu: một năm',
  summary: 'Một năm đi từng ngõ, gõ từng nhà.',
  body: 'Đoạn một.\n\nĐoạn hai.\n\n- ý một\n- ý hai',
  pillars: ['society'],
  unitIds: [],
  ...overrides,
});

export async function newsScenario(
  dialect: DialectName,
  now = '2026-06-15T02:00:00.000Z',
): Promise<NewsScenario> {
  const t = await createTestApp(dialect, { now });
  const tree = await createUnitTree(t.deps.db);
  const [writer, approver, communeSecretariat, officer] = await Promise.all([
    loginAs(t, { role: 'secretariat', unitId: tree.province }),
    loginAs(t, { role: 'secretariat', unitId: tree.province }),
    loginAs(t, { role: 'secretariat', unitId: tree.communeA }),
    loginAs(t, { role: 'officer', unitId: tree.province }),
  ]);
  const call: NewsScenario['call'] = async (who, method, url, payload) => {
    const res = await t.app.inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: type.includes('json') ? res.json() : res.body,
      type,
      raw: res.rawPayload,
    };
  };
  return {
    t,
    tree,
    writer,
    approver,
    communeSecretariat,
    officer,
    call,
    async draft(overrides = {}, who = writer) {
      const res = await call(
        who,
        'POST',
        '/api/news/items',
        newsInput({ unitId: tree.province, ...overrides }),
      );
      if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}
