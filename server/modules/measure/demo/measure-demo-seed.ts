import type { Kysely } from 'kysely';
import type { PeriodTargets } from '../../../../core/contracts/measure.js';
import type { Component, ComponentValue, Framework } from '../../../../core/contracts/measure-framework.js';
import { scoreBatch } from '../../../../core/measure/batch.js';
import { seededRandom } from '../../../../core/measure/robustness.js';
import { COMMUNE_SET, DEPARTMENT_SET } from '../../../../core/measure/templates/index.js';
import { componentsOf } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { DB } from '../../../db/schema.js';
import type { Deps } from '../../../deps.js';
import type { UserActor } from '../../../lib/actor.js';
import { createMeasureServices } from '../measure.module.js';

// Demo Measure data (marked "dữ liệu mẫu"): the commune and department frameworks from the built-in
// templates; 2024 periods in the OLD structure (old Thái Nguyên and Bắc Kạn communes) published; 2025 in the
// new structure (92 communes) mostly approved and published, a few still in draft / submitted / returned;
// 2026 open with the demo commune officer's commune in draft and a few others waiting for appraisal, returned
// or resubmitted. Frameworks, periods and publishing go through the services (audited); values are
// bulk-inserted in one transaction per period to keep start-up short.

const DEMO = '(dữ liệu mẫu)';
const OFFICER_COMMUNE = '05443';
// Plan targets in the style of the provincial DX plan ("by 2026 every commune reaches 0.65"), so the demo
// profiles show their distance to target.
const TARGETS_2025: PeriodTargets = { total: 0.6, mainIndices: { 'X.CQS': 0.7, 'X.HT': 0.6, 'X.XHS': 0.6 } };
const TARGETS_2026: PeriodTargets = {
  total: 0.65,
  mainIndices: { 'X.CQS': 0.75, 'X.HT': 0.65, 'X.KTS': 0.6, 'X.XHS': 0.65 },
};
type Status = 'draft' | 'submitted' | 'returned' | 'approved';
/** 'resubmitted': submitted a second time after a return (round 2), for the appraiser's queue. */
type SeedStatus = Status | 'resubmitted';

/** A plausible raw entry; `quality` (0–1) is the unit's overall level so units differ consistently. */
export function demoValue(c: Component, random: () => number, quality: number): ComponentValue {
  const q = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.4));
  const rule = c.rule;
  if (rule.kind === 'choice') {
    const best = [...rule.options].sort((a, b) => b.points - a.points);
    return { choice: best[Math.min(best.length - 1, Math.floor((1 - q) * best.length))].value };
  }
  switch (c.valueType) {
    case 'boolean':
      return { bool: random() < q + 0.1 };
    case 'ratio': {
      const denominator = 20 + Math.floor(random() * 300);
      return { numerator: Math.round(denominator * q), denominator };
    }
    case 'percent':
      return { number: Math.round(q * 1000) / 10 };
    case 'date':
      return { date: `2025-${String(1 + Math.floor((1 - q) * 11)).padStart(2, '0')}-15` };
    case 'document':
      return { documentRef: `${1 + Math.floor(random() * 500)}/QĐ-UBND ${DEMO}` };
    default:
      return { number: Math.round(q * 12) };
  }
}

type SeedUnit = { id: number; kind: string; type: string; level: number };

async function insertSubmissions(
  db: Kysely<DB>,
  p: {
    periodId: number;
    framework: Framework;
    units: SeedUnit[];
    seed: number;
    now: string;
    statusOf: (i: number) => SeedStatus;
  },
) {
  const random = seededRandom(p.seed);
  const components = componentsOf(p.framework).filter((c) => c.rule.kind !== 'formula');
  const entries = p.units.map(() => {
    const quality = 0.25 + 0.7 * random();
    return Object.fromEntries(components.map((c) => [c.code, demoValue(c, random, quality)]));
  });
  const batch = scoreBatch(
    p.framework,
    entries.map((values, i) => ({ values, context: { unitKind: measureUnitKind(p.units[i]) } })),
  );
  const col = new Map(batch.componentCodes.map((code, i) => [code, i]));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < p.units.length; i++) {
      const seedStatus = p.statusOf(i);
      const status = seedStatus === 'resubmitted' ? 'submitted' : seedStatus;
      const done = status !== 'draft';
      const sub = await trx
        .insertInto('measureSubmissions')
        .values({
          periodId: p.periodId,
          unitId: p.units[i].id,
          status,
          round: seedStatus === 'resubmitted' ? 2 : done ? 1 : 0,
          returnComment: status === 'returned' ? `Bổ sung tài liệu kiểm chứng ${DEMO}` : null,
          submittedAt: done ? p.now : null,
          approvedAt: status === 'approved' ? p.now : null,
          createdAt: p.now,
          updatedAt: p.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A draft has about half its values entered, so the form shows work in progress.
      const shown = done ? components : components.filter((_, k) => k % 2 === 0);
      const rows = shown.map((c) => ({
        submissionId: sub.id,
        componentCode: c.code,
        rawJson: JSON.stringify(entries[i][c.code]),
        isNa: 0,
        selfPoints: batch.points[i * batch.componentCodes.length + (col.get(c.code) as number)],
        needsFix: status === 'returned' && c === shown[0] ? 1 : 0,
        updatedBy: null,
        updatedAt: p.now,
      }));
      if (rows.length) await trx.insertInto('measureValues').values(rows).execute();
    }
  });
}

async function unitsOf(db: Kysely<DB>, periodId: number): Promise<SeedUnit[]> {
  return db
    .selectFrom('measurePeriodUnits as pu')
    .innerJoin('units as u', 'u.id', 'pu.unitId')
    .select(['u.id', 'u.kind', 'u.type', 'u.level', 'u.code'])
    .where('pu.periodId', '=', periodId)
    .orderBy('u.code')
    .execute();
}

async function findUnit(db: Kysely<DB>, structure: string, code: string) {
  return db
    .selectFrom('units as u')
    .innerJoin('structures as s', 's.id', 'u.structureId')
    .select('u.id')
    .where('s.name', '=', structure)
    .where('u.code', '=', code)
    .executeTakeFirst();
}

/** Seeds the demo Measure data once (idempotent: skipped when the demo periods exist). */
export async function seedDemoMeasure(deps: Deps): Promise<string[]> {
  const { db } = deps;
  if (
    await db.selectFrom('measurePeriods').select('id').where('name', 'like', `%${DEMO}`).executeTakeFirst()
  ) {
    return [];
  }
  const roots = {
    old19: await findUnit(db, '2025-03-01', '19'),
    old06: await findUnit(db, '2025-03-01', '06'),
    new19: await findUnit(db, '2025-07-01', '19'),
  };
  const admin = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', '=', 'admin@demo.dxboard.vn')
    .executeTakeFirst();
  if (!roots.old19 || !roots.old06 || !roots.new19 || !admin) return [];
  const actor: UserActor = {
    kind: 'user',
    userId: admin.id,
    email: admin.email,
    fullName: 'Demo seed',
    sessionId: 'seed-demo',
    grants: Object.values(roots).map((r) => ({ role: 'admin' as const, unitId: (r as { id: number }).id })),
  };
  const ctx = { actor, requestId: 'seed-demo-measure' };
  const s = createMeasureServices(deps);
  const now = deps.clock.now().toISOString();
  const commune = await s.frameworks.createFromTemplate(ctx, COMMUNE_SET.code);
  await s.frameworks.createFromTemplate(ctx, DEPARTMENT_SET.code);
  const period = async (
    name: string,
    year: number,
    rootUnitId: number,
    opensOn: string,
    dueOn: string,
    targets?: PeriodTargets,
  ) => {
    const p = await s.periods.create(ctx, {
      name: `${name} ${DEMO}`,
      year,
      frameworkId: commune.id,
      rootUnitId,
      unitIds: [],
      unitKinds: ['commune', 'ward', 'special_zone'],
      unitGroups: {},
      opensOn,
      dueOn,
      targets,
    });
    await s.periods.open(ctx, p.id);
    return { id: p.id, units: await unitsOf(db, p.id) };
  };
  const seed = async (
    p: { id: number; units: SeedUnit[] },
    year: number,
    statusOf: (i: number) => SeedStatus,
  ) =>
    insertSubmissions(db, {
      periodId: p.id,
      framework: COMMUNE_SET,
      units: p.units,
      seed: year,
      now,
      statusOf,
    });
  const lines: string[] = [];
  for (const [root, label, seedNo] of [
    [roots.old19.id, 'Thái Nguyên (cũ)', 2024],
    [roots.old06.id, 'Bắc Kạn (cũ)', 2023],
  ] as const) {
    const p = await period(`Chỉ số CĐS cấp xã 2024 – ${label}`, 2024, root, '2025-01-05', '2025-02-28');
    await seed(p, seedNo, () => 'approved');
    await s.results.publish(ctx, p.id);
    lines.push(`Demo Measure 2024 (${label}): ${p.units.length} communes, published.`);
  }
  const y2025 = await period(
    'Chỉ số CĐS cấp xã 2025',
    2025,
    roots.new19.id,
    '2026-01-05',
    '2026-02-28',
    TARGETS_2025,
  );
  const late: Status[] = ['draft', 'submitted', 'submitted', 'returned', 'draft', 'submitted'];
  await seed(y2025, 2025, (i) => (i % 15 === 7 ? late[Math.floor(i / 15) % late.length] : 'approved'));
  await s.results.publish(ctx, y2025.id);
  lines.push(`Demo Measure 2025: ${y2025.units.length} communes, most approved and published.`);
  const y2026 = await period(
    'Chỉ số CĐS cấp xã 2026',
    2026,
    roots.new19.id,
    '2026-03-01',
    '2026-12-31',
    TARGETS_2026,
  );
  const officerUnit = await findUnit(db, '2025-07-01', OFFICER_COMMUNE);
  const few = y2026.units.filter((u, i) => u.id === officerUnit?.id || i % 9 === 4);
  // The others cycle through the appraiser's queue: waiting, returned to the unit, resubmitted after a return.
  const queue: SeedStatus[] = ['submitted', 'submitted', 'returned', 'resubmitted'];
  await seed({ id: y2026.id, units: few }, 2026, (i) =>
    few[i].id === officerUnit?.id ? 'draft' : queue[i % queue.length],
  );
  lines.push(`Demo Measure 2026: open; ${few.length} communes started (the demo commune in draft).`);
  return lines;
}

/** Start-up hook: only when demo seeding is on. */
export async function seedDemoMeasureOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  return seedDemoMeasure(deps);
}
