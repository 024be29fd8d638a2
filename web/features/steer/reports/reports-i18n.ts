import { useCallback } from 'react';
import { labelEntries } from '../../../../core/measure/labels.js';
import { STATUS_BUCKET_LABELS } from '../../../../core/steer/labels.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../../i18n/interpolate.js';

// Texts of the periodic reports page and the leader dashboard, Vietnamese first; `en` has exactly the same keys.
const vi = {
  ...labelEntries('rp.bucket.', STATUS_BUCKET_LABELS, 'vi'),
  'rp.noUnit': 'Tài khoản chưa được giao đơn vị nào.',
  'rp.title': 'Báo cáo định kỳ kết quả thực hiện nhiệm vụ',
  'rp.type': 'Loại kỳ',
  'rp.type.month': 'Tháng',
  'rp.type.quarter': 'Quý',
  'rp.type.half': '6 tháng',
  'rp.type.year': 'Năm',
  'rp.period': 'Kỳ báo cáo',
  'rp.pickPeriod': 'Chọn kỳ',
  'rp.p.month': 'Tháng {m}/{y}',
  'rp.p.quarter': 'Quý {q}/{y}',
  'rp.p.h1': '6 tháng đầu năm {y}',
  'rp.p.h2': '6 tháng cuối năm {y}',
  'rp.p.year': 'Năm {y}',
  'rp.preview': 'Xem trước: {period}',
  'rp.asOfVs': 'Số liệu tính đến ngày {asOf}; so với ngày {before}',
  'rp.status': 'Tình trạng',
  'rp.allTasks': 'Tất cả nhiệm vụ',
  'rp.dueInPeriod': 'Đến hạn trong kỳ',
  'rp.summary':
    'Tỷ lệ hoàn thành {completion} · đúng hạn {onTime} · quá hạn {overdue} (kỳ trước {before}) · {listed} nhiệm vụ trong danh mục quá hạn',
  'rp.numberSymbol': 'Số, ký hiệu (không bắt buộc)',
  'rp.issue': 'Ban hành báo cáo',
  'rp.issueTitle': 'Ban hành báo cáo?',
  'rp.issueConfirm':
    'Báo cáo {period} sẽ được lưu với số liệu đến ngày {asOf}. Các thay đổi nhiệm vụ sau này không làm thay đổi báo cáo đã ban hành; tỷ lệ hoàn thành và tỷ lệ đúng hạn được ghi vào chỉ tiêu.',
  'rp.issueYes': 'Ban hành',
  'rp.cancel': 'Hủy',
  'rp.issued': 'Đã ban hành báo cáo {period}',
  'rp.list': 'Báo cáo đã ban hành',
  'rp.listEmpty': 'Chưa có báo cáo nào.',
  'rp.listLine':
    'Đến ngày {asOf} · {tasks} nhiệm vụ · đúng hạn {onTime} · ban hành {issuedAt} bởi {issuedBy}',
  'rp.downloadXlsx': 'Tải XLSX',
  'rp.downloadDocx': 'Tải DOCX',
  'db.title': 'Bảng điều hành của lãnh đạo',
  'db.subtitle': '{scope} · số liệu đến ngày {asOf} · so với ngày {before} ({period})',
  'db.asOf': 'Xem số liệu đến ngày (để trống là hôm nay; nhập yyyy-mm-dd)',
  'db.before': 'kỳ trước: {n}',
  'db.total': 'Tổng số: {n}',
  'db.due': 'Đến hạn trong kỳ: {n}',
  'db.completion': 'Tỷ lệ hoàn thành: {rate}',
  'db.onTime': 'Đúng hạn: {rate}',
  'db.overdueUp': 'Quá hạn tăng {n}',
  'db.overdueDown': 'Quá hạn giảm {n}',
  'db.overdueSame': 'Quá hạn không đổi',
  'db.keyOverdue': 'Nhiệm vụ trọng tâm quá hạn',
  'db.keyOverdueNone': 'Không có nhiệm vụ trọng tâm quá hạn.',
  'db.leadDue': '{unit} · hạn {date}',
  'db.days': '{n} ngày',
  'db.changed': 'Thay đổi so với kỳ trước',
  'db.changedNone': 'Không có nhiệm vụ đổi tình trạng.',
  'db.changeLine': '{from} → {to}: {n} nhiệm vụ',
  'db.notAssigned': 'Chưa giao',
  'db.byPlan': 'Theo kế hoạch',
  'db.noPlan': 'Ngoài kế hoạch',
  'db.byUnit': 'Theo đơn vị chủ trì (xếp hạng theo tỷ lệ đúng hạn)',
  'db.rank': 'Hạng',
  'db.unit': 'Đơn vị',
  'db.onTimeCol': 'Đúng hạn',
  'db.overdueCol': 'Quá hạn',
  'db.chart': 'Tình trạng thực hiện nhiệm vụ',
};

export type ReportsKey = keyof typeof vi;

const en: Record<ReportsKey, string> = {
  ...labelEntries('rp.bucket.', STATUS_BUCKET_LABELS, 'en'),
  'rp.noUnit': 'Your account has no unit yet.',
  'rp.title': 'Periodic reports on the tasks',
  'rp.type': 'Period type',
  'rp.type.month': 'Month',
  'rp.type.quarter': 'Quarter',
  'rp.type.half': 'Half-year',
  'rp.type.year': 'Year',
  'rp.period': 'Period',
  'rp.pickPeriod': 'Choose a period',
  'rp.p.month': '{m}/{y}',
  'rp.p.quarter': 'Q{qn}/{y}',
  'rp.p.h1': 'First half of {y}',
  'rp.p.h2': 'Second half of {y}',
  'rp.p.year': 'Year {y}',
  'rp.preview': 'Preview: {period}',
  'rp.asOfVs': 'Figures as of {asOf}; compared with {before}',
  'rp.status': 'Status',
  'rp.allTasks': 'All tasks',
  'rp.dueInPeriod': 'Due in the period',
  'rp.summary':
    'Completion {completion} · on time {onTime} · overdue {overdue} (previous period {before}) · {listed} tasks in the overdue list',
  'rp.numberSymbol': 'Number and symbol (optional)',
  'rp.issue': 'Issue the report',
  'rp.issueTitle': 'Issue the report?',
  'rp.issueConfirm':
    'The report for {period} will be stored with the figures as of {asOf}. Later changes to the tasks never change an issued report; the completion and on-time rates are written as KPIs.',
  'rp.issueYes': 'Issue',
  'rp.cancel': 'Cancel',
  'rp.issued': 'Report for {period} issued',
  'rp.list': 'Issued reports',
  'rp.listEmpty': 'No report yet.',
  'rp.listLine': 'As of {asOf} · {tasks} tasks · on time {onTime} · issued {issuedAt} by {issuedBy}',
  'rp.downloadXlsx': 'Download XLSX',
  'rp.downloadDocx': 'Download DOCX',
  'db.title': 'Leader dashboard',
  'db.subtitle': '{scope} · figures as of {asOf} · compared with {before} ({period})',
  'db.asOf': 'Figures as of (empty for today; type yyyy-mm-dd)',
  'db.before': 'previous period: {n}',
  'db.total': 'Total: {n}',
  'db.due': 'Due in the period: {n}',
  'db.completion': 'Completion: {rate}',
  'db.onTime': 'On time: {rate}',
  'db.overdueUp': 'Overdue up by {n}',
  'db.overdueDown': 'Overdue down by {n}',
  'db.overdueSame': 'Overdue unchanged',
  'db.keyOverdue': 'Key tasks overdue',
  'db.keyOverdueNone': 'No key task is overdue.',
  'db.leadDue': '{unit} · due {date}',
  'db.days': '{n} days',
  'db.changed': 'Changes since the previous period',
  'db.changedNone': 'No task changed status.',
  'db.changeLine': '{from} → {to}: {n} tasks',
  'db.notAssigned': 'Not yet assigned',
  'db.byPlan': 'By plan',
  'db.noPlan': 'Outside any plan',
  'db.byUnit': 'By lead unit (ranked by on-time rate)',
  'db.rank': 'Rank',
  'db.unit': 'Unit',
  'db.onTimeCol': 'On time',
  'db.overdueCol': 'Overdue',
  'db.chart': 'Status of the tasks',
};

export type ReportsT = (key: ReportsKey, params?: MessageParams) => string;

export function useRpT(): ReportsT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A period's name from its code ('2026-03', '2026-Q1', '2026-H2', '2026') in the reader's language. */
export function periodName(code: string, t: ReportsT): string {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(code);
  if (!m) return code;
  const [, y, month, q, h] = m;
  if (month) return t('rp.p.month', { m: String(Number(month)), y });
  if (q) return t('rp.p.quarter', { q: ROMAN[Number(q) - 1], qn: q, y });
  if (h) return t(h === '1' ? 'rp.p.h1' : 'rp.p.h2', { y });
  return t('rp.p.year', { y });
}

export function bucketName(bucket: string, t: ReportsT): string {
  return bucket in STATUS_BUCKET_LABELS ? t(`rp.bucket.${bucket}` as ReportsKey) : t('db.notAssigned');
}
