import ExcelJS from 'exceljs';
import type { AuditContext } from '../../../lib/audit.js';
import { dataCipher } from '../../../lib/field-crypto.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';
import { canManageContest } from '../contest.policy.js';
import type { ContestServiceDeps, PrivacyService } from '../contest.types.js';
import { CCCD_PURPOSE, contestRetentionDays, PHONE_PURPOSE } from './personal-data.js';
import { createPrivacyRepository } from './privacy.repository.js';

// Participants' CCCD and phone: sealed at rest (a start-up step seals rows written before, and re-seals rows of
// an older key after a rotation), opened only for the organiser's participants workbook (audited), and erased
// once a closed contest's retention has passed (audited, one row per contest). Values never reach a log.

const BATCH = 500;

export function createPrivacyService(
  deps: Pick<ContestServiceDeps, 'db' | 'audit' | 'clock' | 'config' | 'repo' | 'guard'>,
  env: Record<string, string | undefined> = process.env,
): PrivacyService {
  const { db, audit, clock, guard } = deps;
  const repo = createPrivacyRepository(db);
  const cipher = () => dataCipher(deps.config, env);

  return {
    async sealAll() {
      const c = cipher();
      let sealed = 0;
      let after = 0;
      let unreadable = 0;
      // A value sealed by a key that is not in the ring (a restore without DATA_DIR/data-key) stays as it is:
      // it is counted and reported, never guessed at, and the job goes on.
      const reseal = (stored: string, purpose: string) => {
        try {
          return c.encrypt(c.decrypt(stored, purpose), purpose);
        } catch {
          unreadable++;
          return null;
        }
      };
      for (;;) {
        const rows = await repo.withPersonalData(after, BATCH);
        if (rows.length === 0) break;
        await db.transaction().execute(async (trx) => {
          for (const r of rows) {
            const set: { phone?: string; cccd?: string } = {};
            const phone = r.phone && c.needsRewrite(r.phone) ? reseal(r.phone, PHONE_PURPOSE) : null;
            const cccd = r.cccd && c.needsRewrite(r.cccd) ? reseal(r.cccd, CCCD_PURPOSE) : null;
            if (phone) set.phone = phone;
            if (cccd) set.cccd = cccd;
            if (set.phone || set.cccd) {
              await repo.setSealed(r.id, set, trx);
              sealed++;
            }
          }
        });
        after = rows[rows.length - 1].id;
      }
      if (unreadable)
        console.warn(
          `[contest] ${unreadable} CCCD/phone values are sealed by a key missing from DXBOARD_DATA_KEY or DATA_DIR/data-key (docs/operations.md)`,
        );
      return sealed;
    },

    async eraseExpired() {
      const days = contestRetentionDays(env);
      if (days === 0) return 0;
      const before = new Date(clock.now().getTime() - days * 86_400_000).toISOString();
      let erased = 0;
      for (const contest of await repo.closedContestsBefore(before)) {
        await db.transaction().execute(async (trx) => {
          const n = await repo.erasePersonalData(contest.id, trx);
          if (n === 0) return;
          erased += n;
          await audit.record(
            trx,
            { actor: null },
            {
              action: 'contest.personal_data.erase',
              entity: 'contest',
              entityId: contest.id,
              unitId: contest.unitId,
              after: {
                participants: n,
                fields: ['cccd', 'phone'],
                retentionDays: days,
                closedAt: contest.closedAt,
              },
            },
          );
        });
      }
      return erased;
    },

    async exportParticipants(ctx: AuditContext, id: number) {
      const { entity } = await guard.forEntity(
        ctx.actor,
        canManageContest,
        () => deps.repo.contest(id),
        (c) => c.unitId,
        {
          notFoundKey: 'contest.not_found',
        },
      );
      const c = cipher();
      const openOr = (stored: string | null, purpose: string) => {
        try {
          return c.decryptOrNull(stored, purpose) ?? '';
        } catch {
          return '(không mở được: thiếu khoá / key missing)';
        }
      };
      const rows = await repo.participantsForExport(id);
      const book = new ExcelJS.Workbook();
      book.creator = 'DXBoard';
      const sheet = book.addWorksheet('Người dự thi');
      sheet.addRow([entity.title]);
      sheet.addRow(['Dữ liệu cá nhân: chỉ dùng để liên hệ trao giải; không chia sẻ, xoá sau khi dùng xong.']);
      sheet.addRow([
        'Mã',
        'Họ và tên',
        'Bảng',
        'Đơn vị',
        'Số CCCD',
        'Điện thoại',
        'Email',
        'Ngày sinh',
        'Đã xác minh',
        'Đăng ký lúc',
      ]);
      for (const r of rows)
        sheet.addRow(
          neutraliseRow([
            r.id,
            r.fullName,
            r.groupKey,
            r.unitName ?? '',
            openOr(r.cccd, CCCD_PURPOSE),
            openOr(r.phone, PHONE_PURPOSE),
            r.email ?? '',
            r.birthDate ?? '',
            r.verified ? 'Có' : 'Chưa',
            r.createdAt,
          ]),
        );
      await db.transaction().execute((trx) =>
        audit.record(trx, ctx, {
          action: 'contest.participants.export',
          entity: 'contest',
          entityId: id,
          unitId: entity.unitId,
          after: { participants: rows.length },
        }),
      );
      const body = new Uint8Array(await book.xlsx.writeBuffer());
      return { fileName: `nguoi-du-thi-${entity.slug}.xlsx`, body };
    },
  };
}
