import { createHash, randomBytes } from 'node:crypto';
import { maskName } from '../../../../core/contest/registration.js';
import type { PrizeTier } from '../../../../core/contracts/contest.js';
import type { ContestCertificate } from '../../../../core/contracts/contest-outputs.js';
import type { Executor } from '../../../db/executor.js';
import type { AuditContext } from '../../../lib/audit.js';
import {
  type CertificatePage,
  certificateDocument,
  certificatesDocument,
} from '../../../lib/certificate-pdf.js';
import { AppError } from '../../../lib/errors.js';
import { canManageContest } from '../contest.policy.js';
import type { ContestRow } from '../contest.repository.js';
import type { CertificatesService, MyCertificate, OutputsServiceDeps } from '../contest-outputs.types.js';
import { snapshotOf } from '../contests/snapshot.js';
import { prizeTitle } from '../outputs/decision-docx.js';
import '../outputs/outputs.messages.js';

// Contest certificates: a winner of a closed round (and, when the contest gives them, everyone ranked in it)
// downloads a PDF from the public results page with their participant token; the first download issues a
// random code (a row, audited), which the PDF prints with a QR code to the public verify page. Verification
// looks the code up and reads the standing again, so a forged code — or one whose prize no longer stands —
// is not valid. The public view masks the name as every public view does. Organisers print a closed round's
// prize certificates in one PDF for the ceremony; codes are issued the same way.

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(randomBytes(12), (b) => ALPHABET[b % 32]).join('');

/** The public page a certificate's QR code opens. */
export const contestCertificateUrl = (code: string, base: string | null) =>
  `${base ?? ''}/?contest-certificate=${code}`;

export function createCertificatesService(deps: OutputsServiceDeps): CertificatesService {
  const { db, repo, outputs, audit, clock, guard } = deps;

  /** The certificate's code: the one already issued, or a fresh one (a row, audited). */
  async function issue(
    trx: Executor,
    ctx: AuditContext,
    row: ContestRow,
    p: { id: number; isDemo: number },
    cert: { roundKey: string; kind: MyCertificate['kind']; prize: MyCertificate['prize'] },
  ): Promise<string> {
    const have = await outputs.certificateOf(row.id, cert.roundKey, p.id, trx);
    if (have) return have.code;
    const fresh = newCode();
    await outputs.insertCertificate(
      {
        contestId: row.id,
        roundKey: cert.roundKey,
        participantId: p.id,
        code: fresh,
        issuedAt: clock.now().toISOString(),
        isDemo: p.isDemo,
      },
      trx,
    );
    await audit.record(trx, ctx, {
      action: 'contest.certificate.issue',
      entity: 'contest_participant',
      entityId: p.id,
      unitId: row.unitId,
      after: { contestId: row.id, roundKey: cert.roundKey, code: fresh, kind: cert.kind, prize: cert.prize },
    });
    return fresh;
  }

  function page(
    row: ContestRow,
    organiser: string,
    holder: { fullName: string; unitName: string | null },
    cert: MyCertificate & { groupKey: string },
    code: string,
    baseUrl: string | null,
  ): CertificatePage {
    const group = snapshotOf(row).config.groups.find((g) => g.key === cert.groupKey)?.name ?? cert.groupKey;
    return {
      code,
      url: contestCertificateUrl(code, baseUrl),
      lines: [
        { text: `Ban Tổ chức ${row.title} — ${organiser} chứng nhận`, size: 14 },
        { text: holder.fullName, bold: true, size: 22, gap: 0.5 },
        { text: holder.unitName ?? '', size: 14 },
        {
          text: cert.prize
            ? `đã đạt ${prizeTitle(cert.prize)} — Bảng ${group}`
            : `đã tham gia cuộc thi, xếp hạng ${cert.rank} — Bảng ${group}`,
          bold: true,
          size: 16,
          gap: 1,
        },
        { text: cert.round, size: 14 },
      ],
    };
  }

  /** The rounds whose certificate this person may hold: closed, and a prize or participation certificates. */
  function eligible(
    row: ContestRow,
    standings: { roundKey: string; groupKey: string; rank: number; prize: string | null }[],
  ): (MyCertificate & { groupKey: string })[] {
    const { config, closedRounds } = snapshotOf(row);
    return standings.flatMap((s) => {
      const round = config.rounds.find((r) => r.key === s.roundKey);
      if (!round || !closedRounds.includes(s.roundKey)) return [];
      const kind = s.prize
        ? ('prize' as const)
        : config.participationCertificates && !round.boardOnly
          ? ('participation' as const)
          : null;
      if (!kind) return [];
      return [
        {
          roundKey: s.roundKey,
          round: round.name,
          rank: s.rank,
          prize: (s.prize as PrizeTier | null) ?? null,
          kind,
          groupKey: s.groupKey,
        },
      ];
    });
  }

  async function holder(slug: string, token: string | undefined) {
    const row = await repo.contestBySlug(slug);
    if (!row || row.status === 'draft') throw new AppError('NOT_FOUND', { detailKey: 'contest.not_found' });
    if (!token) throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
    const p = await repo.participantByToken(row.id, sha256(token));
    if (!p) throw new AppError('UNAUTHENTICATED', { detailKey: 'contest.bad_token' });
    return { row, p };
  }

  return {
    async mine(slug, token) {
      const { row, p } = await holder(slug, token);
      return { items: eligible(row, await outputs.standingsOf(p.id)).map(({ groupKey: _, ...c }) => c) };
    },

    async pdf(ctx, slug, token, roundKey, baseUrl) {
      const { row, p } = await holder(slug, token);
      const cert = eligible(row, await outputs.standingsOf(p.id)).find((c) => c.roundKey === roundKey);
      if (!cert) throw new AppError('NOT_FOUND', { detailKey: 'contest.no_certificate' });
      const code = await db.transaction().execute((trx) => issue(trx, ctx, row, p, cert));
      const organiser = (await repo.unitName(row.unitId)) ?? '';
      const unitName = (await repo.unitName(p.unitId ?? 0)) ?? '';
      const body = await certificateDocument(
        page(row, organiser, { fullName: p.fullName, unitName }, cert, code, baseUrl),
      );
      return { fileName: `chung-nhan-${row.slug}-${roundKey}.pdf`, body: new Uint8Array(body) };
    },

    async roundPdf(ctx, id, roundKey, baseUrl) {
      const { entity: row } = await guard.forEntity(
        ctx.actor,
        canManageContest,
        () => repo.contest(id),
        (c) => c.unitId,
        { notFoundKey: 'contest.not_found' },
      );
      const none = () => new AppError('NOT_FOUND', { detailKey: 'contest.no_prize_certificates' });
      if (!snapshotOf(row).closedRounds.includes(roundKey)) throw none();
      const winners = await outputs.prizeWinners(row.id, roundKey);
      if (winners.length === 0) throw none();
      const organiser = (await repo.unitName(row.unitId)) ?? '';
      const pages = await db.transaction().execute(async (trx) => {
        const out: CertificatePage[] = [];
        for (const w of winners) {
          const [cert] = eligible(row, [w]);
          if (!cert) continue;
          const code = await issue(trx, ctx, row, { id: w.participantId, isDemo: w.isDemo }, cert);
          out.push(page(row, organiser, w, cert, code, baseUrl));
        }
        return out;
      });
      const body = await certificatesDocument(pages, `Giấy chứng nhận đạt giải — ${row.title}`);
      return { fileName: `chung-nhan-dat-giai-${row.slug}-${roundKey}.pdf`, body: new Uint8Array(body) };
    },

    async verify(code): Promise<ContestCertificate> {
      const invalid = () => new AppError('NOT_FOUND', { detailKey: 'contest.certificate_invalid' });
      const cert = await outputs.certificateByCode(code.toUpperCase());
      if (!cert) throw invalid();
      const row = await repo.contest(cert.contestId);
      const standing = await outputs.standing(cert.contestId, cert.roundKey, cert.participantId);
      if (!row || !standing) throw invalid();
      const [c] = eligible(row, [standing]);
      if (!c) throw invalid();
      const group = snapshotOf(row).config.groups.find((g) => g.key === standing.groupKey)?.name ?? '';
      return {
        valid: true,
        code: cert.code,
        name: maskName(standing.fullName),
        unitName: standing.unitName,
        contest: row.title,
        contestSlug: row.slug,
        round: c.round,
        group,
        rank: c.rank,
        prize: c.prize,
        kind: c.kind,
        issuedAt: cert.issuedAt,
      };
    },
  };
}
