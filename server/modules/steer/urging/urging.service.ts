import type {
  LetterPreview,
  ReminderSettingsView,
  UrgingTask,
  UrgingUnit,
} from '../../../../core/contracts/steer-urging.js';
import { addDays } from '../../../../core/steer/calendar.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { topLevelUnitsAmong } from '../../../lib/unit-ancestors.js';
import type { Notifier } from '../../notifications/notifications.types.js';
import type { SteerTasksService, TaskView } from '../steer.types.js';
import { reminderSettingsOf } from './reminders.service.js';
import type { UrgingRepository } from './urging.repository.js';
import type { SteerUrgingService } from './urging.types.js';
import { buildUrgingLetter, type UrgingLetterInput } from './urging-letter.js';
import { allTasks, byDaysOverdue, byDue, letterView, urgingTaskOf } from './urging-views.js';

// Urging letters and the urging page: which units have overdue or due-soon tasks (read through the tasks
// feature's list, so scope, confidentiality and lineage are judged the one way), the letter to one unit — its
// input kept as sent, its tasks linked, a line in each task's history, the unit's officers notified and the
// audit row, all in one transaction — the letters' and reminders' logs, and the reminder settings.

export type UrgingServiceDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  repo: UrgingRepository;
  guard: AccessGuard;
  tasks: Pick<SteerTasksService, 'listTasks'>;
  notifier: Pick<Notifier, 'notify'>;
};

const PLACE_PREFIXES = /^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã)\s+/iu;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Who issues a letter: the province's Department of Science and Technology (the committee's standing agency). */
export function letterIssuer(root: { name: string; type: string; level: number }) {
  const name = root.name.trim();
  const place = name.replace(PLACE_PREFIXES, '') || name;
  const official = PLACE_PREFIXES.test(name) ? name : root.type === 'province' ? `Tỉnh ${name}` : name;
  if (root.type === 'province' || root.level === 1) {
    return {
      parentBody: `UBND ${upper(official)}`,
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      symbol: 'SKHCN-CĐS',
      place,
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
    };
  }
  return {
    parentBody: '',
    issuer: `ỦY BAN NHÂN DÂN ${upper(official)}`,
    symbol: 'UBND-VP',
    place,
    authority: 'TM. ỦY BAN NHÂN DÂN',
    title: 'CHỦ TỊCH',
  };
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function createUrgingService({
  db,
  clock,
  audit,
  repo,
  guard,
  tasks,
  notifier,
}: UrgingServiceDeps): SteerUrgingService {
  const today = () => vietnamDate(clock.now());

  /** The unit's own overdue and due-soon tasks (it leads them, itself or through a merger), as of today. */
  async function unitTasks(actor: Actor, unitId: number, asOf: string) {
    const [overdue, dueSoon] = await Promise.all(
      (['overdue', 'due_soon'] as const).map((status) =>
        allTasks(tasks, actor, { unitId, role: 'lead', status, asOf }),
      ),
    );
    const own = (t: TaskView) => t.leadUnit.id === unitId;
    return {
      overdue: overdue.filter(own).map(urgingTaskOf).sort(byDaysOverdue),
      dueSoon: dueSoon.filter(own).map(urgingTaskOf).sort(byDue),
    };
  }

  async function preview(actor: Actor | null, unitId: number): Promise<LetterPreview> {
    const { actor: a } = await guard.forUnit(actor, 'steer.manage', unitId);
    const asOf = today();
    const names = await repo.unitNames([unitId]);
    const unitName = names.get(unitId);
    if (!unitName) throw new AppError('NOT_FOUND');
    return { asOf, unitId, unitName, ...(await unitTasks(a, unitId, asOf)), replyBy: addDays(asOf, 7) };
  }

  async function settingsView(): Promise<ReminderSettingsView> {
    const [row, settings, last] = await Promise.all([
      repo.settings(),
      reminderSettingsOf(repo),
      repo.lastRun(),
    ]);
    return {
      beforeDays: [...settings.beforeDays],
      overdueEveryDays: settings.overdueEveryDays,
      cycleBeforeDays: settings.cycleBeforeDays,
      updatedAt: row?.updatedAt ?? null,
      lastRun: last ? { on: last.runOn, reminders: last.reminders, tasks: last.tasks } : null,
    };
  }

  return {
    async units(actor, asOf) {
      const a = requireSignedIn(actor);
      if (!scopeRootsFor(a, 'steer.manage').length) throw new AppError('FORBIDDEN');
      const date = asOf ?? today();
      const [overdue, dueSoon] = await Promise.all(
        (['overdue', 'due_soon'] as const).map((status) => allTasks(tasks, a, { status, asOf: date })),
      );
      const byUnit = new Map<number, UrgingUnit>();
      const entry = (t: TaskView) => {
        let u = byUnit.get(t.leadUnit.id);
        if (!u) {
          u = {
            unitId: t.leadUnit.id,
            unitName: t.leadUnit.name,
            overdue: 0,
            dueSoon: 0,
            maxDaysOverdue: 0,
            lastLetter: null,
          };
          byUnit.set(t.leadUnit.id, u);
        }
        return u;
      };
      for (const t of overdue) {
        const u = entry(t);
        u.overdue++;
        u.maxDaysOverdue = Math.max(u.maxDaysOverdue, t.status?.daysOverdue ?? 0);
      }
      for (const t of dueSoon) entry(t).dueSoon++;
      // Only units the caller may urge (steer.manage over them), not those it merely reads.
      const ancestors = await Promise.all([...byUnit.keys()].map((id) => guard.ancestorsOf(id)));
      const ids = [...byUnit.keys()].filter((_id, i) => canOnUnit(a, 'steer.manage', ancestors[i]));
      const last = await repo.lastLetters(ids);
      const items = ids
        .map((id) => ({ ...(byUnit.get(id) as UrgingUnit), lastLetter: last.get(id) ?? null }))
        .sort(
          (x, y) =>
            y.overdue - x.overdue ||
            y.maxDaysOverdue - x.maxDaysOverdue ||
            y.dueSoon - x.dueSoon ||
            x.unitName.localeCompare(y.unitName, 'vi'),
        );
      return { asOf: date, items };
    },

    preview,

    async send(ctx, unitId, input) {
      const p = await preview(ctx.actor, unitId);
      const actor = requireSignedIn(ctx.actor);
      if (!p.overdue.length && !p.dueSoon.length)
        throw new AppError('INVALID_STATE', {
          detailKey: 'steer.urging.nothing_to_urge',
          params: { unit: p.unitName },
        });
      const replyBy = input.replyBy ?? p.replyBy;
      if (replyBy < p.asOf)
        throw new AppError('VALIDATION', {
          fieldErrors: [
            {
              field: 'body.replyBy',
              code: 'steer.urging.reply_in_past',
              params: { date: vietnameseDateText(p.asOf) },
            },
          ],
        });
      const root = await repo.rootOf(unitId);
      if (!root) throw new AppError('NOT_FOUND');
      const issuer = letterIssuer(root);
      const row = (t: UrgingTask) => ({
        title: t.title,
        source: t.source,
        deadlineWritten: t.deadlineWritten,
        due: t.due ?? p.asOf,
      });
      const letter: UrgingLetterInput = {
        parentBody: issuer.parentBody,
        issuer: issuer.issuer,
        symbol: issuer.symbol,
        number: input.number ?? null,
        place: issuer.place,
        date: p.asOf,
        unitName: p.unitName,
        overdue: p.overdue.map((t) => ({ ...row(t), daysOverdue: t.daysOverdue ?? 0 })),
        dueSoon: p.dueSoon.map((t) => ({ ...row(t), daysUntilDue: t.daysUntilDue ?? 0 })),
        replyBy,
        signer: { authority: issuer.authority, title: issuer.title, name: input.signerName?.trim() ?? '' },
      };
      const label = actor.kind === 'user' ? actor.fullName || actor.email : actor.name;
      const taskIds = [...p.overdue, ...p.dueSoon].map((t) => t.id);
      const now = clock.now().toISOString();
      const saved = await db.transaction().execute(async (trx) => {
        const created = await repo.insertLetter(
          {
            unitId,
            issuerUnitId: root.id,
            number: input.number ?? null,
            issuedOn: p.asOf,
            replyBy,
            overdueCount: p.overdue.length,
            dueSoonCount: p.dueSoon.length,
            letterJson: JSON.stringify(letter),
            createdBy: actor.userId,
            createdByLabel: label,
            createdAt: now,
          },
          trx,
        );
        await repo.insertLetterTasks(created.id, taskIds, trx);
        const numberText = `số ${input.number ?? '…'}/${issuer.symbol}`;
        await repo.insertHistory(
          taskIds.map((taskId) => ({
            taskId,
            at: now,
            onDate: p.asOf,
            actorUserId: actor.userId,
            actorLabel: label,
            newValue: `letter:${created.id}`,
            note: `Văn bản đôn đốc ${numberText} ngày ${vietnameseDateText(p.asOf)} gửi ${p.unitName}`,
          })),
          trx,
        );
        const { notificationId } = await notifier.notify(trx, {
          kind: 'steer.urging_letter',
          recipients: { roles: [{ role: 'officer', unitId, reach: 'covering' }] },
          title: { vi: 'Văn bản đôn đốc thực hiện nhiệm vụ', en: 'Urging letter on overdue tasks' },
          body: {
            vi: `${p.unitName} nhận văn bản đôn đốc ${numberText} ngày ${vietnameseDateText(p.asOf)}: ${p.overdue.length} nhiệm vụ quá hạn, ${p.dueSoon.length} nhiệm vụ sắp đến hạn. Đề nghị cập nhật tiến độ trước ngày ${vietnameseDateText(replyBy)}.`,
            en: `${p.unitName} received urging letter ${numberText} of ${vietnameseDateText(p.asOf)}: ${p.overdue.length} overdue task(s), ${p.dueSoon.length} due soon. Please update progress by ${vietnameseDateText(replyBy)}.`,
          },
          link: `/app/steer/home?unitId=${unitId}`,
          idempotencyKey: `steer:urging-letter:${created.id}`,
          urgent: true,
        });
        await repo.setLetterNotification(created.id, notificationId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.urging_letter.send',
          entity: 'steer_urging_letter',
          entityId: created.id,
          unitId,
          after: {
            unitId,
            number: created.number,
            issuedOn: created.issuedOn,
            replyBy,
            overdueCount: created.overdueCount,
            dueSoonCount: created.dueSoonCount,
            taskIds,
          },
        });
        return created;
      });
      return letterView(saved);
    },

    async letters(actor, query) {
      const a = requireSignedIn(actor);
      const scopeRoots = scopeRootsFor(a, 'steer.read');
      if (!scopeRoots.length) throw new AppError('FORBIDDEN');
      const { rows, total } = await repo.listLetters({ scopeRoots, ...query });
      return { items: rows.map(letterView), total, page: query.page, pageSize: query.pageSize };
    },

    async letterDocx(actor, id) {
      const { entity } = await guard.forEntity(
        actor,
        'steer.read',
        () => repo.findLetter(id),
        (l) => l.unitId,
      );
      const input = JSON.parse(entity.letterJson) as UrgingLetterInput;
      return {
        fileName: `van-ban-don-doc-${slug(input.unitName)}-${entity.issuedOn}.docx`,
        data: await buildUrgingLetter(input),
      };
    },

    async reminders(actor, query) {
      await guard.forUnit(actor, 'steer.read', query.unitId);
      const { rows, total } = await repo.remindersOfUnits([query.unitId], query.page, query.pageSize);
      return { items: rows, total, page: query.page, pageSize: query.pageSize };
    },

    async settings(actor) {
      const a = requireSignedIn(actor);
      if (!scopeRootsFor(a, 'steer.read').length) throw new AppError('FORBIDDEN');
      return settingsView();
    },

    async updateSettings(ctx, input) {
      const a = requireSignedIn(ctx.actor);
      if (!(await topLevelUnitsAmong(db, scopeRootsFor(a, 'steer.manage'))).length)
        throw new AppError('FORBIDDEN');
      const before = await settingsView();
      await db.transaction().execute(async (trx) => {
        await repo.saveSettings(
          {
            beforeDays: [...input.beforeDays].sort((x, y) => y - x).join(','),
            overdueEveryDays: input.overdueEveryDays,
            cycleBeforeDays: input.cycleBeforeDays,
            updatedBy: a.userId,
            updatedAt: clock.now().toISOString(),
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.urging_settings.update',
          entity: 'steer_urging_settings',
          entityId: 1,
          before: {
            beforeDays: before.beforeDays,
            overdueEveryDays: before.overdueEveryDays,
            cycleBeforeDays: before.cycleBeforeDays,
          },
          after: input,
        });
      });
      return settingsView();
    },
  };
}
