import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Component, ComponentValue, Framework } from '../core/contracts/measure-framework.js';
import { scoreBatch } from '../core/measure/batch.js';
import { seededRandom } from '../core/measure/robustness.js';
import { componentsOf } from '../core/measure/values.js';
import type { DB } from '../server/db/schema.js';

// Bulk loading for the Measure benchmark: the real 2025 units (34 provinces, 3,321 communes) under one
// national root, and approved submissions with plausible values written in large multi-row inserts.

const CSV = 'resources/vn-admin-units/units-2025-07-01.csv';
const CHUNK = 400;

type CsvRow = { code: string; name: string; type: string; level: string; parent_code: string };

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Loads the national tree; returns the root id and the commune ids in CSV order. */
export async function loadUnits(db: Kysely<DB>, now: string): Promise<{ root: number; communes: number[] }> {
  const rows = parse(readFileSync(CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];
  const structure = await db
    .insertInto('structures')
    .values({ name: '2025-07-01', validFrom: '2025-07-01', validTo: null, description: null, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unit = (
    code: string,
    name: string,
    type: string,
    kind: string,
    level: number,
    parentId: number | null,
  ) => ({
    structureId: structure.id,
    code,
    name,
    searchName: name.toLowerCase(),
    type,
    kind,
    level,
    parentId,
    path: '',
    validFrom: '2025-07-01',
    validTo: null,
    createdAt: now,
    updatedAt: now,
  });
  const root = (
    await db
      .insertInto('units')
      .values(unit('VN', 'Việt Nam', 'Quốc gia', 'nation', 0, null))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const provinces = new Map<string, number>();
  for (const p of rows.filter((r) => r.level === '1')) {
    const id = (
      await db
        .insertInto('units')
        .values(unit(p.code, p.name, p.type, 'province', 1, root))
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    provinces.set(p.code, id);
  }
  const communeRows = rows.filter((r) => r.level === '2');
  const communes: number[] = [];
  const parentOf = new Map<number, number>();
  await insertChunked(communeRows, async (chunk) => {
    const ids = await db
      .insertInto('units')
      .values(
        chunk.map((c) => unit(c.code, c.name, c.type, 'commune', 2, provinces.get(c.parent_code) ?? root)),
      )
      .returning(['id', 'parentId'])
      .execute();
    for (const r of ids) {
      communes.push(r.id);
      parentOf.set(r.id, r.parentId ?? root);
    }
  });
  const closure: { ancestorId: number; descendantId: number; depth: number }[] = [
    { ancestorId: root, descendantId: root, depth: 0 },
  ];
  for (const id of provinces.values())
    closure.push(
      { ancestorId: root, descendantId: id, depth: 1 },
      { ancestorId: id, descendantId: id, depth: 0 },
    );
  for (const id of communes) {
    closure.push(
      { ancestorId: root, descendantId: id, depth: 2 },
      { ancestorId: parentOf.get(id) as number, descendantId: id, depth: 1 },
      { ancestorId: id, descendantId: id, depth: 0 },
    );
  }
  await insertChunked(closure, (chunk) => db.insertInto('unitClosure').values(chunk).execute());
  return { root, communes };
}

/** A plausible raw entry for a component, from a seeded generator. */
export function randomValue(c: Component, random: () => number): ComponentValue {
  const rule = c.rule;
  if (rule.kind === 'choice')
    return { choice: rule.options[Math.floor(random() * rule.options.length)].value };
  switch (c.valueType) {
    case 'boolean':
      return { bool: random() < 0.7 };
    case 'ratio': {
      const denominator = 20 + Math.floor(random() * 200);
      return { numerator: Math.floor(denominator * (0.3 + 0.7 * random())), denominator };
    }
    case 'percent':
      return { number: Math.round(1000 * (30 + 70 * random())) / 1000 };
    case 'date':
      return { date: `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15` };
    case 'document':
      return { documentRef: `${1 + Math.floor(random() * 500)}/QĐ-UBND` };
    default:
      return { number: Math.floor(random() * 12) };
  }
}

/** Approved submissions with one value per component for every unit; self points stored as scored. */
export async function loadValues(
  db: Kysely<DB>,
  opts: { periodId: number; framework: Framework; units: number[]; seed: number; now: string },
) {
  const random = seededRandom(opts.seed);
  const components = componentsOf(opts.framework).filter((c) => c.rule.kind !== 'formula');
  const entries = opts.units.map(() =>
    Object.fromEntries(components.map((c) => [c.code, randomValue(c, random)])),
  );
  const batch = scoreBatch(
    opts.framework,
    entries.map((values) => ({ values, context: { unitKind: 'commune' as const } })),
  );
  const column = new Map(batch.componentCodes.map((code, i) => [code, i]));
  const n = batch.componentCodes.length;
  await db.transaction().execute(async (trx) => {
    const subs: { id: number; unitId: number }[] = [];
    await insertChunked(opts.units, async (chunk) => {
      const rows = await trx
        .insertInto('measureSubmissions')
        .values(
          chunk.map((unitId) => ({
            periodId: opts.periodId,
            unitId,
            status: 'approved' as const,
            round: 1,
            createdAt: opts.now,
            updatedAt: opts.now,
          })),
        )
        .returning(['id', 'unitId'])
        .execute();
      subs.push(...rows);
    });
    const index = new Map(opts.units.map((u, i) => [u, i]));
    const values = subs.flatMap((s) => {
      const row = index.get(s.unitId) as number;
      return components.map((c) => ({
        submissionId: s.id,
        componentCode: c.code,
        rawJson: JSON.stringify(entries[row][c.code]),
        isNa: 0,
        selfPoints: batch.points[row * n + (column.get(c.code) as number)],
        needsFix: 0,
        updatedBy: null,
        updatedAt: opts.now,
      }));
    });
    await insertChunked(values, (chunk) => trx.insertInto('measureValues').values(chunk).execute());
  });
  return opts.units.length * components.length;
}
