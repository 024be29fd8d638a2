import { loginAs } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';

/** GET as the province's secretariat (a fresh grant on the demo province), returning the JSON body. */
export function registersScenarioCall(t: TestApp) {
  return async (method: 'GET', url: string) => {
    const province = await t.deps.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', '19')
      .where('parentId', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const who = await loginAs(t, { role: 'secretariat', unitId: province.id });
    const res = await t.app.inject({ method, url, headers: who.headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
}
