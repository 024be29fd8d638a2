import ExcelJS from 'exceljs';
import { ContestConfigSchema } from '../../../../core/contracts/contest.js';
import type { AuditContext } from '../../../lib/audit.js';
import { dataCipher } from '../../../lib/field-crypto.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';
import { canManageContest } from '../contest.policy.js';
import type { ContestServiceDeps, PrivacyService } from '../contest.types.js';
import {
  CCCD_PURPOSE,
  contestRetentionDays,
  PHONE_PURPOSE,
  registrationIndexes,
  registrationKeyText,
} from './personal-data.js';
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
      // Uniqueness keys written before keyed indexes, or under an older key: computed again from the stored
      // values, so a rotation (or this upgrade) never lets the same CCCD register twice.
      let rekeyed = 0;
      after = 0;
      for (;;) {
        const rows = await repo.staleRegistrationKeys(after, c.currentKeyId, BATCH);
        if (rows.length === 0) break;
        await db.transaction().execute(async (trx) => {
          for (const r of rows) {
            let value: string | number | null;
            try {
              value = storedRegistrationValue(r, (stored, purpose) => c.decrypt(stored, purpose));
            } catch {
              unreadable++;
              continue;
            }
            if (value === null || value === '') continue;
            const { current } = registrationIndexes(c, r.contestId, r.field, registrationKeyText(value));
            await repo.setRegistrationKey(r.id, current, trx);
            rekeyed++;
          }
        });
        after = rows[rows.length - 1].id;
      }
      if (unreadable)
        console.warn(
          `[contest] ${unreadable} CCCD/phone values are sealed by a key missing from DXBOARD_DATA_KEY or DATA_DIR/data-key (docs/operations.md)`,
        );
      return sealed + rekeyed;
    },

    async eraseExpired() {
      const serverDays = contestRetentionDays(env);
      const now = clock.now().getTime();
      let erased = 0;
      for (const contest of await repo.closedContestsHoldingPersonalData()) {
        // A contest's own retention (stated in its rules) wins over the server's default; 0 keeps the data.
        const own = retentionOf(contest.configJson);
        const days = own ?? serverDays;
        if (days === 0 || !contest.closedAt) continue;
        if (Date.parse(contest.closedAt) > now - days * 86_400_000) continue;
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
                retentionFrom: own === null ? 'CONTEST_RETENTION_DAYS' : 'contest',
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

type StoredRegistration = {
  field: string;
  fullName: string;
  phone: string | null;
  cccd: string | null;
  email: string | null;
  birthDate: string | null;
  gender: string | null;
  unitId: number | null;
  address: string | null;
};

/** The value a registration key was computed from, as the participant row keeps it (CCCD and phone sealed). */
function storedRegistrationValue(
  r: StoredRegistration,
  open: (stored: string, purpose: string) => string,
): string | number | null {
  switch (r.field) {
    case 'phone':
      return r.phone === null ? null : open(r.phone, PHONE_PURPOSE);
    case 'cccd':
      return r.cccd === null ? null : open(r.cccd, CCCD_PURPOSE);
    case 'unit':
      return r.unitId;
    case 'fullName':
    case 'email':
    case 'birthDate':
    case 'gender':
    case 'address':
      return r[r.field];
    default:
      return null;
  }
}

/** The contest's own retention in days, or null when it leaves it to CONTEST_RETENTION_DAYS. */
function retentionOf(configJson: string): number | null {
  const parsed = ContestConfigSchema.shape.retentionDays.safeParse(
    (JSON.parse(configJson) as { retentionDays?: unknown }).retentionDays ?? null,
  );
  return parsed.success ? parsed.data : null;
}
