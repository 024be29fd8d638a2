import type { z } from 'zod';
import type {
  Dhis2DataValueSet,
  Dhis2ImportSummary,
  KpiBatchResult,
  KpiDefinition,
  KpiDefinitionInput,
  KpiDefinitionPatch,
  KpiHistoryEntrySchema,
  KpiSummary,
  KpiTargetInput,
  KpiTargetViewSchema,
  KpiValueInput,
  KpiValueView,
} from '../../../core/contracts/kpis.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { RawValue } from '../../../core/measure/kpi-values.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { OrgUnitIdScheme } from './dhis2/kpi-dhis2.js';
import type { KpisRepository } from './kpis.repository.js';

// The kpis module's public face. Other modules (measure's KPI prefill) depend on these types and on
// createKpiReader from kpis.module.ts, never on a file inside the module.

/** What the kpis module needs from the container. */
export type KpisModuleDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'config' | 'jobs'>;

/** A unit's own figure for a KPI and period: raw parts, `derived` (count, or rate in percent 0–100). */
export type KpiFigure = RawValue & { derived: number | null; periodsReported: number };

/** For other modules: a unit's own figure for a KPI (catalogue code or template alias) and period. */
export type KpiReader = {
  getKpiValue(unitId: number, kpiCode: string, periodCode: string): Promise<KpiFigure | null>;
};

/** A KPI's public figure for the portal (see core/contracts/portal.ts PublicKpiFigure). */
export type PublicKpiFigureView = {
  code: string;
  nameVi: string;
  nameEn: string;
  unitOfMeasure: string | null;
  valueType: 'count' | 'percent' | 'ratio';
  value: number;
  year: number;
  asOf: string;
  source: KpiValueView['source'];
  unitsReporting: number;
  target: number | null;
};

/** For the public portal: a unit's year figures of chosen KPIs, no actor (aggregates are public). */
export type KpiPublicReader = {
  publicFigures(unitId: number, codes: string[], year: number): Promise<PublicKpiFigureView[]>;
};

/** What the definitions and values services need: the container's database, audit and clock, and the repository. */
export type KpiServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock'> & { repo: KpisRepository };

/** Reads against targets, each checked against the actor's measure.read scope (401 → 403 → 404). */
export type KpiReadsService = KpiReader & {
  listDefinitions(actor: Actor | null): Promise<KpiDefinition[]>;
  valuesOf(
    actor: Actor | null,
    code: string,
    query: { unitId: number; from?: string; to?: string },
  ): Promise<{ kpi: KpiDefinition; unitId: number; items: KpiValueView[] }>;
  historyOf(
    actor: Actor | null,
    code: string,
    query: { unitId: number; period: string },
  ): Promise<{ items: z.infer<typeof KpiHistoryEntrySchema>[] }>;
  summary(actor: Actor | null, query: { unitId: number; period: string }): Promise<KpiSummary>;
};

/** The catalogue and targets (the actor comes with the audit context). */
export type KpiDefinitionsService = {
  create(ctx: AuditContext, input: KpiDefinitionInput): Promise<KpiDefinition>;
  update(ctx: AuditContext, code: string, patch: KpiDefinitionPatch): Promise<KpiDefinition>;
  setTarget(
    ctx: AuditContext,
    code: string,
    input: KpiTargetInput,
  ): Promise<z.infer<typeof KpiTargetViewSchema>>;
};

/** Values pushed by API: our JSON batch (all or nothing) and DHIS2 dataValueSets. */
export type KpiValuesIngest = {
  pushValues(ctx: AuditContext, values: KpiValueInput[]): Promise<KpiBatchResult>;
  pushDataValueSet(
    ctx: AuditContext,
    set: Dhis2DataValueSet,
    options: {
      orgUnitIdScheme: OrgUnitIdScheme;
      atomicMode: 'ALL' | 'NONE';
      dryRun: boolean;
      locale: Locale;
    },
  ): Promise<Dhis2ImportSummary>;
};

/** A value DXBoard computes itself (e.g. Steer's accepted DX products per unit and year). */
export type KpiFeedRow = {
  /** Catalogue code, e.g. 'STEER_DX_PRODUCTS_ACCEPTED'. */
  kpiCode: string;
  unitId: number;
  /** Canonical period code: '2026', '2026-Q1', '2026-03'. */
  period: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
};

/**
 * For other modules: writes computed values inside the caller's transaction (source 'computed', audited as one
 * batch). Rows the catalogue does not allow (unknown KPI, not applicable to the unit, bad value) are skipped
 * and returned, never thrown.
 */
export type KpiFeed = {
  write(
    exec: Executor,
    ctx: AuditContext,
    rows: KpiFeedRow[],
    opts?: { isDemo?: boolean },
  ): Promise<{ written: number; skipped: { kpiCode: string; unitId: number; code: string }[] }>;
};
