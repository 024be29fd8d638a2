import type { Pillar } from '../contracts/measure-framework.js';
import type { Locale } from '../i18n/locale.js';
import type { MeasureUnitKind } from '../units/kind.js';

// The one table of Measure's enum labels (vi, en): pillars, unit kinds and peer groups, statuses. The results
// workbook and report, the public ranking pages and the staff app all read them here.

type Label = { readonly vi: string; readonly en: string };

export const PILLAR_LABELS: Readonly<Record<Pillar, Label>> = {
  government: { vi: 'Chính quyền số', en: 'Digital government' },
  economy: { vi: 'Kinh tế số', en: 'Digital economy' },
  society: { vi: 'Xã hội số', en: 'Digital society' },
};

/** Unit kinds and the peer group communes, wards and special zones share (see peerGroupOf). */
export const UNIT_KIND_LABELS: Readonly<Record<MeasureUnitKind | 'commune_level', Label>> = {
  province: { vi: 'Tỉnh', en: 'Province' },
  department: { vi: 'Sở, ban, ngành', en: 'Departments' },
  commune: { vi: 'Xã', en: 'Communes' },
  ward: { vi: 'Phường', en: 'Wards' },
  special_zone: { vi: 'Đặc khu', en: 'Special zones' },
  district: { vi: 'Huyện', en: 'Districts' },
  commune_level: { vi: 'Cấp xã', en: 'Commune level' },
};

/** Statuses of frameworks, periods and submissions (and a unit that has not started). */
export const STATUS_LABELS = {
  draft: { vi: 'Nháp', en: 'Draft' },
  open: { vi: 'Đang mở', en: 'Open' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  published: { vi: 'Đã công bố', en: 'Published' },
  frozen: { vi: 'Đã khoá', en: 'Frozen' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned for correction' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
} as const satisfies Record<string, Label>;

const lookup = (table: Readonly<Record<string, Label>>, code: string, locale: Locale) =>
  Object.hasOwn(table, code) ? table[code][locale] : code;

/** A pillar's name, or the code itself when unknown. */
export const pillarLabel = (code: string, locale: Locale = 'vi') => lookup(PILLAR_LABELS, code, locale);
/** A unit kind's or peer group's name, or the code itself when unknown. */
export const unitKindLabel = (code: string, locale: Locale = 'vi') => lookup(UNIT_KIND_LABELS, code, locale);
export const statusLabel = (code: string, locale: Locale = 'vi') => lookup(STATUS_LABELS, code, locale);

/** The entries of a table as flat i18n keys (`prefix + code`) in one locale, for the staff dictionaries. */
export function labelEntries<T extends Readonly<Record<string, Label>>, P extends string>(
  prefix: P,
  table: T,
  locale: Locale,
): { [K in keyof T & string as `${P}${K}`]: string } {
  return Object.fromEntries(Object.entries(table).map(([code, l]) => [`${prefix}${code}`, l[locale]])) as {
    [K in keyof T & string as `${P}${K}`]: string;
  };
}
