import { vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { NotificationEvent, Notifier } from '../../notifications/notifications.types.js';
import type { MeasureNotices } from '../measure.types.js';

// What Measure tells a unit's officers (category 'measure'): their submission was returned, approved, or its
// result published, and the period's deadline is near. Recorded with the notifier inside the transaction of the
// write that causes it; each event's idempotency key makes a repeat (a retried job, a second process) a no-op.

export const MEASURE_NOTICE_TEMPLATES = {
  'measure.submission_returned': {
    title: {
      vi: 'Bản tự đánh giá bị trả lại: {period}',
      en: 'Self-assessment returned: {period}',
    },
    body: {
      vi: 'Bản tự đánh giá của {unit} (kỳ {period}) được trả lại để sửa {count} mục: {items}. Ý kiến: {comment}',
      en: 'The self-assessment of {unit} ({period}) was returned with {count} item(s) to fix: {items}. Comment: {comment}',
    },
  },
  'measure.submission_approved': {
    title: {
      vi: 'Bản tự đánh giá đã được duyệt: {period}',
      en: 'Self-assessment approved: {period}',
    },
    body: {
      vi: 'Bản tự đánh giá của {unit} (kỳ {period}) đã được thẩm định và duyệt: {points} điểm.',
      en: 'The self-assessment of {unit} ({period}) was appraised and approved: {points} points.',
    },
  },
  'measure.results_published': {
    title: { vi: 'Kết quả đã được công bố: {period}', en: 'Results published: {period}' },
    body: {
      vi: 'Kết quả kỳ {period} đã được công bố. {unit}: {points} điểm, hạng {rank}.',
      en: 'The results of {period} were published. {unit}: {points} points, rank {rank}.',
    },
  },
  'measure.results_published_unranked': {
    title: { vi: 'Kết quả đã được công bố: {period}', en: 'Results published: {period}' },
    body: {
      vi: 'Kết quả kỳ {period} đã được công bố. {unit} chưa có trong bảng xếp hạng vì bản tự đánh giá chưa được duyệt.',
      en: 'The results of {period} were published. {unit} is not in the ranking: its self-assessment was not approved.',
    },
  },
  'measure.submission_reopened': {
    title: { vi: 'Bản tự đánh giá được mở lại: {period}', en: 'Self-assessment reopened: {period}' },
    body: {
      vi: 'Bản tự đánh giá của {unit} (kỳ {period}) được mở lại để sửa và gửi lại. Lý do: {reason}',
      en: 'The self-assessment of {unit} ({period}) was reopened to be corrected and sent again. Reason: {reason}',
    },
  },
  'measure.deadline_soon': {
    title: { vi: 'Sắp hết hạn nộp: {period}', en: 'Deadline near: {period}' },
    body: {
      vi: 'Kỳ {period} hết hạn nộp ngày {due} (còn {days} ngày). {unit} chưa nộp bản tự đánh giá.',
      en: '{period} closes for submissions on {due} ({days} day(s) left). {unit} has not submitted its self-assessment.',
    },
  },
};

const entryLink = (periodId: number, unitId: number) =>
  `/app/measure/periods/${periodId}/units/${unitId}/entry`;

/** Points as Vietnamese write them (60,04); the English text reads the same figure. */
const pointsText = (points: number) =>
  (Math.round(points * 100) / 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 });

type Unit = { periodId: number; periodName: string; unitId: number; unitName: string };

function toOfficers(
  u: Unit,
  kind: keyof typeof MEASURE_NOTICE_TEMPLATES,
  key: string,
  params: Record<string, string | number>,
  urgent = false,
): NotificationEvent {
  return {
    kind,
    recipients: { roles: [{ role: 'officer', unitId: u.unitId, reach: 'unit' }] },
    message: { key: kind, params: { period: u.periodName, unit: u.unitName, ...params } },
    link: entryLink(u.periodId, u.unitId),
    idempotencyKey: key,
    urgent,
  };
}

export function createMeasureNotices(notifier: Notifier): MeasureNotices {
  return {
    returned: (exec: Executor, u, s) =>
      notifier.notify(
        exec,
        // A returned entry needs the officers' action: mailed at once, not in the next day's digest.
        toOfficers(
          u,
          'measure.submission_returned',
          `measure:submission:${s.submissionId}:returned:${s.round}`,
          { count: s.items.length, items: s.items.join('; '), comment: s.comment },
          true,
        ),
      ),
    approved: (exec, u, s) =>
      notifier.notify(
        exec,
        toOfficers(
          u,
          'measure.submission_approved',
          `measure:submission:${s.submissionId}:approved:${s.round}`,
          {
            points: s.points === null ? '–' : pointsText(s.points),
          },
        ),
      ),
    published: (exec, u, s) =>
      notifier.notify(
        exec,
        s.points === null
          ? toOfficers(
              u,
              'measure.results_published_unranked',
              `measure:snapshot:${s.snapshotId}:unit:${u.unitId}`,
              {},
            )
          : toOfficers(u, 'measure.results_published', `measure:snapshot:${s.snapshotId}:unit:${u.unitId}`, {
              points: pointsText(s.points),
              rank: s.rank ?? '–',
            }),
      ),
    reopened: (exec, u, s) =>
      notifier.notify(
        exec,
        toOfficers(
          u,
          'measure.submission_reopened',
          `measure:submission:${s.submissionId}:reopened:${s.reopenedAt}`,
          { reason: s.reason },
          true,
        ),
      ),
    deadlineSoon: (exec, u, s) =>
      notifier.notify(
        exec,
        toOfficers(
          u,
          'measure.deadline_soon',
          `measure:period:${u.periodId}:unit:${u.unitId}:due:${s.dueOn}`,
          { due: vietnameseDateText(s.dueOn), days: s.daysLeft },
          s.daysLeft <= 1,
        ),
      ),
  };
}
