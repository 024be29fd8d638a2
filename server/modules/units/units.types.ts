import type { z } from 'zod';
import type {
  HeadcountsPut,
  LineageCreate,
  LineageEdge,
  LineageGraph,
  StructureListSchema,
  UnitCreate,
  UnitDetail,
  UnitList,
  UnitListQuery,
  UnitUpdate,
} from '../../../core/contracts/units.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { LineageClosureStoreMethods } from './lineage/lineage-closure.js';
import type { UnitsRepository } from './units.repository.js';
import type { UnitsWriteRepository } from './units-write.repository.js';

// The units module's types: what it needs from the container, what its services offer and the import
// reports. Routes, the CLI and other modules depend on these, never on a service file.

export type StructureList = z.infer<typeof StructureListSchema>;

/** What the units module needs from the container. */
export type UnitsModuleDeps = Pick<Deps, 'db' | 'clock' | 'audit'>;
/** Reads: the read repository, the access guard and the clock (today's structure). */
export type UnitsReadDeps = Pick<Deps, 'clock'> & { repo: UnitsRepository; guard: AccessGuard };

/** Edits: transactions and audit from the container, both repositories, the guard, and the reads for answers. */
export type UnitsEditDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  repo: Pick<
    UnitsRepository,
    'findUnit' | 'findUnitByCode' | 'findStructureById' | 'ancestorIds' | 'headcounts'
  >;
  write: Pick<
    UnitsWriteRepository,
    | 'insertUnits'
    | 'treeClosureOf'
    | 'insertClosure'
    | 'fillPaths'
    | 'subtreeIds'
    | 'deleteClosureOf'
    | 'updateUnit'
    | 'replaceHeadcounts'
    | LineageClosureStoreMethods
  >;
  guard: Pick<AccessGuard, 'forEntity'>;
  reads: Pick<UnitsService, 'getUnit'>;
};

/** Lineage: the read repository for the graph, the write repository for edges and the scope closure. */
export type LineageDeps = Pick<Deps, 'db' | 'audit'> & {
  repo: UnitsRepository;
  write: UnitsWriteRepository;
  guard: AccessGuard;
};

/** CSV imports (CLI and demo seed). */
export type UnitsImportDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  read: UnitsRepository;
  write: UnitsWriteRepository;
};

/** Reads, filtered to the actor's units.read scope. */
export type UnitsService = {
  listStructures(actor: Actor | null): Promise<StructureList>;
  listUnits(actor: Actor | null, query: UnitListQuery): Promise<UnitList>;
  getUnit(actor: Actor | null, id: number): Promise<UnitDetail>;
};

/** Creating and editing units and their headcounts (units.manage on the unit). */
export type UnitsEditService = {
  createUnit(actor: Actor | null, ctx: AuditContext, body: UnitCreate): Promise<UnitDetail>;
  updateUnit(actor: Actor | null, ctx: AuditContext, id: number, body: UnitUpdate): Promise<UnitDetail>;
  putHeadcounts(
    actor: Actor | null,
    ctx: AuditContext,
    id: number,
    body: HeadcountsPut,
  ): Promise<{ headcounts: UnitDetail['headcounts'] }>;
};

/** The lineage graph around a unit, and adding or removing one edge. */
export type LineageService = {
  getLineage(actor: Actor | null, unitId: number, depth: number): Promise<LineageGraph>;
  createLineage(actor: Actor | null, ctx: AuditContext, body: LineageCreate): Promise<LineageEdge>;
  deleteLineage(actor: Actor | null, ctx: AuditContext, id: number): Promise<void>;
};

export type RejectedRow = { line: number; code: string; reason: string };
export type ImportProgress = (message: string) => void;
export type UnitsImportOptions = {
  structure: string;
  validFrom: string;
  validTo?: string | null;
  description?: string | null;
  /** Import the valid rows even when some are rejected (default: nothing is written). */
  allowPartial?: boolean;
  onProgress?: ImportProgress;
  ctx?: AuditContext;
};
export type UnitsImportReport = {
  structureId: number | null;
  structureCreated: boolean;
  closedStructures: string[];
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
};

export type LineageImportOptions = {
  oldStructure?: string;
  newStructure?: string;
  effectiveDate?: string;
  allowPartial?: boolean;
  onProgress?: ImportProgress;
  ctx?: AuditContext;
};
export type LineageImportReport = {
  oldStructureId: number;
  newStructureId: number;
  effectiveDate: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** Rows whose names differ from the units their codes point at: imported, but worth a look. */
  warnings: RejectedRow[];
  closureChanges: number;
};

/** CSV imports of a structure's units and of lineage between two structures (CLI and demo seed). */
export type UnitsImportService = {
  importUnits(csvText: string, opts: UnitsImportOptions): Promise<UnitsImportReport>;
  importLineage(csvText: string, opts: LineageImportOptions): Promise<LineageImportReport>;
};
