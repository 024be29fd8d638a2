import type { ContestCertificate, ItemStats } from '../../../core/contracts/contest-outputs.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { ContestRepository } from './contest.repository.js';
import type { ContestModuleDeps } from './contest.types.js';
import type { OutputsRepository } from './outputs/outputs.repository.js';

// The faces of the contest's organiser outputs (item statistics, the decision's DOCX, the daily bulletin) and
// of its certificates (types only: routes and the demo depend on these, never on a service file).

export type OutputsServiceDeps = Pick<ContestModuleDeps, 'db' | 'clock' | 'audit'> & {
  repo: ContestRepository;
  outputs: OutputsRepository;
  guard: AccessGuard;
};

export type Download = { fileName: string; body: Uint8Array };

export type OutputsService = {
  /** Item statistics of a closed round (computed once per close, then cached in the process). */
  itemStats(actor: Actor | null, id: number, roundKey: string): Promise<ItemStats>;
  itemStatsWorkbook(actor: Actor | null, id: number, roundKey: string): Promise<Download>;
  /** The winners per group and the collective table for the Quyết định công nhận kết quả. */
  decisionDocx(actor: Actor | null, id: number): Promise<Download>;
  /** The daily participation bulletin: by group, block and unit, the laggards. */
  bulletin(actor: Actor | null, id: number, format: 'xlsx' | 'docx'): Promise<Download>;
};

export type MyCertificate = {
  roundKey: string;
  round: string;
  rank: number;
  prize: ContestCertificate['prize'];
  kind: ContestCertificate['kind'];
};

export type CertificatesService = {
  /** The certificates the participant holding the token may download. */
  mine(slug: string, token: string | undefined): Promise<{ items: MyCertificate[] }>;
  /** Issues (once) and renders a certificate; `baseUrl` is where the QR code's verify page lives. */
  pdf(
    ctx: AuditContext,
    slug: string,
    token: string | undefined,
    roundKey: string,
    baseUrl: string | null,
  ): Promise<Download>;
  verify(code: string): Promise<ContestCertificate>;
  /**
   * The organiser's print of a closed round's prize certificates, one page each in prize order (codes issued on
   * the way, as a winner's own download would); contest.manage on the contest's unit.
   */
  roundPdf(ctx: AuditContext, id: number, roundKey: string, baseUrl: string | null): Promise<Download>;
};
