import { describe, expect, it } from 'vitest';
import type { HistoryT } from './history-i18n.js';
import { contributorText, gapText, type HistoryPoint } from './history-text.js';

const h = ((key: string, p?: Record<string, unknown>) =>
  ({
    'hx.shareAssumed': `tỷ lệ ${p?.share} là giả định`,
    'hx.share': `tỷ lệ ${p?.share}`,
    'hx.gap.not_approved': 'Hồ sơ chưa được duyệt',
    'hx.gap.no_weight': 'Đơn vị tiền thân chưa có số dân',
    'hx.status.submitted': 'chờ thẩm định',
  })[key] ?? key) as HistoryT;

const c = (share: number, shareAssumed: boolean) => ({
  unitId: 1,
  unitName: 'Phường Cam Giá',
  periodId: 1,
  share,
  shareAssumed,
  weight: null,
  value: 0.5,
});

describe('history across the reorganisation in words', () => {
  it('says when a split share is assumed, and shows a real one as a share', () => {
    expect(contributorText([c(0.4, true)], 'vi-VN', h)).toContain('là giả định');
    expect(contributorText([c(0.6, false)], 'vi-VN', h)).toMatch(/tỷ lệ 60\s?%\)/);
    expect(contributorText([c(1, false)], 'vi-VN', h)).not.toContain('tỷ lệ');
  });
  it('gives the reason of a gap instead of a bare dash', () => {
    const point = { gap: 'not_approved', submissionStatus: 'submitted' } as HistoryPoint;
    expect(gapText(point, h)).toBe('Hồ sơ chưa được duyệt (chờ thẩm định)');
    expect(gapText({ gap: 'no_weight', submissionStatus: null } as HistoryPoint, h)).toBe(
      'Đơn vị tiền thân chưa có số dân',
    );
    expect(gapText({ gap: null } as HistoryPoint, h)).toBe('');
  });
});
