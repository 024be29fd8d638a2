import { type APIRequestContext, request } from 'playwright-core';
import type { Component, ComponentValue } from '../core/contracts/measure-framework.js';
import { COMMUNE_SET } from '../core/measure/templates/index.js';

// API steps the Measure journey needs before the browser part: a period to fill and the values nobody
// wants to watch being typed. The screens under test are exercised through the browser.

export type ApiSession = { api: APIRequestContext; csrf: string; unitId: number };

export async function apiLogin(baseURL: string, email: string, password: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { email, password } });
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`);
  const session = (await res.json()) as { csrfToken: string; grants: { unitId: number }[] };
  return { api, csrf: session.csrfToken, unitId: session.grants[0].unitId };
}

async function call<T>(
  s: ApiSession,
  method: 'post' | 'put' | 'get',
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await s.api[method](path, { data, headers: { 'x-csrf-token': s.csrf } });
  if (!res.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An open period of the commune template for the province's communes and wards; reuses one if the demo has it. */
export async function ensureOpenPeriod(appraiser: ApiSession): Promise<number> {
  const periods = await call<{ id: number; status: string; frameworkCode: string }[]>(
    appraiser,
    'get',
    '/api/measure/periods',
  );
  const open = periods.find((p) => p.status === 'open' && p.frameworkCode === COMMUNE_SET.code);
  if (open) return open.id;
  const framework = await call<{ id: number }>(appraiser, 'post', '/api/measure/frameworks', {
    templateKey: COMMUNE_SET.code,
  });
  const period = await call<{ id: number }>(appraiser, 'post', '/api/measure/periods', {
    name: 'Đánh giá chuyển đổi số cấp xã năm 2026 (kiểm thử)',
    year: 2026,
    frameworkId: framework.id,
    rootUnitId: appraiser.unitId,
    unitKinds: ['commune', 'ward', 'special_zone'],
    opensOn: '2026-01-01',
    dueOn: '2026-12-31',
  });
  await call(appraiser, 'post', `/api/measure/periods/${period.id}/open`);
  return period.id;
}

function sampleValue(c: Component): ComponentValue | null {
  switch (c.valueType) {
    case 'choice':
      return c.rule.kind === 'choice' ? { choice: c.rule.options[0].value } : null;
    case 'number':
      return { number: 10 };
    case 'percent':
      return { number: 50 };
    case 'ratio':
      return { numerator: 8, denominator: 10 };
    case 'boolean':
      return { bool: true };
    case 'date':
      return { date: '2025-03-01' };
    default:
      return { documentRef: '15/KH-UBND ngày 10/01/2025' };
  }
}

export const COMMUNE_COMPONENTS = COMMUNE_SET.groups.flatMap((g) =>
  g.mainIndices.flatMap((m) => m.components),
);

/** Values and a cited document for every component a ward answers, except those the test types itself. */
export async function fillAllBut(
  officer: ApiSession,
  periodId: number,
  typedInBrowser: string[],
): Promise<void> {
  const base = `/api/measure/periods/${periodId}/units/${officer.unitId}/submission`;
  const forWard = COMMUNE_COMPONENTS.filter(
    (c) => c.rule.kind !== 'formula' && (!c.appliesTo?.unitKinds || c.appliesTo.unitKinds.includes('ward')),
  );
  const values: Record<string, ComponentValue | null> = {};
  // The components typed in the browser start empty, whatever the demo data held.
  for (const c of forWard) values[c.code] = typedInBrowser.includes(c.code) ? null : sampleValue(c);
  await call(officer, 'put', `${base}/values`, { values });
  for (const c of forWard) {
    if (!c.requiredEvidence) continue;
    await call(officer, 'post', `${base}/evidence`, {
      componentCode: c.code,
      document: {
        number: `${c.code.replace(/\W/g, '')}/BC-UBND`,
        date: '2025-06-30',
        title: `Báo cáo kiểm chứng ${c.code}`,
      },
    });
  }
}
