import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../../db/schema.js';
import type { UserActor } from '../../../lib/actor.js';
import type { AuditContext, AuditService } from '../../../lib/audit.js';
import { fixedClock } from '../../../lib/clock.js';
import type { KpisRepository } from '../kpis.repository.js';
import { createKpiDefinitionsService } from './kpi-definitions.service.js';

// Setting a KPI target without a database: a fake repository, a fake transaction, a recording audit and a
// fixed clock, so the stamp and the audit entry are exact.

const PROVINCE = 1;
const COMMUNE = 2;
const NOW = '2026-03-02T02:00:00.000Z';

type Target = {
  id: number;
  kpiId: number;
  unitId: number;
  year: number;
  appliesToSubtree: number;
  target: number;
  updatedAt: string;
};

function setup(existing: Target[] = []) {
  const targets = [...existing];
  const audited: { action: string; before: unknown; after: unknown }[] = [];
  const repo = {
    ancestorsOf: async (ids: number[]) =>
      new Map(ids.map((id) => [id, id === COMMUNE ? [COMMUNE, PROVINCE] : [id]])),
    unitsByIds: async (ids: number[]) => ids.filter((id) => id <= 2).map((id) => ({ id })),
    definitionByCode: async (code: string) => (code === 'DVC_ONLINE' ? { id: 7, code } : undefined),
    targetByKey: async (kpiId: number, unitId: number, year: number, subtree: number) =>
      targets.find(
        (t) => t.kpiId === kpiId && t.unitId === unitId && t.year === year && t.appliesToSubtree === subtree,
      ),
    updateTarget: async (id: number, target: number, updatedAt: string) => {
      // A new object, as a database row read back would be: the service's `before` keeps the old values.
      const at = targets.findIndex((t) => t.id === id);
      targets[at] = { ...targets[at], target, updatedAt };
    },
    insertTarget: async (row: Omit<Target, 'id'>) => {
      const created = { id: targets.length + 1, ...row };
      targets.push(created);
      return created;
    },
  } as unknown as KpisRepository;
  const db = {
    transaction: () => ({ execute: (work: (trx: unknown) => unknown) => work({}) }),
  } as unknown as Kysely<DB>;
  const audit = {
    record: async (
      _exec: unknown,
      _ctx: AuditContext,
      e: { action: string; before?: unknown; after?: unknown },
    ) => {
      audited.push({ action: e.action, before: e.before, after: e.after });
    },
  } as unknown as AuditService;
  const service = createKpiDefinitionsService({ repo, db, audit, clock: fixedClock(NOW) });
  return { service, targets, audited };
}

const manager = (unitId: number): AuditContext => {
  const actor: UserActor = {
    kind: 'user',
    userId: 1,
    email: 'm@x.vn',
    fullName: 'M',
    sessionId: 's',
    grants: [{ role: 'secretariat', unitId }],
  };
  return { actor, ip: '127.0.0.1', requestId: 'r' };
};
const input = { unitId: COMMUNE, year: 2026, target: 120, appliesToSubtree: false };

describe('KPI targets (fake repository, fixed clock)', () => {
  it('creates a target stamped with the clock’s time and audits it', async () => {
    const { service, targets, audited } = setup();
    const view = await service.setTarget(manager(PROVINCE), 'dvc_online', input);
    expect(view).toMatchObject({ kpiCode: 'DVC_ONLINE', unitId: COMMUNE, year: 2026, target: 120 });
    expect(targets).toEqual([
      { id: 1, kpiId: 7, unitId: COMMUNE, year: 2026, appliesToSubtree: 0, target: 120, updatedAt: NOW },
    ]);
    expect(audited).toEqual([{ action: 'kpi.target.set', before: null, after: targets[0] }]);
  });

  it('replaces an existing target and audits before and after', async () => {
    const old = {
      id: 1,
      kpiId: 7,
      unitId: COMMUNE,
      year: 2026,
      appliesToSubtree: 0,
      target: 80,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const { service, targets, audited } = setup([old]);
    await service.setTarget(manager(PROVINCE), 'DVC_ONLINE', input);
    expect(targets[0]).toMatchObject({ target: 120, updatedAt: NOW });
    expect(audited[0]).toMatchObject({ before: { target: 80 }, after: { target: 120, updatedAt: NOW } });
  });

  it('answers 401, then 403 outside the scope (even for an unknown KPI), then 404', async () => {
    const { service, audited } = setup();
    await expect(
      service.setTarget({ actor: null, ip: '', requestId: 'r' }, 'DVC_ONLINE', input),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(service.setTarget(manager(3), 'NOPE', input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.setTarget(manager(PROVINCE), 'NOPE', input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(audited).toEqual([]);
  });
});
