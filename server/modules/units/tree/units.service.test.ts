import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../core/accounts/permissions.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../../test/helpers/test-db.js';
import { loadConfig } from '../../../config.js';
import type { Deps } from '../../../deps.js';
import { createDeps } from '../../../deps-factory.js';
import type { UserActor } from '../../../lib/actor.js';
import { fixedClock } from '../../../lib/clock.js';
import { seedDemo } from '../demo/demo-seed.js';
import { createUnitsServices } from '../units.module.js';
import { createUnitsRepository } from '../units.repository.js';

// Service-level behaviour on the real demo data (Thái Nguyên and its predecessors), with actors built
// directly: the tree as of a date, search, lineage both ways, and scope through the closure.

function actor(role: Role, unitId: number): UserActor {
  return {
    kind: 'user',
    userId: 1,
    email: `${role}@t.vn`,
    fullName: role,
    sessionId: 's',
    grants: [{ role, unitId }],
  };
}

describe.each(testDialects())('units service on %s', (dialect) => {
  let database: TestDatabase;
  let deps: Deps;
  let ids: Record<string, number>;
  const service = () => createUnitsServices(deps).reads;
  const lineage = () => createUnitsServices(deps).lineage;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    deps = await createDeps(loadConfig({}), { database, clock: fixedClock('2026-03-02T02:00:00.000Z') });
    await seedDemo(deps);
    const repo = createUnitsRepository(deps.db);
    const oldS = (await repo.findStructureByName('2025-03-01'))!.id;
    const newS = (await repo.findStructureByName('2025-07-01'))!.id;
    const code = async (s: number, c: string) => (await repo.findUnitByCode(s, c))!.id;
    ids = {
      newProvince: await code(newS, '19'),
      phanDinhPhung: await code(newS, '05443'),
      newGiaSang: await code(newS, '05467'),
      newBacKan: await code(newS, '01843'),
      newScience: await code(newS, '19-SKHCN'),
      oldBacKan: await code(oldS, '06'),
      oldThaiNguyen: await code(oldS, '19'),
      oldBaBe: await code(oldS, '061'),
      oldGiaSang: await code(oldS, '05461'),
      oldPhungChiKien: await code(oldS, '01843'),
      oldIctBacKan: await code(oldS, '06-STTTT'),
      oldScienceBacKan: await code(oldS, '06-SKHCN'),
      oldStructure: oldS,
      newStructure: newS,
    };
  }, 60_000);
  afterAll(async () => database.cleanup());

  it('shows the new province today and its two predecessors as of June 2025', async () => {
    const leader = actor('leader', ids.newProvince);
    const today = await service().listUnits(leader, { limit: 50, offset: 0 });
    expect(today.items.map((u) => [u.name, u.structureName, u.childCount])).toEqual([
      ['Thái Nguyên', '2025-07-01', 102],
    ]);
    const june = await service().listUnits(leader, { asOf: '2025-06-15', limit: 50, offset: 0 });
    expect(june.items.map((u) => [u.code, u.name, u.structureName])).toEqual([
      ['06', 'Bắc Kạn', '2025-03-01'],
      ['19', 'Thái Nguyên', '2025-03-01'],
    ]);
    const communes = await service().listUnits(leader, {
      parentId: ids.newProvince,
      kind: 'commune',
      limit: 200,
      offset: 0,
    });
    expect(communes.total).toBe(92);
    expect(communes.items[0].name).toBe('An Khánh');
  });

  it('lists the old departments valid on a date (Sở TT&TT until 28 February 2025 only)', async () => {
    const leader = actor('leader', ids.newProvince);
    const query = {
      structureId: ids.oldStructure,
      parentId: ids.oldBacKan,
      kind: 'agency' as const,
      limit: 50,
      offset: 0,
    };
    const feb = await service().listUnits(leader, { ...query, asOf: '2025-02-15' });
    expect(feb.items.map((u) => u.name)).toEqual(['Sở Thông tin và Truyền thông']);
    const april = await service().listUnits(leader, { ...query, asOf: '2025-04-15' });
    expect(april.total).toBe(10);
    expect(april.items.map((u) => u.name)).not.toContain('Sở Thông tin và Truyền thông');
  });

  it('lists the children of an old parent without an "as of" date', async () => {
    const children = await service().listUnits(actor('leader', ids.newProvince), {
      parentId: ids.oldBacKan,
      limit: 50,
      offset: 0,
    });
    expect(children.total).toBe(8 + 11);
    expect(children.items.slice(0, 8).map((u) => u.kind)).toEqual(Array(8).fill('district'));
    expect(children.items[0]).toMatchObject({
      name: 'Ba Bể',
      structureName: '2025-03-01',
      validTo: '2025-06-30',
    });
  });

  it('finds units by name without diacritics or case, and by code, in Vietnamese order', async () => {
    const leader = actor('leader', ids.newProvince);
    const found = await service().listUnits(leader, {
      q: 'BAC KAN',
      asOf: '2025-06-01',
      limit: 50,
      offset: 0,
    });
    expect(found.items[0]).toMatchObject({
      code: '06',
      name: 'Bắc Kạn',
      type: 'Tỉnh',
      kind: 'province',
      level: 1,
    });
    expect(found.items.map((u) => u.name)).toContain('Bắc Kạn');
    expect(found.items.every((u) => u.name.includes('Bắc Kạn'))).toBe(true);
    const byCode = await service().listUnits(leader, { q: '05443', limit: 50, offset: 0 });
    expect(byCode.items.map((u) => u.name)).toEqual(['Phan Đình Phùng']);
    const agencies = await service().listUnits(leader, { q: 'so khoa hoc', limit: 50, offset: 0 });
    expect(agencies.items.map((u) => u.code)).toEqual(['19-SKHCN']);
  });

  it('walks lineage transitively: the new province comes from old Bắc Kạn and old Thái Nguyên', async () => {
    const graph = await lineage().getLineage(actor('leader', ids.newProvince), ids.newProvince, 5);
    const preds = graph.nodes.filter((n) => n.relation === 'predecessor').map((n) => n.id);
    expect(preds.sort()).toEqual([ids.oldBacKan, ids.oldThaiNguyen].sort());
    expect(graph.nodes.find((n) => n.relation === 'self')?.id).toBe(ids.newProvince);
    expect(graph.edges.map((e) => [e.fromUnitId, e.toUnitId, e.kind, e.effectiveDate]).sort()).toEqual(
      [
        [ids.oldBacKan, ids.newProvince, 'full', '2025-07-01'],
        [ids.oldThaiNguyen, ids.newProvince, 'full', '2025-07-01'],
      ].sort(),
    );
  });

  it('shows a partial split as several successors', async () => {
    const graph = await lineage().getLineage(actor('leader', ids.newProvince), ids.oldGiaSang, 3);
    const succ = graph.nodes.filter((n) => n.relation === 'successor').map((n) => n.id);
    expect(succ.sort()).toEqual([ids.phanDinhPhung, ids.newGiaSang].sort());
    expect(graph.edges.every((e) => e.kind === 'partial')).toBe(true);
  });

  it('follows department mergers across two steps (Sở TT&TT → Sở KH&CN → new Sở KH&CN)', async () => {
    const leader = actor('leader', ids.newProvince);
    const deep = await lineage().getLineage(leader, ids.newScience, 5);
    expect(deep.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([ids.oldScienceBacKan, ids.oldIctBacKan]),
    );
    const shallow = await lineage().getLineage(leader, ids.newScience, 1);
    expect(shallow.nodes.map((n) => n.id)).not.toContain(ids.oldIctBacKan);
    const detail = await service().getUnit(leader, ids.newScience);
    expect(detail).toMatchObject({
      predecessorCount: 2,
      successorCount: 0,
      kind: 'agency',
      allowedActions: ['view'],
    });
    expect(detail.ancestors).toEqual([{ id: ids.newProvince, name: 'Thái Nguyên', type: 'Tỉnh' }]);
    expect(detail.headcounts[0]).toMatchObject({ metric: 'officials', asOf: '2025-07-01' });
  });

  it('lets a grant on today’s province cover its predecessors’ history through the closure', async () => {
    const admin = actor('admin', ids.newProvince);
    for (const id of [ids.oldBacKan, ids.oldBaBe, ids.oldPhungChiKien, ids.oldIctBacKan]) {
      const unit = await service().getUnit(admin, id);
      expect(unit.allowedActions).toContain('edit');
    }
    const rows = await deps.db
      .selectFrom('unitClosure')
      .select(['ancestorId', 'viaLineage'])
      .where('descendantId', '=', ids.oldBaBe)
      .execute();
    expect(rows).toContainEqual({ ancestorId: ids.newProvince, viaLineage: 1 });
  });

  it('keeps a commune officer inside the commune and its own history', async () => {
    const officer = actor('officer', ids.newBacKan);
    await expect(service().getUnit(officer, ids.oldPhungChiKien)).resolves.toMatchObject({
      allowedActions: ['view'],
    });
    await expect(service().getUnit(officer, ids.phanDinhPhung)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().getUnit(officer, ids.oldBacKan)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const top = await service().listUnits(officer, { limit: 50, offset: 0 });
    expect(top.items.map((u) => u.id)).toEqual([ids.newBacKan]);
    const search = await service().listUnits(officer, { q: 'phan dinh phung', limit: 50, offset: 0 });
    expect(search.total).toBe(0);
    const graph = await lineage().getLineage(officer, ids.newBacKan, 5);
    expect(graph.nodes.every((n) => n.relation !== 'successor')).toBe(true);
    expect(graph.nodes.length).toBeGreaterThan(1);
  });
});
