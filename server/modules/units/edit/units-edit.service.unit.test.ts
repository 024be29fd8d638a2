import { describe, expect, it } from 'vitest';
import type { UnitDetail } from '../../../../core/contracts/units.js';
import type { Reader } from '../../../db/executor.js';
import type { Deps } from '../../../deps.js';
import { createAccessGuard } from '../../../lib/access-guard.js';
import type { Actor, UserActor } from '../../../lib/actor.js';
import type { AuditContext, AuditEntry, AuditService } from '../../../lib/audit.js';
import { fixedClock } from '../../../lib/clock.js';
import type { UnitRow } from '../units.repository.js';
import type { UnitsEditDeps } from '../units.types.js';
import type { ClosureRow, NewUnit } from '../units-write.repository.js';
import { createUnitsEditService } from './units-edit.service.js';

// Fast tests of the edit service on fake repositories and a fixed clock (no database): the rules, the order of
// refusals through the real access guard, and what the audit entry records. The SQL is the route tests' job.

const NOW = '2026-03-02T02:00:00.000Z';
const PROVINCE = 1;
const COMMUNE = 2;
const OTHER_PROVINCE = 3;

function manager(unitId: number): UserActor {
  return {
    kind: 'user',
    userId: 9,
    email: 'm@t.vn',
    fullName: 'M',
    sessionId: 's',
    grants: [{ role: 'admin', unitId }],
  };
}
const reader: UserActor = { ...manager(PROVINCE), grants: [{ role: 'viewer', unitId: PROVINCE }] };

function unit(id: number, code: string, name: string, parentId: number | null, level: number): UnitRow {
  return {
    id,
    structureId: 1,
    structureName: '2025-07-01',
    code,
    name,
    type: level === 1 ? 'Tỉnh' : 'Xã',
    kind: level === 1 ? 'province' : 'commune',
    level,
    parentId,
    validFrom: '2025-07-01',
    validTo: null,
  };
}

/** An in-memory unit tree with its closure; the guard reads the closure through a minimal Reader. */
function scenario() {
  const units = new Map<number, UnitRow>([
    [PROVINCE, unit(PROVINCE, '19', 'Thái Nguyên', null, 1)],
    [COMMUNE, unit(COMMUNE, '05443', 'Phan Đình Phùng', PROVINCE, 2)],
    [OTHER_PROVINCE, unit(OTHER_PROVINCE, '20', 'Lạng Sơn', null, 1)],
  ]);
  const closure: ClosureRow[] = [
    { ancestorId: PROVINCE, descendantId: PROVINCE, depth: 0, viaLineage: 0 },
    { ancestorId: COMMUNE, descendantId: COMMUNE, depth: 0, viaLineage: 0 },
    { ancestorId: PROVINCE, descendantId: COMMUNE, depth: 1, viaLineage: 0 },
    { ancestorId: OTHER_PROVINCE, descendantId: OTHER_PROVINCE, depth: 0, viaLineage: 0 },
  ];
  const audits: { ctx: AuditContext; entry: AuditEntry }[] = [];
  const calls: string[] = [];
  const trx = { name: 'trx' };
  const ancestorsOf = (id: number) => closure.filter((r) => r.descendantId === id).map((r) => r.ancestorId);

  // Only the query unitAncestorIds sends: unit_closure's ancestors of one descendant.
  const closureReader = {
    selectFrom: () => ({
      select: () => ({
        where: (_column: string, _op: string, id: number) => ({
          execute: async () => ancestorsOf(id).map((ancestorId) => ({ ancestorId })),
        }),
      }),
    }),
  } as unknown as Reader;

  const repo: UnitsEditDeps['repo'] = {
    findUnit: async (id) => (units.has(id) ? { ...units.get(id)! } : undefined),
    findUnitByCode: async (structureId, code) =>
      [...units.values()].find((u) => u.structureId === structureId && u.code === code),
    findStructureById: async (id) =>
      id === 1
        ? {
            id,
            name: '2025-07-01',
            validFrom: '2025-07-01',
            validTo: null,
            description: null,
            createdAt: NOW,
          }
        : undefined,
    ancestorIds: async (id) => ancestorsOf(id),
    headcounts: async () => [],
  };

  let nextId = 100;
  const write = {
    async insertUnits(rows: NewUnit[], exec: unknown) {
      expect(exec).toBe(trx);
      const ids = new Map<string, number>();
      for (const r of rows) {
        const id = nextId++;
        units.set(id, {
          ...unit(id, r.code, r.name, r.parentId ?? null, r.level),
          kind: r.kind,
          type: r.type,
        });
        ids.set(r.code, id);
      }
      calls.push('insertUnits');
      return ids;
    },
    treeClosureOf: async (ids: number[]) =>
      closure.filter((r) => ids.includes(r.descendantId) && r.viaLineage === 0),
    async insertClosure(rows: ClosureRow[]) {
      closure.push(...rows);
      calls.push('insertClosure');
    },
    fillPaths: async () => {
      calls.push('fillPaths');
    },
    async updateUnit(id: number, patch: Partial<UnitRow>, exec: unknown) {
      expect(exec).toBe(trx);
      const { id: _id, ...fields } = patch;
      units.set(id, { ...units.get(id)!, ...fields });
      calls.push('updateUnit');
    },
    allUnitParents: async () => [...units.values()].map((u) => ({ id: u.id, parentId: u.parentId })),
    allLineage: async () => [],
    allLineageClosure: async () => closure.filter((r) => r.viaLineage === 1),
    deleteClosureOf: async () => {},
    subtreeIds: async () => [],
    replaceHeadcounts: async () => {},
  } as unknown as UnitsEditDeps['write'];

  const audit = {
    async record(exec: unknown, ctx: AuditContext, entry: AuditEntry) {
      expect(exec).toBe(trx);
      audits.push({ ctx, entry });
    },
  } as AuditService;
  const db = {
    transaction: () => ({ execute: <T>(work: (t: unknown) => Promise<T>) => work(trx) }),
  } as unknown as Deps['db'];
  const reads: UnitsEditDeps['reads'] = {
    getUnit: async (_actor, id) => ({ id, name: units.get(id)!.name }) as unknown as UnitDetail,
  };

  const service = createUnitsEditService({
    db,
    clock: fixedClock(NOW),
    audit,
    repo,
    write,
    guard: createAccessGuard(closureReader),
    reads,
  });
  return { service, units, closure, audits, calls };
}

const ctx = (actor: Actor | null): AuditContext => ({ actor, requestId: 'r1' });
const body = {
  parentId: COMMUNE,
  code: '05443-1',
  name: 'Tổ dân phố 1',
  type: 'Tổ',
  kind: 'agency' as const,
};

describe('units edit service (fake repositories, fixed clock)', () => {
  it('creates a unit under its parent: closure rows, one audit entry with the new row, the fixed clock', async () => {
    const s = scenario();
    const actor = manager(PROVINCE);
    const created = await s.service.createUnit(actor, ctx(actor), body);
    expect(created.id).toBe(100);
    const row = s.units.get(100)!;
    expect(row).toMatchObject({ parentId: COMMUNE, level: 3, code: '05443-1' });
    expect(
      s.closure
        .filter((r) => r.descendantId === 100)
        .map((r) => [r.ancestorId, r.depth])
        .sort(),
    ).toEqual([
      [1, 2],
      [100, 0],
      [2, 1],
    ]);
    expect(s.audits).toHaveLength(1);
    const { entry } = s.audits[0]!;
    expect(entry).toMatchObject({ action: 'unit.create', entity: 'unit', entityId: 100 });
    expect(entry.before).toBeUndefined();
    expect(entry.after).toMatchObject({
      id: 100,
      code: '05443-1',
      searchName: 'to dan pho 1',
      level: 3,
      parentId: COMMUNE,
      validFrom: '2025-07-01',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(s.audits[0]!.ctx.actor).toBe(actor);
  });

  it('renames a unit: before and after in the audit entry, the folded search name, updatedAt from the clock', async () => {
    const s = scenario();
    const actor = manager(PROVINCE);
    const answer = await s.service.updateUnit(actor, ctx(actor), COMMUNE, { name: 'Phường Phan Đình Phùng' });
    expect(answer.name).toBe('Phường Phan Đình Phùng');
    expect(s.calls).toEqual(['updateUnit']);
    expect(s.audits).toHaveLength(1);
    const { entry } = s.audits[0]!;
    expect(entry).toMatchObject({ action: 'unit.update', entity: 'unit', entityId: COMMUNE });
    expect(entry.before).toMatchObject({ name: 'Phan Đình Phùng' });
    expect(entry.after).toMatchObject({ name: 'Phường Phan Đình Phùng' });
    expect(s.units.get(COMMUNE)).toMatchObject({
      searchName: 'phuong phan dinh phung',
      updatedAt: NOW,
    });
  });

  it('refuses in the guard order: 401 before anything, then 404 (or a field error) for an unknown unit, then 403', async () => {
    const s = scenario();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    // Unknown and known units alike are a 401 without an actor: nothing is revealed.
    expect(await code(s.service.updateUnit(null, ctx(null), 999, { name: 'X' }))).toBe('UNAUTHENTICATED');
    expect(await code(s.service.createUnit(null, ctx(null), body))).toBe('UNAUTHENTICATED');
    // An unknown id is a 404 for any signed-in caller, a parent named in the body a field error.
    expect(await code(s.service.updateUnit(reader, ctx(reader), 999, { name: 'X' }))).toBe('NOT_FOUND');
    expect(await code(s.service.createUnit(reader, ctx(reader), { ...body, parentId: 999 }))).toBe(
      'VALIDATION',
    );
    // A known unit outside the actor's units.manage scope, or read-only scope: 403.
    const outsider = manager(OTHER_PROVINCE);
    expect(await code(s.service.updateUnit(outsider, ctx(outsider), COMMUNE, { name: 'X' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(s.service.createUnit(reader, ctx(reader), body))).toBe('FORBIDDEN');
    expect(s.audits).toEqual([]);
    expect(s.units.get(COMMUNE)!.name).toBe('Phan Đình Phùng');
  });

  it('refuses a code already used in the structure (409) and writes nothing', async () => {
    const s = scenario();
    const actor = manager(PROVINCE);
    const err = await s.service.createUnit(actor, ctx(actor), { ...body, code: '05443' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(s.calls).toEqual([]);
    expect(s.audits).toEqual([]);
  });
});
