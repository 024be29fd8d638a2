import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';

// A small unit tree written straight into the foundation tables (closure rows included), so tests of
// accounts and other modules do not depend on the units module's import code.
//
//   province (code 19)
//   ├── communeA (code 05500)
//   ├── communeB (code 05501)
//   └── department (code S19-KHCN)

export type UnitTree = {
  structureId: number;
  province: number;
  communeA: number;
  communeB: number;
  department: number;
};

type NewUnit = {
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
  parentId: number | null;
};

export async function createUnitTree(
  db: Kysely<DB>,
  { structureName = '2025-07-01', now = '2026-01-01T00:00:00.000Z' } = {},
): Promise<UnitTree> {
  const structure = await db
    .selectFrom('structures')
    .select('id')
    .where('name', '=', structureName)
    .executeTakeFirst();
  const structureId =
    structure?.id ??
    (
      await db
        .insertInto('structures')
        .values({
          name: structureName,
          validFrom: '2025-07-01',
          validTo: null,
          description: null,
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  // Codes are suffixed when a second tree is created in the same structure.
  const suffix = structure ? `-${Math.floor(Math.random() * 1e9)}` : '';
  const insert = async (u: NewUnit, path: string) => {
    const row = await db
      .insertInto('units')
      .values({
        structureId,
        code: `${u.code}${suffix}`,
        name: u.name,
        searchName: u.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase(),
        type: u.type,
        kind: u.kind,
        level: u.level,
        parentId: u.parentId,
        path,
        validFrom: '2025-07-01',
        validTo: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const province = await insert(
    { code: '19', name: 'Tỉnh Thái Nguyên', type: 'province', kind: 'admin', level: 1, parentId: null },
    '',
  );
  const child = (code: string, name: string, type: string, kind: string) =>
    insert({ code, name, type, kind, level: 2, parentId: province }, `${province}`);
  const communeA = await child('05500', 'Phường Phan Đình Phùng', 'ward', 'admin');
  const communeB = await child('05501', 'Xã Đại Phúc', 'commune', 'admin');
  const department = await child('S19-KHCN', 'Sở Khoa học và Công nghệ', 'department', 'agency');
  const rows = [
    { ancestorId: province, descendantId: province, depth: 0 },
    ...[communeA, communeB, department].flatMap((id) => [
      { ancestorId: id, descendantId: id, depth: 0 },
      { ancestorId: province, descendantId: id, depth: 1 },
    ]),
  ];
  await db.insertInto('unitClosure').values(rows).execute();
  return { structureId, province, communeA, communeB, department };
}
