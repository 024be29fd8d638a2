import { type Period, parsePeriodCode } from '../../../../core/measure/kpi-periods.js';
import type { RawValue } from '../../../../core/measure/kpi-values.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import { DEMO_ADMIN_EMAIL } from '../../accounts/accounts.module.js';
import { ensureKpiCatalogue } from '../definitions/kpi-definitions.service.js';
import { applicabilityKindOf, kpiAppliesTo } from '../kpis.policy.js';
import { createKpisRepository, type KpiDefinitionRow, type UnitRef } from '../kpis.repository.js';
import type { ResolvedRow } from '../values/kpi-rows.js';
import { createKpiWriter } from '../values/kpi-writer.js';

// Demo data: the built-in KPI catalogue, a year of plausible values for a demo province and some of
// its units (flagged is_demo, entered by "demo"), and province-wide targets. Idempotent: it only adds
// what is missing and never overwrites a value someone entered.

type SeedDeps = Pick<Deps, 'db' | 'audit' | 'clock'>;

const MAX_COMMUNES = 200;
const MAX_AGENCIES = 10;

/** Deterministic pseudo-random in [0, 1) from integers, so a re-run produces the same figures. */
function noise(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ p, 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

function lastMonths(today: string, count: number): Period[] {
  const [y, m] = today.split('-').map(Number);
  const out: Period[] = [];
  for (let i = count; i >= 1; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push(parsePeriodCode(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`)!);
  }
  return out;
}

function quartersOf(months: Period[]): Period[] {
  const codes = new Set(months.filter((p) => p.index % 3 === 0).map((p) => `${p.year}-Q${p.index / 3}`));
  return [...codes].map((c) => parsePeriodCode(c)!);
}

function ratio(den: number, rate: number): RawValue {
  const denominator = Math.max(1, Math.round(den));
  return { value: null, numerator: Math.min(denominator, Math.round(denominator * rate)), denominator };
}

function demoRaw(code: string, unit: UnitRef, i: number): RawValue | null {
  const n = noise(unit.id, code.length, i);
  const big = applicabilityKindOf(unit) === 'province';
  const count = (v: number): RawValue => ({ value: Math.round(v), numerator: null, denominator: null });
  const percent = (v: number): RawValue => ({
    value: Math.round(v * 10) / 10,
    numerator: null,
    denominator: null,
  });
  const trend = i / 12;
  switch (code) {
    case 'EDOC_SENT':
      return count(big ? 270_000 + 20_000 * n : 900 + 1_500 * n);
    case 'DIGSIG_RATE_PROVINCE':
      return ratio(big ? 21_000 : 1_500 + 500 * n, 0.88 + 0.04 * trend + 0.02 * n);
    case 'DIGSIG_RATE_COMMUNE':
      return ratio(300 + 400 * n, 0.92 + 0.04 * trend + 0.03 * n);
    case 'ONLINE_PS_RATE':
      return ratio(big ? 40_000 : 200 + 600 * n, 0.6 + 0.15 * trend + 0.1 * n);
    case 'ONLINE_PS_FULL_RATE':
      return ratio(big ? 40_000 : 200 + 600 * n, 0.35 + 0.2 * trend + 0.1 * n);
    case 'ONLINE_PROCEDURE_FULL_RATE':
      return ratio(big ? 1_600 : 120 + 60 * n, 0.45 + 0.15 * trend + 0.05 * n);
    case 'DOSSIER_DIGITISED_RATE':
      return ratio(big ? 40_000 : 200 + 600 * n, 0.7 + 0.15 * trend + 0.1 * n);
    case 'FIBRE_HOUSEHOLD_RATE':
      return percent(72 + 8 * trend + 6 * n);
    case 'ONLINE_PAYMENT_RATE':
      return ratio(big ? 12_000 : 60 + 200 * n, 0.4 + 0.2 * trend + 0.1 * n);
    case 'INTERNET_USERS_RATE':
      return percent(84 + 4 * trend + 3 * n);
    case 'SMARTPHONE_RATE':
      return percent(76 + 6 * trend + 5 * n);
    case 'ECOM_STALLS':
      return count(big ? 35 + 2 * i : 1 + 4 * n + i / 4);
    case 'ECOM_PRODUCTS':
      return count(big ? 120 + 6 * i : 3 + 10 * n + i / 2);
    case 'COMMUNITY_TEAMS':
      return big ? null : count(5 + 10 * n);
    default:
      return null;
  }
}

async function pickDemoUnits(
  repo: ReturnType<typeof createKpisRepository>,
  deps: SeedDeps,
  unitIds?: number[],
) {
  if (unitIds?.length) return repo.unitsByIds(unitIds);
  const structureId = await repo.currentStructureId(vietnamDate(deps.clock.now()));
  if (structureId === null) return [];
  const province = await deps.db
    .selectFrom('units')
    .select('id')
    .where('structureId', '=', structureId)
    .where('parentId', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
  if (!province) return [];
  const subtree = await repo.unitsByIds(await repo.subtreeIds(province.id));
  const kind = (u: UnitRef) => applicabilityKindOf(u);
  return [
    ...subtree.filter((u) => u.id === province.id),
    ...subtree.filter((u) => kind(u) === 'commune').slice(0, MAX_COMMUNES),
    ...subtree.filter((u) => kind(u) === 'agency').slice(0, MAX_AGENCIES),
  ];
}

function demoRows(defs: KpiDefinitionRow[], units: UnitRef[], months: Period[]): ResolvedRow[] {
  const quarters = quartersOf(months);
  const rows: ResolvedRow[] = [];
  for (const kpi of defs) {
    const periods = kpi.periodicity === 'monthly' ? months : kpi.periodicity === 'quarterly' ? quarters : [];
    for (const unit of units.filter((u) => kpiAppliesTo(JSON.parse(kpi.appliesToKinds), u))) {
      periods.forEach((period, i) => {
        const raw = demoRaw(kpi.code, unit, kpi.periodicity === 'quarterly' ? i * 3 + 2 : i);
        if (raw) rows.push({ ref: rows.length, kpi, unit, period, raw, note: null });
      });
    }
  }
  return rows;
}

const DEMO_TARGETS: Record<string, { target: number; subtree: boolean }> = {
  EDOC_SENT: { target: 3_500_000, subtree: false },
  DIGSIG_RATE_PROVINCE: { target: 95, subtree: true },
  DIGSIG_RATE_COMMUNE: { target: 95, subtree: true },
  ONLINE_PS_RATE: { target: 80, subtree: true },
  ONLINE_PAYMENT_RATE: { target: 60, subtree: true },
  INTERNET_USERS_RATE: { target: 90, subtree: true },
  SMARTPHONE_RATE: { target: 85, subtree: true },
  ECOM_STALLS: { target: 60, subtree: false },
  ECOM_PRODUCTS: { target: 200, subtree: false },
};

async function seedTargets(
  deps: SeedDeps,
  repo: ReturnType<typeof createKpisRepository>,
  defs: KpiDefinitionRow[],
  provinceId: number,
  year: number,
) {
  const now = deps.clock.now().toISOString();
  for (const kpi of defs) {
    const t = DEMO_TARGETS[kpi.code];
    if (!t || (await repo.targetByKey(kpi.id, provinceId, year, t.subtree ? 1 : 0))) continue;
    await deps.db.transaction().execute(async (trx) => {
      const row = await repo.insertTarget(
        {
          kpiId: kpi.id,
          unitId: provinceId,
          year,
          appliesToSubtree: t.subtree ? 1 : 0,
          target: t.target,
          updatedAt: now,
        },
        trx,
      );
      await deps.audit.record(
        trx,
        { actor: null },
        { action: 'kpi.target.set', entity: 'kpi_target', entityId: row.id, after: { ...row, demo: true } },
      );
    });
  }
}

/** Seeds the KPI catalogue and, for the demo units (or a demo province picked from today's structure), a year of values. */
export async function seedDemoKpis(deps: SeedDeps, options: { unitIds?: number[] } = {}): Promise<string[]> {
  const repo = createKpisRepository(deps.db);
  const added = await ensureKpiCatalogue({ ...deps, repo });
  const defs = await repo.listDefinitions();
  const units = await pickDemoUnits(repo, deps, options.unitIds);
  if (!units.length) return [`KPIs: ${added} definitions added, no demo units found`];
  const months = lastMonths(vietnamDate(deps.clock.now()), 12);
  const rows = demoRows(defs, units, months);
  const existing = new Set(
    (
      await repo.valuesForKeys(
        defs.map((d) => d.id),
        units.map((u) => u.id),
        [...new Set(rows.map((r) => r.period.code))],
      )
    ).map((v) => `${v.kpiId}|${v.unitId}|${v.periodCode}`),
  );
  const missing = rows.filter((r) => !existing.has(`${r.kpi.id}|${r.unit.id}|${r.period.code}`));
  const writeValues = createKpiWriter({ repo, audit: deps.audit, clock: deps.clock });
  const out = missing.length
    ? await deps.db
        .transaction()
        .execute((trx) => writeValues(trx, { actor: null }, missing, { source: 'manual', isDemo: true }))
    : { imported: 0 };
  const province = units.find((u) => applicabilityKindOf(u) === 'province') ?? units[0];
  await seedTargets(deps, repo, defs, province.id, months.at(-1)!.year);
  return [`KPIs: ${added} definitions added, ${out.imported} demo values for ${units.length} units`];
}

/** Start-up hook: demo KPI values, only on a demo install (demo seeding on and the demo admin present). */
export async function seedDemoKpisOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  const demoAdmin = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  return demoAdmin ? seedDemoKpis(deps) : [];
}
