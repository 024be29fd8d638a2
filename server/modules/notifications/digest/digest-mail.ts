import { CATEGORY_LABELS, categoryOfKind } from '../../../../core/notifications/categories.js';
import { vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Config } from '../../../config.js';
import type { Mail } from '../../../deps.js';
import { absoluteLink } from '../delivery/channels.js';

export type DigestItem = {
  category: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
};

type LinkConfig = Pick<Config, 'publicUrl' | 'production' | 'host' | 'port'>;

const TEXT = {
  vi: {
    subject: (n: number, date: string) => `[DXBoard] Tổng hợp ${n} thông báo ngày ${date}`,
    intro: (n: number, date: string) => `Trong ngày ${date} bạn có ${n} thông báo mới:`,
    centre: 'Xem và đánh dấu đã đọc tại',
  },
  en: {
    subject: (n: number, date: string) => `[DXBoard] Daily digest: ${n} notifications, ${date}`,
    intro: (n: number, date: string) => `You have ${n} new notifications for ${date}:`,
    centre: 'Read them and mark them read at',
  },
};

/** One email for a day's items, grouped by category in the user's language. Callers never pass an empty list. */
export function digestMail(
  to: string,
  locale: 'vi' | 'en',
  date: string,
  items: readonly DigestItem[],
  config: LinkConfig,
): Mail {
  const t = TEXT[locale];
  const shown = locale === 'vi' ? vietnameseDateText(date) : date;
  const lines = [t.intro(items.length, shown)];
  const categories = [...new Set(items.map((i) => i.category))];
  for (const category of categories) {
    lines.push('', CATEGORY_LABELS[categoryOfKind(`${category}.x`)][locale].toUpperCase());
    for (const item of items.filter((i) => i.category === category)) {
      lines.push(`• ${locale === 'en' ? item.titleEn : item.titleVi}`);
      const body = locale === 'en' ? item.bodyEn : item.bodyVi;
      if (body) lines.push(`  ${body.replace(/\n/g, '\n  ')}`);
      const link = absoluteLink(item.link, config);
      if (link) lines.push(`  ${link}`);
    }
  }
  lines.push('', '--', `${t.centre} ${absoluteLink('/app/notifications', config)}`);
  return { to, subject: t.subject(items.length, shown), text: lines.join('\n') };
}
