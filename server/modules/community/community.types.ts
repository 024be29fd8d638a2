import type {
  ActivityInput,
  ActivityList,
  ActivityView,
  ImportPreview,
  MemberInput,
  MemberView,
  PublicTeams,
  Rollup,
  Targets,
  TargetsPut,
  TeamDetail,
  TeamInput,
  TeamList,
  Village,
  VillageCreate,
  VillageList,
  VillageMerge,
} from '../../../core/contracts/community.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { KpiFeed } from '../kpis/kpis.types.js';
import type { LineageService, UnitsEditService } from '../units/units.types.js';
import type { CommunityRepository } from './community.repository.js';

// The Community module's public face (types only): what it needs from the container and what its services
// offer to routes, the demo seed and other modules.

export type CommunityModuleDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'config' | 'jobs' | 'files'>;

export type CommunityServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'files'> & {
  repo: CommunityRepository;
  guard: AccessGuard;
  kpis: KpiFeed;
};

/** Villages are units: created and merged through the units module's own services. */
export type VillagesServiceDeps = CommunityServiceDeps & {
  unitsEdit: Pick<UnitsEditService, 'createUnit' | 'updateUnit'>;
  lineage: Pick<LineageService, 'createLineage'>;
};

export type VillagesService = {
  list(actor: Actor | null, communeId: number): Promise<VillageList>;
  create(ctx: AuditContext, input: VillageCreate): Promise<Village>;
  /** Villages merged into a new one: the old ones close the day before, lineage rows link them. */
  merge(ctx: AuditContext, input: VillageMerge): Promise<Village>;
};

export type TeamsService = {
  list(actor: Actor | null, query: { unitId: number; status?: string }): Promise<TeamList>;
  get(actor: Actor | null, id: number): Promise<TeamDetail>;
  create(ctx: AuditContext, input: TeamInput): Promise<TeamDetail>;
  update(ctx: AuditContext, id: number, input: TeamInput): Promise<TeamDetail>;
  addMember(ctx: AuditContext, teamId: number, input: MemberInput): Promise<MemberView>;
  endMember(ctx: AuditContext, teamId: number, memberId: number, endDate: string): Promise<MemberView>;
};

export type ActivitiesService = {
  /** Logs an activity; a second send with the same client key returns the stored one (replayed: true). */
  log(ctx: AuditContext, input: ActivityInput): Promise<ActivityView>;
  list(
    actor: Actor | null,
    query: { unitId: number; teamId?: number; from?: string; to?: string; limit: number; offset: number },
  ): Promise<ActivityList>;
  remove(ctx: AuditContext, id: number): Promise<void>;
};

/** A roll-up asked for: paged when `limit` is given (the route always gives one), whole lists otherwise. */
export type RollupRequest = {
  unitId: number;
  year: number;
  throughMonth?: number;
  offset?: number;
  limit?: number;
};

export type RollupsService = {
  getTargets(actor: Actor | null, communeId: number, year: number): Promise<Targets>;
  putTargets(ctx: AuditContext, input: TargetsPut): Promise<Targets>;
  rollup(actor: Actor | null, query: RollupRequest): Promise<Rollup>;
  /** The same roll-up as checked JSON text (the route sends it as it is; the cache keeps it serialised). */
  rollupJson(actor: Actor | null, query: RollupRequest): Promise<string>;
  /** The same JSON as UTF-8 bytes (kept with the cached view, so a hit encodes nothing). */
  rollupBody(actor: Actor | null, query: RollupRequest): Promise<Buffer>;
};

export type PublicCommunityService = {
  communes(): Promise<{ items: { id: number; name: string; teams: number }[] }>;
  /** The same list as its JSON's UTF-8 bytes, checked against PublicCommunesSchema (sent as they are). */
  communesBody(): Promise<Buffer>;
  teams(communeId: number): Promise<PublicTeams>;
  /** Totals below a unit (the province) for the portal: the same figures as its roll-up for the year. */
  summary(
    rootUnitId: number,
    year: number,
  ): Promise<{ teams: number; activities: number; people: number; asOf: string }>;
};

export type CommunityExportsService = {
  registry(actor: Actor | null, unitId: number, format?: 'xlsx' | 'docx'): Promise<Buffer>;
  report(actor: Actor | null, unitId: number, year: number, format?: 'xlsx' | 'docx'): Promise<Buffer>;
};

export type CommunityImportService = {
  /** Reads an xlsx/csv of villages, teams, members or activities; writes only when asked and error-free. */
  importFile(
    ctx: AuditContext,
    query: { communeId: number; kind: ImportPreview['kind']; commit: boolean; locale?: 'vi' | 'en' },
    file: { name: string; data: Buffer },
  ): Promise<ImportPreview>;
};

/** Writes the commune's activity count (year) and team count (quarter) into the kpis module. */
export type CommunityKpiWriter = (
  exec: Executor,
  ctx: AuditContext,
  communeId: number,
  year: number,
  opts?: { isDemo?: boolean },
) => Promise<void>;
