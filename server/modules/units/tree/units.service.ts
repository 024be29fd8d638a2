import type {
  Headcount,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitSummary,
} from '../../../../core/contracts/units.js';
import { compareVietnamese } from '../../../../core/units/collation.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import { UNIT_KINDS, type UnitKind } from '../../../../core/units/kind.js';
import { type AccessGuard, requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import '../units.messages.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { allowedUnitActions, canListUnits, canReadUnit } from '../units.policy.js';
import type { UnitRow, UnitsRepository } from '../units.repository.js';
import type { UnitsReadDeps, UnitsService } from '../units.types.js';

// The Units module: administrative units and agencies over time (structures, the tree as of a date,
// lineage across mergers and splits, headcounts). Every read is filtered to the actor's unit scope.

const KIND_ORDER: Record<UnitKind, number> = { province: 0, district: 1, commune: 2, agency: 3, village: 4 };

export function toSummary(row: UnitRow, childCount: number): UnitSummary {
  const kind = (UNIT_KINDS as readonly string[]).includes(row.kind) ? (row.kind as UnitKind) : 'agency';
  return { ...row, kind, childCount };
}

export function toHeadcount(h: {
  metric: string;
  asOf: string;
  value: number;
  source: string | null;
}): Headcount {
  return { metric: h.metric as Headcount['metric'], asOf: h.asOf, value: h.value, source: h.source };
}

export function compareUnits(a: UnitRow, b: UnitRow): number {
  return (
    a.level - b.level ||
    (KIND_ORDER[a.kind as UnitKind] ?? 9) - (KIND_ORDER[b.kind as UnitKind] ?? 9) ||
    compareVietnamese(a.name, b.name) ||
    compareVietnamese(a.code, b.code)
  );
}

/** Loads a unit the actor may read: 401, then 404 when absent, then 403 when outside the actor's scope. */
export async function loadReadableUnit(
  guard: AccessGuard,
  repo: UnitsRepository,
  actor: Actor | null,
  id: number,
) {
  const {
    actor: signedIn,
    entity: unit,
    ancestors,
  } = await guard.forEntity(
    actor,
    canReadUnit,
    () => repo.findUnit(id),
    (u) => u.id,
    { notFoundKey: 'units.not_found' },
  );
  return { actor: signedIn, unit, ancestorIds: ancestors };
}

export async function summarise(repo: UnitsRepository, rows: UnitRow[], asOf?: string) {
  const counts = await repo.childCounts(
    rows.map((r) => r.id),
    asOf,
  );
  return rows.map((r) => toSummary(r, counts.get(r.id) ?? 0));
}

export function createUnitsService(deps: UnitsReadDeps): UnitsService {
  const { repo, guard } = deps;

  async function listStructures(maybeActor: Actor | null) {
    const actor = requireSignedIn(maybeActor);
    if (!canListUnits(actor)) throw new AppError('FORBIDDEN');
    const [structures, counts] = await Promise.all([
      repo.listStructures(),
      repo.countVisibleByStructure(scopeRootsFor(actor, 'units.read')),
    ]);
    return {
      items: structures.map((s) => ({
        id: s.id,
        name: s.name,
        validFrom: s.validFrom,
        validTo: s.validTo,
        description: s.description,
        unitCount: counts.get(s.id) ?? 0,
      })),
    };
  }

  // The structure to list: the one named, else the parent's, else the one valid on the date (default today).
  // Dates filter units only when given, or when they chose the structure: an old parent's children stay
  // listable without an "as of".
  async function pickStructure(query: UnitListQuery) {
    if (query.structureId) {
      const s = await repo.findStructureById(query.structureId);
      if (!s) throw new AppError('NOT_FOUND', { detailKey: 'units.structure_not_found' });
      return { structure: s, asOf: query.asOf };
    }
    if (query.parentId) {
      const parent = await repo.findUnit(query.parentId);
      return {
        structure: parent ? await repo.findStructureById(parent.structureId) : undefined,
        asOf: query.asOf,
      };
    }
    const asOf = query.asOf ?? vietnamDate(deps.clock.now());
    return { structure: await repo.findStructureValidAt(asOf), asOf };
  }

  async function listUnits(maybeActor: Actor | null, query: UnitListQuery): Promise<UnitList> {
    const actor = requireSignedIn(maybeActor);
    if (!canListUnits(actor)) throw new AppError('FORBIDDEN');
    const { structure, asOf } = await pickStructure(query);
    if (!structure) return { items: [], total: 0 };
    const q = query.q ? foldVietnamese(query.q) : '';
    const rows = await repo.listUnits({
      structureId: structure.id,
      scopeRoots: scopeRootsFor(actor, 'units.read'),
      parentId: query.parentId,
      topLevelOnly: !q && !query.kind && query.parentId === undefined,
      asOf,
      search: q ? { folded: q, raw: query.q!.trim() } : undefined,
      kind: query.kind,
    });
    rows.sort(compareUnits);
    const page = rows.slice(query.offset, query.offset + query.limit);
    return { items: await summarise(repo, page, asOf), total: rows.length };
  }

  async function getUnit(maybeActor: Actor | null, id: number): Promise<UnitDetail> {
    const { actor, unit, ancestorIds } = await loadReadableUnit(guard, repo, maybeActor, id);
    const [[summary], ancestors, headcounts, counts] = await Promise.all([
      summarise(repo, [unit]),
      repo.treeAncestors(id),
      repo.headcounts(id),
      repo.lineageCounts(id),
    ]);
    return {
      ...summary,
      ancestors,
      headcounts: headcounts.map(toHeadcount),
      predecessorCount: counts.predecessors,
      successorCount: counts.successors,
      allowedActions: allowedUnitActions(actor, ancestorIds),
    };
  }

  return { listStructures, listUnits, getUnit };
}
