import type { Executor } from '../../../db/executor.js';
import type { Deps } from '../../../deps.js';
import type { AuditContext } from '../../../lib/audit.js';
import { createKpisRepository } from '../kpis.repository.js';
import type { KpiFeed, KpiFeedRow } from '../kpis.types.js';
import { definitionIndex, resolveRows } from './kpi-rows.js';
import { createKpiWriter } from './kpi-writer.js';

// Values DXBoard computes from its own registers (Steer's accepted DX products, the integrated and
// approved-security shares of a unit's information systems), written inside the caller's transaction with
// source 'computed', through the same resolver and writer as every other channel (history + one audit row).
// A row whose KPI is not in the catalogue, or does not apply to the unit, is skipped and reported: the caller's
// write must not fail because an administrator removed or narrowed a catalogue entry.

export function createKpiFeedService(deps: Pick<Deps, 'audit' | 'clock'>): KpiFeed {
  return {
    async write(exec: Executor, ctx: AuditContext, rows: KpiFeedRow[], opts: { isDemo?: boolean } = {}) {
      if (!rows.length) return { written: 0, skipped: [] };
      // Every read and write joins the caller's transaction (one connection on SQLite).
      const repo = createKpisRepository(exec);
      const defs = definitionIndex(await repo.listDefinitions());
      const { resolved, issues } = await resolveRows(
        repo,
        defs,
        rows.map((r, ref) => ({
          ref,
          kpiCode: r.kpiCode,
          unitId: r.unitId,
          period: r.period,
          raw: { value: r.value ?? null, numerator: r.numerator ?? null, denominator: r.denominator ?? null },
          note: r.note ?? null,
        })),
        { structureId: null, periodFormat: 'canonical' },
      );
      const skipped = issues.map((i) => ({
        kpiCode: rows[i.ref].kpiCode,
        unitId: rows[i.ref].unitId,
        code: i.code,
      }));
      if (!resolved.length) return { written: 0, skipped };
      const writeValues = createKpiWriter({ repo, audit: deps.audit, clock: deps.clock });
      const out = await writeValues(exec, ctx, resolved, { source: 'computed', isDemo: opts.isDemo });
      return { written: out.imported + out.updated, skipped };
    },
  };
}
