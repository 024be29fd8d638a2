import type { HistoryT } from './history-i18n.js';
import type { Contributor, UnitHistory } from './measure-analysis-api.js';
import { fmtValue } from './measure-shared.js';

// Words for history across the reorganisation: who a carried value comes from, and why a point has none.

const pct = (share: number, tag: string) =>
  new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** "Unit A (0,62), Unit B (0,48; tỷ lệ 40 % là giả định)": whose results make up a carried value. */
export function contributorText(list: Contributor[], tag: string, h: HistoryT): string {
  return list
    .map((c) => {
      const share = c.share < 1 || c.shareAssumed ? pct(c.share, tag) : null;
      const note = share === null ? '' : `; ${h(c.shareAssumed ? 'hx.shareAssumed' : 'hx.share', { share })}`;
      return `${c.unitName} (${fmtValue(c.value, tag)}${note})`;
    })
    .join(', ');
}

export type HistoryPoint = UnitHistory['periods'][number];

/** Why a point has no value, in words ("Hồ sơ chưa được duyệt (chờ thẩm định)"). */
export function gapText(p: HistoryPoint, h: HistoryT): string {
  if (!p.gap) return '';
  const status =
    p.gap === 'not_approved' && p.submissionStatus ? ` (${h(`hx.status.${p.submissionStatus}`)})` : '';
  return h(`hx.gap.${p.gap}`) + status;
}
